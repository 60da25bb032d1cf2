import { useRef, useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ErrorState } from '../../../common/ErrorState';
import type { ImprovementSetup } from '../../../common/improvement/improvementTypes';
import { confirmDiscard } from '../../../common/unsavedChanges';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { useLastReady } from '../improvements/useLastReady';
import { ExportReviewsButton } from './ExportReviewsButton';
import { ReviewForm } from './ReviewForm';
import { ReviewHistory } from './ReviewHistory';
import { ReviewPickers } from './ReviewPickers';
import { ReviewReadOnly } from './ReviewReadOnly';
import { ScreenHeader } from '../ScreenHeader';

const stateAppearance = { active: 'inprogress', closed: 'default', future: 'new' } as const;

/**
 * The sprint review: per process and sprint what was achieved, what next, KPI readings and the
 * outcome of each improvement story done in the sprint, with the history of every change.
 */
export function ReviewScreen({ setup }: { setup: ImprovementSetup }) {
  const [processKey, setProcessKey] = useState<string>(setup.processes[0]?.key ?? '');
  const [sprintId, setSprintId] = useState<number | null>(null);
  const review = useResolver('getSprintReview', { processKey, sprintId });
  const last = useLastReady(review.state);
  const dirty = useRef(false);
  const [announcement, setAnnouncement] = useState('');

  if (setup.processes.length === 0) {
    return (
      <EmptyState
        header="No process to review yet"
        headingLevel={2}
        description="Sprint reviews are written per process. Add a process in the Processes tab first."
        testId="review-no-processes"
      />
    );
  }

  const change = (apply: () => void) => {
    if (!confirmDiscard(dirty.current)) return;
    dirty.current = false;
    apply();
  };

  let body;
  if (review.state.status === 'loading') body = <LoadingState label="Loading the sprint review…" />;
  else if (review.state.status === 'failed') body = <ErrorState error={review.state.error} onRetry={review.reload} />;
  else {
    const view = review.state.data;
    body = (
      <Stack space="space.300" testId="review-view">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="small" as="h3" testId="review-heading">
            {view.sprint.name}: {view.process.key} {view.process.name}
          </Heading>
          <Lozenge appearance={stateAppearance[view.sprint.state]}>{view.sprint.state}</Lozenge>
          {view.sprint.overdueNote && (
            <Text color="color.text.warning" testId="review-sprint-overdue">
              {view.sprint.overdueNote}
            </Text>
          )}
        </Inline>
        {view.sprintClosed && view.canEdit && (
          <SectionMessage appearance="information" title="This sprint is closed" headingLevel="h4" testId="review-closed-note">
            <Text as="p">
              You can still edit its review. Every change is recorded — who, when and what it was before — in the history below.
            </Text>
          </SectionMessage>
        )}
        {view.canEdit ? (
          <ReviewForm
            key={`${view.process.key}:${view.sprint.id}`}
            view={view}
            onDirtyChange={(value) => {
              dirty.current = value;
            }}
            onSaved={(saved) => {
              review.update(saved);
              setAnnouncement(`Saved the review of ${saved.sprint.name}`);
            }}
          />
        ) : (
          <ReviewReadOnly view={view} />
        )}
        <ReviewHistory view={view} />
      </Stack>
    );
  }

  return (
    <Stack space="space.300" testId="sprint-review">
      <ScreenHeader title="Sprint review" alignBlock="end">
        {processKey && <ExportReviewsButton processKey={processKey} onDone={setAnnouncement} />}
      </ScreenHeader>
      <ReviewPickers
        processes={setup.processes}
        processKey={processKey}
        sprints={last?.sprints ?? []}
        sprintId={review.state.status === 'ready' ? review.state.data.sprint.id : (sprintId ?? last?.sprint.id ?? null)}
        onProcess={(key) => change(() => setProcessKey(key))}
        onSprint={(id) => change(() => setSprintId(id))}
      />
      {body}
      <LiveAnnouncement message={announcement} testId="review-announcement" />
    </Stack>
  );
}
