/** Hours of the day as ranges: [6, 7, 8, 20] -> "06–09, 20–21". */
export function hourRanges(hours: readonly number[]): string {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let prev = start;
  const pad = (h: number) => String(h).padStart(2, "0");
  for (const h of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (h === prev + 1) {
      prev = h;
      continue;
    }
    ranges.push(`${pad(start)}–${pad(prev + 1)}`);
    start = h;
    prev = h;
  }
  return ranges.join(", ");
}
