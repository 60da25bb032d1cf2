/** Nearest-rank percentile (the smallest value with at least p% of values at or below it); null for no values. */
export function nearestRank(sortedAscending: readonly number[], p: number): number | null {
  if (!sortedAscending.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1] ?? null;
}
