/** Small builders of Jira REST shapes, as the enhanced search, bulk changelog, field and Agile APIs return them. */

export const SPRINT_FIELD = 'customfield_10020';
export const FLAGGED_FIELD = 'customfield_10021';

export function issueBean(
  id: number,
  overrides: {
    status?: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' };
    sprintIds?: number[] | null;
    flagged?: boolean;
    link?: unknown;
    /** The app's improvement property (`process-loop-improvement`), as stored on an improvement story. */
    improvement?: unknown;
    type?: string;
  } = {},
) {
  const status = overrides.status ?? { id: '10001', name: 'In Progress', category: 'indeterminate' };
  const sprintIds = overrides.sprintIds === undefined ? [7] : overrides.sprintIds;
  return {
    id: String(id),
    key: `TEAM-${id - 10000}`,
    fields: {
      summary: `Issue ${id}`,
      status: { id: status.id, name: status.name, statusCategory: { key: status.category } },
      issuetype: { name: overrides.type ?? 'Story' },
      created: '2025-02-01T10:00:00.000+0000',
      updated: '2025-03-01T10:00:00.000+0000',
      resolutiondate: status.category === 'done' ? '2025-03-02T10:00:00.000+0000' : null,
      [SPRINT_FIELD]:
        sprintIds === null ? null : sprintIds.map((sprintId) => ({ id: sprintId, name: `Sprint ${sprintId}`, state: 'active' })),
      [FLAGGED_FIELD]: overrides.flagged ? [{ id: '10019', value: 'Impediment' }] : null,
    },
    ...(overrides.link === undefined && overrides.improvement === undefined
      ? {}
      : {
          properties: {
            ...(overrides.link === undefined ? {} : { 'process-loop-link': overrides.link }),
            ...(overrides.improvement === undefined ? {} : { 'process-loop-improvement': overrides.improvement }),
          },
        }),
  };
}

export function processLinkValue(processKey: string) {
  return {
    schemaVersion: 1,
    processKey,
    valueStreamKey: null,
    stageId: null,
    stageName: null,
    linkedBy: 'acc-1',
    linkedAt: '2025-02-01T10:00:00.000Z',
  };
}

export function changelogBean(id: number, created: string, items: Array<{ fieldId: string; from?: string; to?: string }>) {
  return {
    id: String(id),
    created,
    author: { accountId: 'acc-1', displayName: 'Ada' },
    items: items.map((item) => ({
      fieldId: item.fieldId,
      field: item.fieldId === 'status' ? 'status' : item.fieldId,
      from: item.from ?? null,
      fromString: item.from ? `name ${item.from}` : null,
      to: item.to ?? null,
      toString: item.to ? `name ${item.to}` : null,
    })),
  };
}

export function fieldBean(id: string, name: string, customType?: string) {
  return { id, name, custom: customType !== undefined, ...(customType ? { schema: { type: 'any', custom: customType } } : {}) };
}

export const standardFields = () => [
  fieldBean('summary', 'Summary'),
  fieldBean('status', 'Status'),
  fieldBean(SPRINT_FIELD, 'Sprint', 'com.pyxis.greenhopper.jira:gh-sprint'),
  fieldBean(FLAGGED_FIELD, 'Flagged', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes'),
];

export function sprintBean(id: number, state: 'future' | 'active' | 'closed', startDate?: string) {
  return {
    id,
    self: `https://jira.test/rest/agile/1.0/sprint/${id}`,
    state,
    name: `Sprint ${id}`,
    ...(startDate ? { startDate, endDate: startDate } : {}),
    originBoardId: 3,
  };
}

/** Splits `items` into Agile API pages (startAt / isLast) for the request's startAt. */
export function agilePage<T>(items: T[], startAt: number, pageSize: number) {
  const values = items.slice(startAt, startAt + pageSize);
  return { startAt, maxResults: pageSize, total: items.length, isLast: startAt + values.length >= items.length, values };
}
