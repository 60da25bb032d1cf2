import SectionMessage from '@atlaskit/section-message';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProcessBacklog } from '../../../common/improvement/improvementTypes';

function keysByProcess(items: Array<{ issueKey: string; processKey: string }>): string {
  return items.map((item) => `${item.issueKey} (${item.processKey})`).join(', ');
}

/** What the APO should look at first: stories nobody can judge, reviews not written, processes nobody improves. */
export function BacklogHighlights({ backlog }: { backlog: ProcessBacklog }) {
  const { missingMeasure, doneWithoutOutcome, processesWithoutRecentImprovement } = backlog.highlights;
  if (missingMeasure.length + doneWithoutOutcome.length + processesWithoutRecentImprovement.length === 0) return null;
  const sprints = backlog.recentSprints
    .map((sprint) => (sprint.overdueNote ? `${sprint.name} (${sprint.overdueNote})` : sprint.name))
    .join(', ');
  return (
    <SectionMessage appearance="warning" title="Needs attention" headingLevel="h3" testId="backlog-highlights">
      <Stack space="space.100">
        <ul style={{ margin: 0, paddingInlineStart: 'var(--ds-space-250, 20px)' }}>
          {missingMeasure.length > 0 && (
            <li data-testid="highlight-missing-measure">
              <Text>
                <Text weight="semibold">No measure ({missingMeasure.length}):</Text> {keysByProcess(missingMeasure)}. Without one, nobody
                can tell whether they worked.
              </Text>
            </li>
          )}
          {doneWithoutOutcome.length > 0 && (
            <li data-testid="highlight-done-without-outcome">
              <Text>
                <Text weight="semibold">Done without an outcome ({doneWithoutOutcome.length}):</Text> {keysByProcess(doneWithoutOutcome)}.
                Record confirmed, refuted or inconclusive in the sprint review.
              </Text>
            </li>
          )}
          {processesWithoutRecentImprovement.length > 0 && (
            <li data-testid="highlight-no-recent-improvement">
              <Text>
                <Text weight="semibold">No improvement in the last three sprints:</Text> {processesWithoutRecentImprovement.join(', ')}
                {sprints ? ` (looked at ${sprints})` : ''}.
              </Text>
            </li>
          )}
        </ul>
      </Stack>
    </SectionMessage>
  );
}
