import { Text } from '@atlaskit/primitives/compiled/text';
import type { UserSummary } from '../../../common/catalogTypes';
import { formatDateTime } from '../../../common/dateFormat';
import type { IssueImprovement } from '../../../common/improvement/improvementTypes';
import { outcomeLabels } from '../../../common/improvement/outcomes';
import { Notice } from '../../../common/Notice';
import { CHANGED_OUTSIDE_LABEL } from '../../../common/records/recordWords';

/**
 * Shown when the story's issue property no longer says what Process Loop recorded: the panel shows the record,
 * and this says what the property claims, as a claim (its author is named only as "claimed").
 */
export function RecordCheckNotice({ data, people }: { data: IssueImprovement; people: Map<string, UserSummary> }) {
  const { record } = data;
  if (record.state !== 'changed-outside' || !record.propertySays) return null;
  const says = record.propertySays;
  const claims: string[] = [];
  if (record.changed.includes('outcome')) {
    claims.push(
      says.outcome
        ? `the outcome is ${outcomeLabels[says.outcome.value]}${says.outcome.note ? ` (“${says.outcome.note}”)` : ''}, claiming it was ` +
            `recorded by ${people.get(says.outcome.by)?.displayName ?? 'an unknown user'} on ${formatDateTime(says.outcome.at)}`
        : 'there is no outcome',
    );
  }
  if (record.changed.includes('dod')) {
    const texts = data.dod.filter((line) => says.dodDoneItemIds.includes(line.itemId)).map((line) => line.text);
    claims.push(texts.length ? `these Definition of Done items are ticked: ${texts.join('; ')}` : 'no Definition of Done item is ticked');
  }
  return (
    <Notice appearance="warning" title={CHANGED_OUTSIDE_LABEL} testId="record-changed-outside">
      <Text as="p">
        Someone edited this story’s issue property through Jira’s REST API. It now says {claims.join(', and ')}. Process Loop did not record
        that: below is what was recorded in Process Loop. JQL searches still see the edited property until the next change is saved here.
      </Text>
    </Notice>
  );
}
