import { renderHook } from "@testing-library/react";

import * as ipc from "../../ipc";
import { useOpenPostRequests } from "./useOpenPostRequests";

vi.mock("../../ipc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../ipc")>();
  return { ...actual, onOpenPostRequest: vi.fn() };
});

const mocked = vi.mocked(ipc);

describe("a clicked notification", () => {
  it("opens the post it is about, and stops listening when the window goes", () => {
    let handler: ((postId: number) => void) | undefined;
    const stop = vi.fn();
    mocked.onOpenPostRequest.mockImplementation((h) => {
      handler = h;
      return stop;
    });
    const openPost = vi.fn();
    const { unmount } = renderHook(() => useOpenPostRequests(openPost));
    handler?.(42);
    expect(openPost).toHaveBeenCalledWith(42);
    unmount();
    expect(stop).toHaveBeenCalled();
  });
});
