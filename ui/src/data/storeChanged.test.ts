import { queryKeys } from "./queryKeys";
import { queryKeysForChange } from "./storeChanged";

describe("store-changed -> queries to refresh", () => {
  it("refreshes the calendar, the tray and the changed posts", () => {
    expect(queryKeysForChange({ topics: ["posts"], postIds: [4, 5] })).toEqual([
      ["posts"],
      ["post", 4],
      ["post", 5],
    ]);
  });

  it("refreshes what needs a decision with the posts", () => {
    // Invalidating ["posts"] matches every key that starts with it.
    expect(queryKeys.held.slice(0, queryKeys.posts.length)).toEqual(queryKeys.posts);
    expect(queryKeys.tray.slice(0, queryKeys.posts.length)).toEqual(queryKeys.posts);
  });

  it("refreshes every open post when it does not say which", () => {
    expect(queryKeysForChange({ topics: ["posts"], postIds: [] })).toEqual([["posts"], ["post"]]);
  });

  it("recounts text when channels change", () => {
    expect(queryKeysForChange({ topics: ["channels", "labels"], postIds: [] })).toEqual([
      ["channels"],
      ["strategy"],
      ["posts", "planGaps"],
      ["posts", "insights"],
      ["measure"],
      ["labels"],
    ]);
  });

  it("refreshes the plan and the calendar's plan gaps when the plan changes", () => {
    expect(queryKeysForChange({ topics: ["strategy"], postIds: [] })).toEqual([
      ["strategy"],
      ["posts", "planGaps"],
      ["posts", "insights"],
    ]);
    // New posts move the gaps too: they live under "posts".
    expect(queryKeys.planGaps("2026-11-01", "2026-12-07").slice(0, queryKeys.posts.length)).toEqual(queryKeys.posts);
  });

  it("refreshes the dashboard when figures come in, and with posts", () => {
    expect(queryKeysForChange({ topics: ["metrics"], postIds: [] })).toContainEqual(["posts", "insights"]);
    expect(queryKeys.insights("2026-11-01", "2026-11-30").slice(0, queryKeys.posts.length)).toEqual(queryKeys.posts);
  });

  it("refreshes the accounts after a connect, a disconnect or a refused login", () => {
    expect(queryKeysForChange({ topics: ["accounts"], postIds: [] })).toEqual([["accounts"]]);
  });

  it("refreshes everything for a new workspace or an unknown topic", () => {
    expect(queryKeysForChange({ topics: ["workspace"], postIds: [] })).toEqual([[]]);
    expect(queryKeysForChange({ topics: ["brand_new_topic"], postIds: [] })).toEqual([[]]);
  });

  it("does not repeat a key", () => {
    expect(queryKeysForChange({ topics: ["settings", "posts"], postIds: [] })).toEqual([
      ["appState"],
      ["autoReports"],
      ["posts"],
      ["post"],
    ]);
  });

  it("refreshes only the figures when figures are fetched, typed in or imported", () => {
    expect(queryKeysForChange({ topics: ["metrics"], postIds: [] })).toEqual([["metrics"], ["posts", "insights"]]);
    expect(queryKeys.targetMetrics(3, 4).slice(0, queryKeys.metricsRoot.length)).toEqual(queryKeys.metricsRoot);
  });

  it("refreshes the media library when a picture is added, and with the posts (where each is used)", () => {
    expect(queryKeysForChange({ topics: ["media"], postIds: [] })).toEqual([["posts", "mediaLibrary"]]);
    expect(queryKeys.mediaLibrary("roti").slice(0, queryKeys.posts.length)).toEqual(queryKeys.posts);
    expect(queryKeys.postMediaChecks(4).slice(0, 2)).toEqual(queryKeys.post(4));
  });
});
