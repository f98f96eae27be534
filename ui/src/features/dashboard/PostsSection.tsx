import { useTranslation } from "react-i18next";

import type { PostResult } from "../../ipc";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../i18n/format";

const count = (value: number | null, language: "en" | "id") => (value === null ? "—" : formatNumber(value, language));

function PostTable({ title, posts, testId, timeZone, onOpenPost }: {
  title: string;
  posts: readonly PostResult[];
  testId: string;
  timeZone: string;
  onOpenPost: (id: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-US", { timeZone, dateStyle: "medium" });
  return (
    <div className="dashboard__posts">
      <h4>{title}</h4>
      <table className="dashboard__table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.post")}</th>
            <th scope="col">{t("dashboard.channel")}</th>
            <th scope="col">{t("dashboard.published")}</th>
            <th scope="col">{t("dashboard.likes")}</th>
            <th scope="col">{t("dashboard.reposts")}</th>
            <th scope="col">{t("dashboard.replies")}</th>
          </tr>
        </thead>
        <tbody>
          {posts.map((p) => (
            <tr key={`${p.postId}-${p.channel}`}>
              <td>
                <button type="button" className="button button--quiet dashboard__post-link" onClick={() => onOpenPost(p.postId)}>
                  {p.excerpt}
                </button>
              </td>
              <td>{p.channel}</td>
              <td>{day.format(new Date(p.publishedAt * 1000))}</td>
              <td>{count(p.likes, language)}</td>
              <td>{count(p.reposts, language)}</td>
              <td>{count(p.replies, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The posts that did best and least in the range; a click opens the post. */
export function PostsSection({ top, bottom, timeZone, onOpenPost }: {
  top: readonly PostResult[];
  bottom: readonly PostResult[];
  timeZone: string;
  onOpenPost: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-posts">
      <h3 id="dashboard-posts">{t("dashboard.postsTitle")}</h3>
      {top.length === 0 ? (
        <p className="dashboard__empty">{t("dashboard.noPosts")}</p>
      ) : (
        <div className="dashboard__columns">
          <PostTable title={t("dashboard.topPosts")} posts={top} testId="top-posts" timeZone={timeZone} onOpenPost={onOpenPost} />
          {bottom.length > 0 ? (
            <PostTable title={t("dashboard.bottomPosts")} posts={bottom} testId="bottom-posts" timeZone={timeZone} onOpenPost={onOpenPost} />
          ) : null}
        </div>
      )}
    </section>
  );
}
