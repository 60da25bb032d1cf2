import { IMPROVEMENT_ISSUE_TYPE_NAME } from './improvementProperty';

export interface SiteIssueType {
  id: string;
  name: string;
  subtask?: boolean | undefined;
  hierarchyLevel?: number | undefined;
  scope?: unknown;
}

export type IssueTypeDecision =
  { action: 'use'; typeId: string } | { action: 'create' } | { action: 'collision'; typeId: string; problem: string };

const sameName = (type: SiteIssueType) => type.name.trim().toLowerCase() === IMPROVEMENT_ISSUE_TYPE_NAME.toLowerCase();
/** A standard, site-wide type (not a sub-task, not an epic, not a team-managed project's own). */
const usable = (type: SiteIssueType) => type.subtask !== true && (type.hierarchyLevel ?? 0) === 0 && type.scope === undefined;

/**
 * Whether the site already has the app's issue type. Idempotent by construction: the type the
 * app created (remembered id) or an existing standard type of the same name is used as is; a
 * same-named type of another kind (sub-task, epic level, one team's own) is reported, never changed.
 */
export function decideIssueType(types: readonly SiteIssueType[], rememberedId: string | null): IssueTypeDecision {
  const remembered = rememberedId ? types.find((type) => type.id === rememberedId) : undefined;
  if (remembered && usable(remembered)) return { action: 'use', typeId: remembered.id };
  const named = types.filter(sameName);
  const standard = named.find(usable);
  if (standard) return { action: 'use', typeId: standard.id };
  const other = named[0];
  if (other) {
    return {
      action: 'collision',
      typeId: other.id,
      problem: `The site already has an issue type called "${other.name}" that is not a standard issue type (for example a sub-task or a project's own type). Process Loop left it unchanged; rename it, then enable improvements again.`,
    };
  }
  return { action: 'create' };
}

/** The issue type new stories get when the improvement type is not available: Story, else the first standard type. */
export function fallbackStoryType<T extends SiteIssueType>(projectTypes: readonly T[]): T | null {
  const standard = projectTypes.filter((type) => type.subtask !== true && (type.hierarchyLevel ?? 0) === 0);
  return standard.find((type) => type.name.toLowerCase() === 'story') ?? standard[0] ?? null;
}

/** What a Jira admin does in a team-managed project, where Jira offers no public API for its issue types. */
export const TEAM_MANAGED_STEPS: readonly string[] = [
  'Open the project and go to Project settings → Issue types.',
  `Choose "Add issue type", name it "${IMPROVEMENT_ISSUE_TYPE_NAME}" and save.`,
  'Until then (and afterwards too) Process Loop marks improvement stories with its own property, so any story created from Process Loop counts as an improvement story.',
];
