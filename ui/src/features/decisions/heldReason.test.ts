import { i18n } from "../../i18n";
import { heldChoices, heldReasonText } from "./heldReason";

const en = i18n.getFixedT("en");
const id = i18n.getFixedT("id");

describe("why a post waits", () => {
  it("explains an unsure post in both languages", () => {
    expect(heldReasonText(en, "unsure")).toBe(
      "Unsure: this network cannot tell a repeat from a new post, so sending it again without asking could post it twice.",
    );
    expect(heldReasonText(id, "unsure")).toMatch(/^Belum pasti: jaringan ini tidak bisa membedakan kiriman ulang/);
  });

  it("still reads sensibly for a reason a newer Rust side adds", () => {
    expect(heldReasonText(en, "brand_new_reason")).toBe("Waiting for you to decide.");
    expect(heldReasonText(id, "brand_new_reason")).toBe("Menunggu keputusan Anda.");
    expect(heldChoices("brand_new_reason")).toEqual({ publish: true, move: true });
  });

  it("offers Publish now only where it would send something", () => {
    expect(heldChoices("missed")).toEqual({ publish: true, move: true });
    expect(heldChoices("assisted")).toEqual({ publish: false, move: true });
    expect(heldChoices("unsure")).toEqual({ publish: false, move: false });
  });
});
