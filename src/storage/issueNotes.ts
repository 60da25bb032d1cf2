import { kvs } from '@forge/kvs';
import { z } from 'zod';

const storedIssueNoteSchema = z.object({
  schemaVersion: z.literal(1),
  text: z.string(),
  updatedAt: z.string(),
});
export type StoredIssueNote = z.infer<typeof storedIssueNoteSchema>;

/** One note per (issue, user): private to the user, so it lives in app storage, not on the issue. */
const noteKey = (issueId: string, accountId: string) => `issue-note:${issueId}:${accountId}`;

export async function readIssueNote(issueId: string, accountId: string): Promise<StoredIssueNote | null> {
  const stored = await kvs.get(noteKey(issueId, accountId));
  if (stored === undefined) return null;
  const parsed = storedIssueNoteSchema.safeParse(stored);
  // An unreadable record is reported as absent rather than crashing the panel; it is overwritten on the next save.
  return parsed.success ? parsed.data : null;
}

export async function writeIssueNote(issueId: string, accountId: string, text: string, now: Date): Promise<StoredIssueNote | null> {
  if (text === '') {
    await kvs.delete(noteKey(issueId, accountId));
    return null;
  }
  const note: StoredIssueNote = { schemaVersion: 1, text, updatedAt: now.toISOString() };
  await kvs.set(noteKey(issueId, accountId), note);
  return note;
}
