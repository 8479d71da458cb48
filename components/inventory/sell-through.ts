/** Share of capacity already sold, 0–100, rounded down so "100%" only shows when nothing is left. */
export function sellThrough(capacity: number, reserved: number): number {
  if (capacity <= 0) return reserved > 0 ? 100 : 0;
  return Math.floor((reserved * 100) / capacity);
}

/** Heat map colour: from pale (little sold) to deep (sold out); grey where there is no capacity. */
export function heatClass(capacity: number, reserved: number): string {
  if (capacity <= 0) return "bg-slate-100 text-slate-500";
  const pct = sellThrough(capacity, reserved);
  if (pct >= 100) return "bg-red-700 text-white";
  if (pct >= 75) return "bg-orange-400 text-slate-950";
  if (pct >= 50) return "bg-amber-300 text-slate-950";
  if (pct >= 25) return "bg-emerald-200 text-slate-950";
  return "bg-emerald-50 text-slate-950";
}
