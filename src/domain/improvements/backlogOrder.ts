/** The part of a backlog story the order depends on. */
export interface RankableStory {
  issueId: string;
  score: number;
  /** ISO time the issue was created. */
  created: string;
}

/** Default order: benefit ÷ cost, highest first; on a tie the older story first (then by id, for a stable order). */
export function byScore<T extends RankableStory>(stories: readonly T[]): T[] {
  return [...stories].sort(
    (a, b) => b.score - a.score || Date.parse(a.created) - Date.parse(b.created) || Number(a.issueId) - Number(b.issueId),
  );
}

/**
 * The APO's manual order: the ranked ids first, in their order (ids no longer in the backlog are
 * skipped), then stories the APO has not placed yet (new ones), by score.
 */
export function applyManualOrder<T extends RankableStory>(stories: readonly T[], rankedIds: readonly string[] | null): T[] {
  if (!rankedIds) return byScore(stories);
  const byId = new Map(stories.map((story) => [story.issueId, story]));
  // A repeated id (an older stored list, a hand-edited one) places the story once, at its first position.
  const placed = [...new Set(rankedIds)].flatMap((id) => {
    const story = byId.get(id);
    return story ? [story] : [];
  });
  const placedIds = new Set(placed.map((story) => story.issueId));
  return [...placed, ...byScore(stories.filter((story) => !placedIds.has(story.issueId)))];
}
