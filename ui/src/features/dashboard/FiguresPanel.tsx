import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { useChannels } from "../../hooks/useCatalog";
import { calendarPosts, recordMetric, refreshMetrics, type Metric, type RecordMetricInput } from "../../ipc";
import { useToast } from "../toast/ToastProvider";
import { CsvImportDialog } from "./CsvImportDialog";
import { ACCOUNT_METRICS, POST_METRICS, parseFigure, publishedTargets } from "./figureChoices";
import type { DayRange } from "./ranges";

/** The day after `day`, for the calendar's end-exclusive reads. */
const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * Where figures come from: fetched from the networks that give them, typed
 * in from a network's insights page, or imported from its CSV export.
 */
export function FiguresPanel({ range, today }: { range: DayRange; today: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const channels = useChannels();
  const [typing, setTyping] = useState(false);
  const [importing, setImporting] = useState(false);

  const refresh = useMutation({
    mutationFn: () => refreshMetrics(),
    onSuccess: (result) => {
      const failed = result.channels.filter((c) => c.status === "failed" || c.status === "partial");
      toast({
        tone: failed.length > 0 ? "warning" : "success",
        message: t("figures.refreshed"),
        detail: failed.length > 0 ? t("figures.refreshFailed", { channels: failed.map((c) => c.channelName).join(", ") }) : undefined,
      });
    },
  });

  return (
    <section className="figures-panel" aria-label={t("figures.title")}>
      <div className="figures-panel__actions">
        <button type="button" className="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="refresh-figures">
          {refresh.isPending ? t("figures.refreshing") : t("figures.refresh")}
        </button>
        <button type="button" className="button" onClick={() => setTyping((v) => !v)} aria-expanded={typing} data-testid="type-figure">
          {t("figures.typeIn")}
        </button>
        <button type="button" className="button" onClick={() => setImporting(true)} data-testid="import-figures">
          {t("figures.importCsv")}
        </button>
      </div>
      <ErrorNotice error={refresh.error} testId="refresh-error" />
      {typing ? <FigureForm range={range} today={today} channels={channels.data ?? []} onDone={() => setTyping(false)} /> : null}
      {importing ? <CsvImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  );
}

function FigureForm({ range, today, channels, onDone }: {
  range: DayRange;
  today: string;
  channels: readonly { id: number; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const posts = useQuery({
    queryKey: queryKeys.calendar(range.first, dayAfter(range.last)),
    queryFn: () => calendarPosts(range.first, dayAfter(range.last)),
  });
  const channelName = (id: number) => channels.find((c) => c.id === id)?.name ?? "";
  const targets = publishedTargets(posts.data ?? [], channelName);

  // "account:<channel>" or "post:<post>:<channel>".
  const [about, setAbout] = useState("");
  const [metric, setMetric] = useState<Metric>("likes");
  const [value, setValue] = useState("");
  const [day, setDay] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const onPost = about.startsWith("post:");
  const metrics = onPost ? POST_METRICS : ACCOUNT_METRICS;

  const save = useMutation({
    mutationFn: (input: RecordMetricInput) => recordMetric(input),
    onSuccess: () => {
      toast({ tone: "success", message: t("figures.saved") });
      onDone();
    },
  });

  const submit = () => {
    const [kind, first, second] = about.split(":");
    const parsed = parseFigure(value, metric);
    if (!kind) return setProblem(t("figures.pickWhat"));
    if (parsed === null) return setProblem(t("figures.notANumber"));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return setProblem(t("figures.pickDay"));
    setProblem(null);
    save.mutate(
      kind === "post"
        ? { channelId: Number(second), postId: Number(first), metric, value: parsed, at: day }
        : { channelId: Number(first), postId: null, metric, value: parsed, at: day },
    );
  };

  return (
    <form
      className="figure-form"
      data-testid="figure-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span className="field__label">{t("figures.about")}</span>
        <select
          value={about}
          onChange={(e) => {
            setAbout(e.target.value);
            setMetric(e.target.value.startsWith("post:") ? "likes" : "followers");
          }}
          data-testid="figure-about"
        >
          <option value="">{t("figures.choose")}</option>
          <optgroup label={t("figures.accounts")}>
            {channels.map((c) => (
              <option key={`account-${c.id}`} value={`account:${c.id}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
          {targets.length > 0 ? (
            <optgroup label={t("figures.posts")}>
              {targets.map((p) => (
                <option key={`${p.postId}-${p.channelId}`} value={`post:${p.postId}:${p.channelId}`}>
                  {p.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("figures.metric")}</span>
        <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="figure-metric">
          {metrics.map((m) => (
            <option key={m} value={m}>
              {t(`figures.metrics.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t("figures.value")}</span>
        <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} data-testid="figure-value" />
      </label>
      <label className="field">
        <span className="field__label">{t("figures.day")}</span>
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} data-testid="figure-day" />
      </label>
      <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="figure-save">
        {t("common.save")}
      </button>
      {problem ? (
        <p className="notice notice--error" role="alert" data-testid="figure-problem">
          {problem}
        </p>
      ) : null}
      <ErrorNotice error={save.error} testId="figure-error" />
    </form>
  );
}
