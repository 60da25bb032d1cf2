import { router } from '@forge/bridge';

/** Opens the issue in Jira's own issue view (the host navigates; our frame cannot). */
export function openIssue(issueKey: string): void {
  void router.navigate({ target: 'issue', issueKey }).catch(() => undefined);
}
