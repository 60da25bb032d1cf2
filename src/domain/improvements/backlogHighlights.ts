/** The sprints a story was in, by id; enough to say whether a process improved lately. */
export interface SprintMembership {
  processKey: string;
  sprintIds: readonly number[];
}

/** How many of the project's latest sprints a process may go without an improvement story. */
export const RECENT_SPRINT_COUNT = 3;

/**
 * Active processes none of whose improvement stories was in any of `recentSprintIds`. With no
 * sprints at all (a Kanban project) nothing can be said, so nothing is flagged.
 */
export function processesWithoutRecentImprovement(
  activeProcessKeys: readonly string[],
  stories: readonly SprintMembership[],
  recentSprintIds: readonly number[],
): string[] {
  if (recentSprintIds.length === 0) return [];
  const recent = new Set(recentSprintIds);
  const improved = new Set(stories.filter((story) => story.sprintIds.some((id) => recent.has(id))).map((story) => story.processKey));
  return activeProcessKeys.filter((key) => !improved.has(key));
}

export type StoryFlag = 'missing-measure' | 'done-without-outcome';

export function storyFlags(story: { hasMeasure: boolean; statusCategory: string; hasOutcome: boolean }): StoryFlag[] {
  const flags: StoryFlag[] = [];
  if (!story.hasMeasure) flags.push('missing-measure');
  if (story.statusCategory === 'done' && !story.hasOutcome) flags.push('done-without-outcome');
  return flags;
}
