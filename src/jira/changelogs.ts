import { route } from '@forge/api';
import { z } from 'zod';
import type { ChangeHistory, ChangeItem } from '../domain/sprintHealth';
import { unexpectedJiraAnswer, callJira, type JiraCall } from './jiraRequest';

/** The bulk changelog operation's limits, from its request schema. */
export const BULK_CHANGELOG_MAX_ISSUES = 1000;
export const BULK_CHANGELOG_MAX_FIELDS = 10;
export const BULK_CHANGELOG_MAX_RESULTS = 10000;

/** A history as Jira returns it: the domain's change shape, always with its id. */
export type ChangelogEntry = ChangeHistory & { id: string };

const itemSchema = z.object({
  fieldId: z.string().nullish(),
  field: z.string().default(''),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

const changelogSchema = z.object({
  id: z.string(),
  created: z.string(),
  items: z.array(itemSchema).default([]),
});

const bulkPageSchema = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(changelogSchema).default([]) })).default([]),
  nextPageToken: z.string().nullish(),
});

const toEntry = (log: z.infer<typeof changelogSchema>, keep: (fieldId: string | null) => boolean): ChangelogEntry => ({
  id: log.id,
  created: log.created,
  items: log.items
    .map((item): ChangeItem & { fieldId: string | null } => ({
      fieldId: item.fieldId ?? null,
      field: item.field,
      from: item.from ?? null,
      fromString: item.fromString ?? null,
      to: item.to ?? null,
      toString: item.toString ?? null,
    }))
    .filter((item) => keep(item.fieldId)),
});

export interface ChangelogProgress {
  /** Issues whose batches are fully read. */
  issuesDone: number;
  issuesTotal: number;
  requests: number;
}

/**
 * Changelogs of many issues, only for `fieldIds` (e.g. status, Sprint, Flagged), with
 * POST /rest/api/3/changelog/bulkfetch: 1000 issues a request, following `nextPageToken`. Every
 * requested issue gets an entry (empty when it never changed those fields), oldest change first.
 * Pass issue ids: Jira answers with ids, and the map is keyed by them.
 */
export async function fetchChangelogs(
  call: JiraCall,
  request: { issueIds: Iterable<string>; fieldIds: string[]; onProgress?: (progress: ChangelogProgress) => void },
): Promise<Map<string, ChangelogEntry[]>> {
  const issueIds = [...new Set(request.issueIds)];
  const fieldIds = [...new Set(request.fieldIds)];
  if (fieldIds.length === 0 || fieldIds.length > BULK_CHANGELOG_MAX_FIELDS) {
    // No filter would fetch every change of every issue: never what a caller of this wants.
    throw new Error(`fetchChangelogs needs 1 to ${BULK_CHANGELOG_MAX_FIELDS} field ids, got ${fieldIds.length}`);
  }
  const wanted = new Set(fieldIds);
  // Items without a field id are old history Jira already filtered for us; keep them.
  const keep = (fieldId: string | null) => fieldId === null || wanted.has(fieldId);

  const byIssue = new Map<string, ChangelogEntry[]>(issueIds.map((id) => [id, []]));
  let requests = 0;
  for (let start = 0; start < issueIds.length; start += BULK_CHANGELOG_MAX_ISSUES) {
    const batch = issueIds.slice(start, start + BULK_CHANGELOG_MAX_ISSUES);
    const seenTokens = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      const { status, body } = await callJira<unknown>(call, route`/rest/api/3/changelog/bulkfetch`, {
        method: 'POST',
        body: {
          issueIdsOrKeys: batch,
          fieldIds,
          maxResults: BULK_CHANGELOG_MAX_RESULTS,
          ...(nextPageToken ? { nextPageToken } : {}),
        },
      });
      requests++;
      if (status !== 200) throw unexpectedJiraAnswer('read the issue history', status, body);
      const page = bulkPageSchema.safeParse(body);
      if (!page.success) throw unexpectedJiraAnswer('read the issue history', status, undefined);
      for (const { issueId, changeHistories } of page.data.issueChangeLogs) {
        const entries = byIssue.get(issueId) ?? [];
        for (const log of changeHistories) {
          const entry = toEntry(log, keep);
          if (entry.items.length > 0) entries.push(entry);
        }
        byIssue.set(issueId, entries);
      }
      nextPageToken = page.data.nextPageToken ?? undefined;
      if (nextPageToken && seenTokens.has(nextPageToken)) {
        throw unexpectedJiraAnswer('read the issue history (repeated page token)', status, undefined);
      }
      if (nextPageToken) seenTokens.add(nextPageToken);
    } while (nextPageToken);
    request.onProgress?.({ issuesDone: Math.min(start + batch.length, issueIds.length), issuesTotal: issueIds.length, requests });
  }
  for (const entries of byIssue.values()) entries.sort(oldestFirst);
  return byIssue;
}

// Stable: changes at the same instant keep Jira's order, then id order.
const oldestFirst = (a: ChangelogEntry, b: ChangelogEntry): number =>
  Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id) || 0;

const issueChangelogPageSchema = z.object({
  values: z.array(changelogSchema).default([]),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

/**
 * BENCHMARK BASELINE ONLY: one issue's whole changelog, page by page (GET …/issue/{id}/changelog).
 * This is the naive one-request-per-issue approach the benchmark compares `fetchChangelogs` with;
 * the app itself must never call it.
 */
export async function fetchIssueChangelogNaive(call: JiraCall, issueId: string): Promise<ChangelogEntry[]> {
  const pageSize = 100;
  const entries: ChangelogEntry[] = [];
  for (let startAt = 0; ;) {
    const { status, body } = await callJira<unknown>(
      call,
      route`/rest/api/3/issue/${issueId}/changelog?startAt=${String(startAt)}&maxResults=${String(pageSize)}`,
    );
    if (status !== 200) throw unexpectedJiraAnswer('read the issue history', status, body);
    const page = issueChangelogPageSchema.safeParse(body);
    if (!page.success) throw unexpectedJiraAnswer('read the issue history', status, undefined);
    entries.push(...page.data.values.map((log) => toEntry(log, () => true)));
    startAt += page.data.values.length;
    const last = page.data.isLast ?? (page.data.total === undefined || startAt >= page.data.total);
    if (last || page.data.values.length === 0) return entries.sort(oldestFirst);
  }
}
