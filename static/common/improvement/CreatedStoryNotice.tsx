import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { Notice } from '../Notice';
import type { CreatedStory } from './improvementTypes';
import { openIssue } from './openIssue';

const stepWords = {
  'improvement-property': 'saving its hypothesis, measure and checklist',
  'process-link': 'linking it to the process',
} as const;

/**
 * What creating a story did. A partial result is said plainly: the issue exists, one later step
 * failed, and nothing was rolled back behind the person's back.
 */
export function CreatedStoryNotice({ created, onDismiss }: { created: CreatedStory; onDismiss: () => void }) {
  const partial = created.outcome === 'partial';
  const ref = useRef<HTMLDivElement>(null);
  // The form that was here is gone; focus lands on what happened instead of on the page's start.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1}>
      <Notice
        appearance={partial ? 'warning' : 'success'}
        role={partial ? 'alert' : 'status'}
        testId="created-story-notice"
        title={partial ? `${created.issue.key} was created, but not completely` : `Created ${created.issue.key}`}
      >
        {partial && (
          <Text as="p">
            Jira created the issue, but {stepWords[created.failedStep]} failed: {created.message} Open the issue to finish it, or ask your
            Jira admin.
          </Text>
        )}
        <Inline space="space.100">
          <Button spacing="compact" onClick={() => openIssue(created.issue.key)} testId="created-story-open">
            Open {created.issue.key}
          </Button>
          <Button appearance="subtle" spacing="compact" onClick={onDismiss} testId="created-story-dismiss">
            Dismiss
          </Button>
        </Inline>
      </Notice>
    </div>
  );
}
