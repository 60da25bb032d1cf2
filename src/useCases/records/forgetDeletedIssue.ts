import { deleteIssueRecords } from '../../storage/appRecordStore';

/**
 * An issue was deleted in Jira: the app's records of it (who linked it, who ticked and reviewed it) go with it,
 * so nothing is kept about work that no longer exists. Idempotent: a repeated event deletes nothing more.
 */
export async function forgetDeletedIssue({ issueId }: { issueId: string }): Promise<void> {
  await deleteIssueRecords(issueId);
}
