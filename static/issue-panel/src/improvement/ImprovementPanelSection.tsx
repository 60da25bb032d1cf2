import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ErrorState } from '../../../common/ErrorState';
import type { ImprovementProperty, IssueImprovement } from '../../../common/improvement/improvementTypes';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';

// Loaded only when needed: the panel's first paint must stay within its bundle budget.
const ImprovementDetails = lazy(() => import('./ImprovementDetails'));
const CreateImprovementFromPanel = lazy(() => import('./CreateImprovementFromPanel'));

function hasImprovement(data: IssueImprovement): data is IssueImprovement & { improvement: ImprovementProperty } {
  return data.improvement !== null;
}

/**
 * The panel's improvement part. On an improvement story: its hypothesis, measure, Definition of
 * Done and outcome. On any other issue: a way to start an improvement story for its process.
 */
export function ImprovementPanelSection({ processKey }: { processKey: string | null }) {
  const improvement = useResolver('getIssueImprovement', {});
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { state } = improvement;

  let body;
  if (state.status === 'loading') body = <LoadingState label="Loading the improvement story…" />;
  else if (state.status === 'failed') body = <ErrorState error={state.error} onRetry={improvement.reload} />;
  else if (hasImprovement(state.data)) {
    body = (
      <Suspense fallback={<LoadingState label="Loading the improvement story…" />}>
        <ImprovementDetails data={state.data} onData={improvement.update} />
      </Suspense>
    );
  } else {
    const data = state.data;
    body = (
      <Stack space="space.150">
        <Heading size="xsmall" as="h3">
          Improvement stories
        </Heading>
        {data.isImprovementTypeWithoutDetails ? (
          <Text as="p" testId="improvement-without-details">
            This is a {data.issue.issueTypeName} issue, but it was created outside Process Loop, so it has no hypothesis, measure or
            checklist. Create the improvement story from here or from the project page instead.
          </Text>
        ) : (
          <Text as="p" color="color.text.subtle">
            Turn an idea for improving {processKey ? `process ${processKey}` : 'a process'} into an experiment: a user story with a
            hypothesis and a measure.
          </Text>
        )}
        {creating ? (
          <Suspense fallback={<LoadingState label="Loading the form…" />}>
            <CreateImprovementFromPanel
              defaultProcessKey={processKey}
              onClose={() => setCreating(false)}
              onCreated={(created) => setAnnouncement(`Created ${created.issue.key}`)}
            />
          </Suspense>
        ) : (
          <Inline>
            <Button onClick={() => setCreating(true)} testId="create-improvement">
              Create improvement story
            </Button>
          </Inline>
        )}
      </Stack>
    );
  }
  return (
    <section aria-label="Improvement story" data-testid="improvement-section" style={{ paddingBlockStart: 'var(--ds-space-300, 24px)' }}>
      {body}
      <LiveAnnouncement message={announcement} />
    </section>
  );
}
