import { BULK_CHANGELOG_LIMITS, SEARCH_LIMITS } from '../../workbench/jira/searchRoutes';

/**
 * The fewest Jira requests a first view of a sprint can make, from the bulk endpoints' page sizes
 * (as the stand-in enforces them, from Atlassian's OpenAPI descriptions):
 * - fixed setup: the field list (Sprint / Flagged ids), the status list, the sprint itself;
 * - the enhanced search with the fields sprint health needs: at most `withFieldsMax` issues a page;
 * - the bulk changelog fetch: at most `maxIssues` issues a request and `maxMaxResults` histories a
 *   page, so at least one page per batch of issues and at least histories / page size pages.
 */

export const FIXED_SETUP_CALLS = ['GET /rest/api/3/field', 'GET /rest/api/3/status', 'GET /rest/agile/1.0/sprint/{id}'] as const;

export interface MinimumRequests {
  issues: number;
  histories: number;
  setup: number;
  searchPages: number;
  changelogBatches: number;
  changelogPages: number;
  total: number;
  /** How each term was derived, one line each, for the report. */
  lines: string[];
}

export function minimumRequests(issues: number, histories: number): MinimumRequests {
  const setup = FIXED_SETUP_CALLS.length;
  const searchPages = Math.max(1, Math.ceil(issues / SEARCH_LIMITS.withFieldsMax));
  const changelogBatches = Math.ceil(issues / BULK_CHANGELOG_LIMITS.maxIssues);
  const changelogPages = issues === 0 ? 0 : Math.max(changelogBatches, Math.ceil(histories / BULK_CHANGELOG_LIMITS.maxMaxResults));
  const total = setup + searchPages + changelogPages;
  const n = (value: number) => value.toLocaleString('en-US');
  return {
    issues,
    histories,
    setup,
    searchPages,
    changelogBatches,
    changelogPages,
    total,
    lines: alignRight([
      [`setup: ${FIXED_SETUP_CALLS.join(', ')}`, setup],
      [`search/jql: ceil(${n(issues)} issues / ${SEARCH_LIMITS.withFieldsMax} a page when fields are asked for)`, searchPages],
      [
        `changelog/bulkfetch: ceil(${n(issues)} / ${n(BULK_CHANGELOG_LIMITS.maxIssues)} issues a request) = ${changelogBatches} batch(es); ` +
          `${n(histories)} status/Sprint/Flagged histories returned, ceil(/ ${n(BULK_CHANGELOG_LIMITS.maxMaxResults)} a page)`,
        changelogPages,
      ],
      ['minimum', total],
    ]),
  };
}

function alignRight(rows: Array<[string, number]>): string[] {
  const width = Math.max(...rows.map(([text]) => text.length));
  return rows.map(([text, count]) => `${text.padEnd(width)}  ${String(count).padStart(4)}`);
}
