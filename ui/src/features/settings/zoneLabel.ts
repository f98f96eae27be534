/** "GMT+7" for a zone at a given moment, or "" when this webview cannot tell. */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? "";
  } catch {
    return "";
  }
}

/** Zones whose name contains every word typed ("jak", "new york", "asia/jak"). */
export function searchZones(zones: readonly string[], query: string): string[] {
  const words = query.toLowerCase().replace(/_/g, " ").split(/[\s/]+/).filter(Boolean);
  if (words.length === 0) return [...zones];
  return zones.filter((zone) => {
    const name = zone.toLowerCase().replace(/_/g, " ");
    return words.every((word) => name.includes(word));
  });
}
