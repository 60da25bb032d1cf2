import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { SprintReviewView } from '../../../common/improvement/improvementTypes';
import { OutcomeLozenge } from '../../../common/improvement/outcomes';
import { ChangedOutsideLozenge } from '../../../common/records/ChangedOutsideLozenge';
import { readingsText } from './reviewText';

/** The review for people who may read but not edit it (not the process's APO, ASM or an admin). */
export function ReviewReadOnly({ view }: { view: SprintReviewView }) {
  const review = view.review;
  const para = (text: string | undefined, empty: string) => (
    <Text as="p" color={text ? 'color.text' : 'color.text.subtlest'}>
      {text || empty}
    </Text>
  );
  return (
    <Stack space="space.200" testId="review-read-only">
      <Text as="p" color="color.text.subtle" testId="review-read-only-reason">
        {view.readOnlyReason ?? 'Only the process’s APO and ASM, and Jira admins, can edit this review.'}
      </Text>
      <Heading size="xsmall" as="h4">
        What was achieved
      </Heading>
      {para(review?.achieved, 'Not written yet.')}
      <Heading size="xsmall" as="h4">
        What next
      </Heading>
      {para(review?.next, 'Not written yet.')}
      <Heading size="xsmall" as="h4">
        KPI readings
      </Heading>
      {para(readingsText(review?.kpiReadings ?? [], view.process.kpis), 'No readings entered.')}
      <Heading size="xsmall" as="h4">
        Improvement stories done in this sprint
      </Heading>
      {view.doneStories.length === 0 ? (
        para('', 'None.')
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 'var(--ds-space-250, 20px)' }}>
          {view.doneStories.map((story) => (
            <li key={story.issueId}>
              <Text>
                {story.issueKey}: {story.summary}{' '}
              </Text>
              {story.outcome ? <OutcomeLozenge value={story.outcome.value} /> : <Text color="color.text.subtlest">No outcome yet</Text>}
              {story.changedOutside && (
                <>
                  {' '}
                  <ChangedOutsideLozenge testId={`changed-outside-${story.issueKey}`} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
