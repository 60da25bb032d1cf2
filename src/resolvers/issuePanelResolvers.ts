import { AppError } from '../errors/appError';
import { fetchIssueSummary } from '../jira/issues';
import { readIssueNote, writeIssueNote } from '../storage/issueNotes';
import type { ResolverHandler } from './defineResolvers';
import { issueFromContext } from './invocationContext';

const cannotSeeIssue = () =>
  new AppError('NOT_FOUND', "This issue doesn't exist or you don't have permission to view it.");

/** Reads as the viewer: what Jira lets them see is what the panel shows. */
export const getIssueOverview: ResolverHandler<'getIssueOverview'> = async (_payload, context) => {
  const issueRef = issueFromContext(context);
  const issue = await fetchIssueSummary('user', issueRef.id);
  if (!issue) throw cannotSeeIssue();
  const note = await readIssueNote(issue.id, context.accountId);
  return { issue, note: note && { text: note.text, updatedAt: note.updatedAt } };
};

export const saveIssueNote: ResolverHandler<'saveIssueNote'> = async (payload, context) => {
  const issueRef = issueFromContext(context);
  // Only someone who can see the issue may keep a note on it.
  const issue = await fetchIssueSummary('user', issueRef.id);
  if (!issue) throw cannotSeeIssue();
  const note = await writeIssueNote(issue.id, context.accountId, payload.text, new Date());
  return { note: note && { text: note.text, updatedAt: note.updatedAt } };
};
