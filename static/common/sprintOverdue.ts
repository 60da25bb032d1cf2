/**
 * An active sprint past its planned end (the server's `overdueNote`, "ended 3 days ago, not closed in
 * Jira yet") is still the one the app picks: its name carries the note wherever it is offered.
 */
export function withOverdueNote(label: string, overdueNote: string | null | undefined): string {
  return overdueNote ? `${label} · ${overdueNote}` : label;
}
