import { attachment, HASH_A, HASH_B } from "../../test/mediaFixtures";
import { fraction, withAdded, withMoved, withRemoved } from "./attachmentList";

const HASH_C = "c".repeat(64);
const list = [attachment({ hash: HASH_A, alt: "A" }), attachment({ hash: HASH_B, alt: "B", focalX: 0.2, position: 1 })];

describe("a post's pictures as sent to Rust", () => {
  it("adds new pictures at the end, centred and without alt text, and never twice", () => {
    expect(withAdded(list, [HASH_C, HASH_A])).toEqual([
      { hash: HASH_A, alt: "A", focalX: 0.5, focalY: 0.5 },
      { hash: HASH_B, alt: "B", focalX: 0.2, focalY: 0.5 },
      { hash: HASH_C, alt: "", focalX: 0.5, focalY: 0.5 },
    ]);
  });

  it("moves a picture and keeps it inside the list", () => {
    expect(withMoved(list, 1, -1).map((i) => i.hash)).toEqual([HASH_B, HASH_A]);
    expect(withMoved(list, 1, 1).map((i) => i.hash)).toEqual([HASH_A, HASH_B]);
  });

  it("removes one picture, keeping the others' choices", () => {
    expect(withRemoved(list, HASH_A)).toEqual([{ hash: HASH_B, alt: "B", focalX: 0.2, focalY: 0.5 }]);
  });

  it("turns a click into a fraction between 0 and 1", () => {
    expect(fraction(50, 200)).toBe(0.25);
    expect(fraction(-3, 200)).toBe(0);
    expect(fraction(260, 200)).toBe(1);
    expect(fraction(1, 3)).toBe(0.333);
    expect(fraction(10, 0)).toBe(0.5);
  });
});
