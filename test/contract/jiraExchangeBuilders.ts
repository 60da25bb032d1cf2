import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** `permissions.scopes` of the real manifest.yml. */
export function manifestScopes(): string[] {
  const manifest = parse(fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as { permissions?: { scopes?: string[] } };
  return manifest.permissions?.scopes ?? [];
}

export const CLASSIC_SCOPES = ['read:jira-work', 'write:jira-work', 'read:jira-user'];

export function searchJqlBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { jql: 'project = ITSM ORDER BY key', fields: ['summary', 'status'], maxResults: 50, ...overrides };
}

export function bulkChangelogBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { issueIdsOrKeys: ['ITSM-1', 'ITSM-2'], fieldIds: ['status'], maxResults: 100, ...overrides };
}

export function issueBean(key = 'ITSM-1', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '10001',
    key,
    self: `https://example.atlassian.net/rest/api/3/issue/10001`,
    fields: { summary: 'Printer on fire', project: { id: '10000', key: key.split('-')[0] } },
    ...overrides,
  };
}

export function changeItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: '1',
    fromString: 'Open',
    to: '3',
    toString: 'In Progress',
    ...overrides,
  };
}

export function bulkChangelogResponse(items: Record<string, unknown>[] = [changeItem()]): Record<string, unknown> {
  return {
    issueChangeLogs: [{ issueId: '10001', changeHistories: [{ id: '20001', created: '2025-03-04T09:15:00.000+0000', items }] }],
  };
}
