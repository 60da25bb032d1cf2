import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { listByPrefix } from './recordCheck';
import { iso } from './storedShapes';

/**
 * `sprint-health:left:<sprintId>:<issueId>`: issues seen leaving the sprint (issue-updated events).
 * Jira's search no longer finds them by `sprint = N`, so "removed" stays exact.
 */

export interface IssueLeft {
  issueId: string;
  at: string;
}

const issueLeftSchema: z.ZodType<IssueLeft> = z.object({ issueId: z.string(), at: iso });

const leftKey = (sprintId: number, issueId: string) => `sprint-health:left:${sprintId}:${issueId}`;

export async function recordIssueLeftSprint(sprintId: number, issueId: string, at: string): Promise<void> {
  await kvs.set(leftKey(sprintId, issueId), { issueId, at });
}

/** Retention: dropped once the sprint is frozen (its "removed" is in the frozen result). */
export async function deleteIssuesLeftSprint(sprintId: number): Promise<void> {
  for (const left of await listIssuesLeftSprint(sprintId)) await kvs.delete(leftKey(sprintId, left.issueId));
}

export async function listIssuesLeftSprint(sprintId: number): Promise<IssueLeft[]> {
  return listByPrefix(`sprint-health:left:${sprintId}:`, issueLeftSchema);
}
