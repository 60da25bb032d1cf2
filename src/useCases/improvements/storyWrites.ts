import { IMPROVEMENT_PROPERTY_KEY, type ImprovementProperty } from '../../domain/improvements/improvementProperty';
import {
  improvementRecordOf,
  recordAfterWrite,
  recordedProperty,
  sameImprovementRecord,
  type ImprovementRecord,
} from '../../domain/records/appRecords';
import { writeIssueProperty } from '../../jira/issueProperties';
import { readImprovementRecordVersioned, updateImprovementRecord } from '../../storage/appRecordStore';

/** Rounds of re-mirroring while others keep saving the same story; each round is one KVS read. */
const MIRROR_ROUNDS = 10;

/**
 * Writes one edit of an improvement story (a DoD tick, an outcome) so that concurrent edits of the same story all
 * survive, in the app's record and in the property that mirrors it:
 * 1. the property with this edit, as the user: Jira's edit permission decides, and a refusal changes nothing;
 * 2. the record, atomically: the edit applied to the record as stored now (read again on a conflict);
 * 3. the property again, from the merged record, whenever it differs from what was written, until the record
 *    stops moving. Every record save is followed by such a check, so whoever writes the property last wrote the
 *    latest record.
 * `edit` must be deterministic (take `now` from outside): it runs once per attempt.
 */
export async function writeStoryEdit(
  issueId: string,
  loaded: { property: ImprovementProperty; record: ImprovementRecord | null },
  edit: (recorded: ImprovementProperty) => ImprovementProperty,
): Promise<void> {
  let written = edit(recordedProperty(loaded.property, loaded.record));
  await writeIssueProperty(issueId, IMPROVEMENT_PROPERTY_KEY, written);
  let { record, version } = await updateImprovementRecord(issueId, ({ record: current }) => {
    const before = recordedProperty(loaded.property, current);
    return { record: recordAfterWrite(edit(before), before, current) };
  });
  for (let round = 0; round < MIRROR_ROUNDS; round++) {
    const wanted = recordedProperty(written, record);
    if (!sameImprovementRecord(improvementRecordOf(wanted), improvementRecordOf(written))) {
      await writeIssueProperty(issueId, IMPROVEMENT_PROPERTY_KEY, wanted);
      written = wanted;
    }
    const latest = await readImprovementRecordVersioned(issueId);
    if (latest.version === version || !latest.record) return;
    ({ record, version } = { record: latest.record, version: latest.version });
  }
}
