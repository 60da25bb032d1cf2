/** Jira's timestamp format in UTC, `2026-11-02T09:00:00.000+0000`; answers to a user are rewritten into their time zone (`JiraStandIn.handle`). */
export function jiraTime(value: string | Date): string;
export function jiraTime(value: string | Date | null | undefined): string | null;
export function jiraTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'string' ? new Date(value) : value;
  const iso = date.toISOString(); // always ends in "Z"
  return `${iso.slice(0, -1)}+0000`;
}
