import { useEffect, useRef, useState } from 'react';
import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Link from '@atlaskit/link';
import Lozenge from '@atlaskit/lozenge/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { DodProgress } from '../../../common/improvement/DodProgress';
import { TooltipText } from '../../../common/TooltipText';
import type { BacklogGroup, BacklogStory } from '../../../common/improvement/improvementTypes';
import { openIssue } from '../../../common/improvement/openIssue';
import { OutcomeLozenge } from '../../../common/improvement/outcomes';
import { ChangedOutsideLozenge } from '../../../common/records/ChangedOutsideLozenge';
import { formatScore, scaleLabel } from '../../../common/improvement/scales';
import { UserAvatarName } from '../../../common/UserAvatarName';
import { moveInOrder } from './moveInOrder';

const statusAppearance = { new: 'default', indeterminate: 'inprogress', done: 'success' } as const;

// Widths in percent, so short columns (sprint, assignee) do not wrap mid-word.
const head = (withOrder: boolean) => ({
  cells: [
    { key: 'rank', content: '#', width: 3 },
    { key: 'issue', content: 'Story', width: withOrder ? 30 : 36 },
    { key: 'score', content: 'Benefit ÷ cost', width: 8 },
    { key: 'status', content: 'Status', width: 9 },
    { key: 'sprint', content: 'Sprint', width: 11 },
    { key: 'assignee', content: 'Assignee', width: 12 },
    { key: 'dod', content: 'Definition of Done', width: 11 },
    { key: 'flags', content: 'Attention', width: 10 },
    ...(withOrder ? [{ key: 'order', content: 'Order', width: 6 }] : []),
  ],
});

function Flags({ story }: { story: BacklogStory }) {
  return (
    <Stack space="space.050">
      {story.flags.includes('missing-measure') && <Lozenge appearance="moved">No measure</Lozenge>}
      {story.flags.includes('done-without-outcome') && <Lozenge appearance="removed">No outcome</Lozenge>}
      {story.outcome && <OutcomeLozenge value={story.outcome} />}
      {story.changedOutside && <ChangedOutsideLozenge testId={`changed-outside-${story.issueKey}`} />}
    </Stack>
  );
}

/**
 * One process's improvement stories in backlog order. The APO re-orders with Move up / Move down
 * (keyboard first; focus follows the moved story), and the new order is saved at once.
 */
export function BacklogGroupTable(props: {
  group: BacklogGroup;
  /** Why re-ordering is off right now (a status filter hides stories), or null. */
  reorderBlockedReason: string | null;
  pending: boolean;
  onReorder: (group: BacklogGroup, issueIds: string[], moved: BacklogStory, position: number) => void;
}) {
  const { group } = props;
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const [focusAfter, setFocusAfter] = useState<{ issueId: string; step: -1 | 1 } | null>(null);
  const headingId = `backlog-group-${group.processKey}`;
  const showOrder = group.canReorder && group.stories.length > 1;

  useEffect(() => {
    if (!focusAfter) return;
    const index = group.stories.findIndex((s) => s.issueId === focusAfter.issueId);
    if (index < 0) return;
    // At the top "Move up" is gone, so focus lands on "Move down" (and the other way round).
    const atEdge = focusAfter.step === -1 ? index === 0 : index === group.stories.length - 1;
    const step = atEdge ? -focusAfter.step : focusAfter.step;
    buttons.current.get(`${focusAfter.issueId}:${step}`)?.focus();
  }, [focusAfter, group.stories]);

  function move(index: number, step: -1 | 1) {
    if (props.pending || props.reorderBlockedReason) return;
    const story = group.stories[index];
    if (!story) return;
    const reordered = moveInOrder(group.stories, index, step);
    setFocusAfter({ issueId: story.issueId, step });
    props.onReorder(
      group,
      reordered.map((s) => s.issueId),
      story,
      index + step + 1,
    );
  }

  const rows = group.stories.map((story, index) => ({
    key: story.issueId,
    testId: `backlog-row-${story.issueKey}`,
    cells: [
      { key: 'rank', content: <Text>{index + 1}</Text> },
      {
        key: 'issue',
        content: (
          <Stack space="space.025">
            <Inline>
              {/* A real link (copy, open in a new tab), but the host navigates: the frame cannot. */}
              <Link
                href={`/browse/${encodeURIComponent(story.issueKey)}`}
                onClick={(event) => {
                  event.preventDefault();
                  openIssue(story.issueKey);
                }}
                testId={`backlog-open-${story.issueKey}`}
              >
                {story.issueKey}
              </Link>
            </Inline>
            <Text>{story.summary}</Text>
          </Stack>
        ),
      },
      {
        key: 'score',
        content: (
          <TooltipText
            tooltip={`Benefit ${scaleLabel('benefit', story.benefit)} ÷ cost ${scaleLabel('cost', story.cost)}`}
            label={`${formatScore(story.score)}: benefit ${story.benefit} of 5, cost ${story.cost} of 5`}
            testId={`backlog-score-${story.issueKey}`}
          >
            <Text weight="semibold">{formatScore(story.score)}</Text>{' '}
            <Text size="small" color="color.text.subtle">
              ({story.benefit}/{story.cost})
            </Text>
          </TooltipText>
        ),
      },
      { key: 'status', content: <Lozenge appearance={statusAppearance[story.status.category]}>{story.status.name}</Lozenge> },
      {
        key: 'sprint',
        content: <Text color={story.sprint ? 'color.text' : 'color.text.subtlest'}>{story.sprint?.name ?? 'Backlog'}</Text>,
      },
      { key: 'assignee', content: <UserAvatarName accountId={story.assignee?.accountId ?? null} user={story.assignee ?? undefined} /> },
      { key: 'dod', content: <DodProgress done={story.dodProgress.done} total={story.dodProgress.total} /> },
      { key: 'flags', content: <Flags story={story} /> },
      ...(showOrder
        ? [
            {
              key: 'order',
              content: (
                <Inline space="space.050">
                  {index > 0 && (
                    <Button
                      ref={(el) => void buttons.current.set(`${story.issueId}:-1`, el)}
                      spacing="compact"
                      onClick={() => move(index, -1)}
                      aria-disabled={props.reorderBlockedReason ? true : undefined}
                      aria-label={`Move ${story.issueKey} up`}
                      testId={`move-up-${story.issueKey}`}
                    >
                      Up
                    </Button>
                  )}
                  {index < group.stories.length - 1 && (
                    <Button
                      ref={(el) => void buttons.current.set(`${story.issueId}:1`, el)}
                      spacing="compact"
                      onClick={() => move(index, 1)}
                      aria-disabled={props.reorderBlockedReason ? true : undefined}
                      aria-label={`Move ${story.issueKey} down`}
                      testId={`move-down-${story.issueKey}`}
                    >
                      Down
                    </Button>
                  )}
                </Inline>
              ),
            },
          ]
        : []),
    ],
  }));

  return (
    <Stack space="space.150" testId={`backlog-group-${group.processKey}`}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Heading size="small" as="h3" id={headingId}>
          {group.processKey}: {group.processName}
        </Heading>
        <Badge>{group.stories.length}</Badge>
        {/* Not truncated: the lozenge's whole point is the sentence. */}
        {group.noImprovementInLastSprints && (
          <Lozenge appearance="moved" maxWidth="none">
            No improvement in the last three sprints
          </Lozenge>
        )}
      </Inline>
      <Text size="small" color="color.text.subtle" testId={`backlog-order-kind-${group.processKey}`}>
        {group.order.kind === 'manual'
          ? 'Ordered by hand by the process owner; new stories join below, by benefit ÷ cost.'
          : 'Ordered by benefit ÷ cost, older first on ties.'}
        {showOrder && props.reorderBlockedReason ? ` ${props.reorderBlockedReason}` : ''}
      </Text>
      <DynamicTable
        label={`Improvement stories of ${group.processKey}, in backlog order`}
        head={head(showOrder)}
        rows={rows}
        testId={`backlog-table-${group.processKey}`}
        emptyView={<Text>No improvement story matches these filters.</Text>}
      />
    </Stack>
  );
}
