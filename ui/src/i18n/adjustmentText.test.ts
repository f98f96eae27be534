import { adjustmentText } from "./adjustmentText";
import { i18n } from "./index";

describe("DST notices", () => {
  it("says a skipped time moved forward, in words", () => {
    const text = adjustmentText(
      i18n.getFixedT("en"),
      { kind: "skipped_forward", requested: "2026-03-08T02:30", actual: "2026-03-08T03:30" },
      "en",
    );
    expect(text).toBe("2:30 AM does not exist on March 8 (clocks go forward); scheduled at 3:30 AM.");
  });

  it("says a doubled time uses the first, in Indonesian", () => {
    const text = adjustmentText(i18n.getFixedT("id"), { kind: "ambiguous_earlier", requested: "2026-11-01T01:30" }, "id");
    expect(text).toBe("Pukul 01.30 terjadi dua kali pada 1 November (jam dimundurkan); dijadwalkan pada yang pertama.");
  });
});
