import type { PostSummaryDto } from "../ipc";
import { applyFilters, isFiltering, matchesFilters, NO_FILTERS, pruneFilters, toggled, type PostFilters } from "./filters";

function post(id: number, over: Partial<PostSummaryDto> = {}): PostSummaryDto {
  return { id, status: "draft", start: null, excerpt: `post ${id}`, channelIds: [], labelIds: [], ...over };
}

const posts = [
  post(1, { status: "scheduled", channelIds: [10], labelIds: [100] }),
  post(2, { status: "draft", channelIds: [10, 20], labelIds: [] }),
  post(3, { status: "published", channelIds: [20], labelIds: [100, 200] }),
  post(4, { status: "failed", channelIds: [], labelIds: [200] }),
];

const ids = (list: PostSummaryDto[]) => list.map((p) => p.id);

function filters(over: Partial<PostFilters>): PostFilters {
  return { ...NO_FILTERS, ...over };
}

describe("post filters", () => {
  it("shows everything when nothing is picked", () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(ids(applyFilters(posts, NO_FILTERS))).toEqual([1, 2, 3, 4]);
  });

  it("keeps posts going to any picked channel", () => {
    expect(ids(applyFilters(posts, filters({ channelIds: new Set([10]) })))).toEqual([1, 2]);
    expect(ids(applyFilters(posts, filters({ channelIds: new Set([10, 20]) })))).toEqual([1, 2, 3]);
  });

  it("keeps posts carrying any picked label", () => {
    expect(ids(applyFilters(posts, filters({ labelIds: new Set([200]) })))).toEqual([3, 4]);
  });

  it("keeps posts in any picked status", () => {
    expect(ids(applyFilters(posts, filters({ statuses: new Set(["draft", "failed"]) })))).toEqual([2, 4]);
  });

  it("needs every group to match", () => {
    const f = filters({ channelIds: new Set([20]), labelIds: new Set([100]), statuses: new Set(["published"]) });
    expect(ids(applyFilters(posts, f))).toEqual([3]);
    expect(matchesFilters(posts[1]!, f)).toBe(false);
  });

  it("hides a post without channels once a channel is picked", () => {
    expect(matchesFilters(posts[3]!, filters({ channelIds: new Set([10]) }))).toBe(false);
  });

  it("toggles a value without touching the original set", () => {
    const original = new Set([1]);
    expect([...toggled(original, 2)]).toEqual([1, 2]);
    expect([...toggled(original, 1)]).toEqual([]);
    expect([...original]).toEqual([1]);
  });

  it("forgets channels and labels that were deleted", () => {
    const f = filters({ channelIds: new Set([10, 99]), labelIds: new Set([100]) });
    const pruned = pruneFilters(f, [10, 20], [200]);
    expect([...pruned.channelIds]).toEqual([10]);
    expect([...pruned.labelIds]).toEqual([]);
    expect(pruneFilters(pruned, [10], [])).toBe(pruned);
  });
});
