import type { ImprovementProperty } from '../../domain/improvements/improvementProperty';
import { checkImprovement, recordedProperty, type ImprovementRecord, type RecordState } from '../../domain/records/appRecords';
import { readImprovementRecords } from '../../storage/appRecordStore';

export type RecordedIssue<T> = T & { record: ImprovementRecord | null; recordState: RecordState | null };

/**
 * Improvement stories as the app recorded them: each property's outcome and DoD ticks replaced by the app's
 * record (read from storage in batches, no Jira request), with the compare rule's verdict for the screens' mark.
 */
export async function withAppRecords<T extends { id: string; improvement: ImprovementProperty | null }>(
  issues: readonly T[],
): Promise<Array<RecordedIssue<T>>> {
  const stories = issues.filter((issue) => issue.improvement !== null);
  const records = stories.length ? await readImprovementRecords(stories.map((issue) => issue.id)) : new Map<string, ImprovementRecord>();
  return issues.map((issue) => {
    if (!issue.improvement) return { ...issue, record: null, recordState: null };
    const record = records.get(issue.id) ?? null;
    return {
      ...issue,
      improvement: recordedProperty(issue.improvement, record),
      record,
      recordState: checkImprovement(issue.improvement, record).state,
    };
  });
}
