import { useState } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ResolverError } from '../../../../src/contract';
import { usersById } from '../../../common/catalogTypes';
import { ErrorState } from '../../../common/ErrorState';
import type { ImprovementProperty, IssueImprovement } from '../../../common/improvement/improvementTypes';
import { outcomeLabels } from '../../../common/improvement/outcomes';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { invokeResolver } from '../../../common/invokeResolver';
import { DodChecklist } from './DodChecklist';
import { ImprovementFacts } from './ImprovementFacts';
import { OutcomeSection } from './OutcomeSection';
import { RecordCheckNotice } from './RecordCheckNotice';

/**
 * An improvement story in the panel: what it tests, its Definition of Done as a checklist and, after
 * review, its outcome. Every write answers the whole improvement, which replaces what is shown.
 */
export default function ImprovementDetails({
  data,
  onData,
}: {
  data: IssueImprovement & { improvement: ImprovementProperty };
  onData: (data: IssueImprovement) => void;
}) {
  const [pendingItemId, setPendingItemId] = useState<string | null>(null);
  const [outcomePending, setOutcomePending] = useState(false);
  const [editingOutcome, setEditingOutcome] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const people = usersById(data.users);

  async function toggle(itemId: string, text: string, done: boolean) {
    setPendingItemId(itemId);
    setError(null);
    const response = await invokeResolver('toggleImprovementDod', { itemId, done });
    setPendingItemId(null);
    if (!response.ok) {
      setError(response.error);
      setAnnouncement(`Couldn't save: ${response.error.message}`);
      return;
    }
    onData(response.data);
    setAnnouncement(
      `${done ? 'Ticked' : 'Unticked'}: ${text}. ${response.data.dodProgress.done} of ${response.data.dodProgress.total} done.`,
    );
  }

  async function saveOutcome(outcome: { value: 'confirmed' | 'refuted' | 'inconclusive'; note: string } | null) {
    setOutcomePending(true);
    setError(null);
    const response = await invokeResolver('recordImprovementOutcome', { outcome });
    setOutcomePending(false);
    if (!response.ok) {
      setError(response.error);
      setAnnouncement(`Couldn't save the outcome: ${response.error.message}`);
      return;
    }
    onData(response.data);
    setEditingOutcome(false);
    setAnnouncement(outcome ? `Outcome saved: ${outcomeLabels[outcome.value]}` : 'Outcome cleared');
  }

  return (
    <Stack space="space.250" testId="improvement-details">
      <RecordCheckNotice data={data} people={people} />
      <ImprovementFacts data={data} />
      <DodChecklist
        data={data}
        people={people}
        pendingItemId={pendingItemId}
        onToggle={(line, done) => void toggle(line.itemId, line.text, done)}
      />
      <OutcomeSection
        outcome={data.outcome}
        people={people}
        canRecord={data.canRecordOutcome}
        pending={outcomePending}
        fieldError={error?.fields?.['outcome.note']}
        editing={editingOutcome}
        onEdit={setEditingOutcome}
        onSave={(outcome) => void saveOutcome(outcome)}
      />
      {error && <ErrorState error={error} />}
      {!data.canEdit && data.readOnlyReason && (
        <Text as="p" color="color.text.subtle" testId="improvement-read-only">
          {data.readOnlyReason}
        </Text>
      )}
      <LiveAnnouncement message={announcement} testId="improvement-announcement" />
    </Stack>
  );
}
