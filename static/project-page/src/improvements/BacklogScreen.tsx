import { useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ErrorState } from '../../../common/ErrorState';
import { CreatedStoryNotice } from '../../../common/improvement/CreatedStoryNotice';
import type {
  BacklogGroup,
  BacklogStory,
  CreatedStory,
  ImprovementSetup,
  ProcessBacklog,
} from '../../../common/improvement/improvementTypes';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { useVersionedSave } from '../../../common/forms/useVersionedSave';
import { BacklogFilters, noBacklogFilter, type BacklogFilter } from './BacklogFilters';
import { BacklogGroupTable } from './BacklogGroupTable';
import { BacklogHighlights } from './BacklogHighlights';
import { CreateStoryModal } from './CreateStoryModal';
import { EnablementPanel } from './EnablementPanel';
import { useLastReady } from './useLastReady';
import { ScreenHeader } from '../ScreenHeader';

function isUnfiltered(filter: BacklogFilter): boolean {
  return filter.processKey === null && filter.valueStreamKey === null && filter.statusCategory === null;
}

function withGroup(backlog: ProcessBacklog, group: BacklogGroup): ProcessBacklog {
  return { ...backlog, groups: backlog.groups.map((g) => (g.processKey === group.processKey ? group : g)) };
}

function reorderedGroup(group: BacklogGroup, issueIds: string[]): BacklogGroup {
  const byId = new Map(group.stories.map((s) => [s.issueId, s]));
  return { ...group, stories: issueIds.map((id) => byId.get(id)).filter((s): s is BacklogStory => s !== undefined) };
}

/**
 * The process backlog: improvement stories per process in the order the APO works them, the
 * highlights that need attention, and (for the admin) enabling the issue type in this project.
 */
export function BacklogScreen({ setup, onSetup }: { setup: ImprovementSetup; onSetup: (setup: ImprovementSetup) => void }) {
  const [filter, setFilter] = useState<BacklogFilter>(noBacklogFilter);
  const backlog = useResolver('getProcessBacklog', filter);
  const last = useLastReady(backlog.state);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedStory | null>(null);
  const reordering = useVersionedSave('reorderProcessBacklog', { newerOf: (answer) => answer.group });
  const [conflictNote, setConflictNote] = useState<string | null>(null);
  const { announcement, setAnnouncement } = reordering;

  const canCreate = setup.canCreate && setup.processes.length > 0;
  const reorderBlockedReason = filter.statusCategory ? 'Show any status to re-order.' : null;

  async function reorder(group: BacklogGroup, issueIds: string[], moved: BacklogStory, position: number) {
    const before = backlog.state.status === 'ready' ? backlog.state.data : null;
    if (!before) return;
    setConflictNote(null);
    backlog.update(withGroup(before, reorderedGroup(group, issueIds))); // at once: the list must not lag the key press
    const conflictNoteText = `Someone else re-ordered ${group.processKey} first. This is their order now; move ${moved.issueKey} again if you still want to.`;
    const end = await reordering.save(
      { processKey: group.processKey, issueIds, expectedVersion: group.order.version },
      {
        saved: () => `${moved.issueKey} moved to position ${position} of ${issueIds.length} in ${group.processKey}.`,
        conflict: () => conflictNoteText,
        failed: (error) => `Couldn't move ${moved.issueKey}: ${error.message}`,
      },
    );
    if (end.status === 'failed') {
      backlog.update(before);
      return;
    }
    backlog.update(withGroup(before, end.result.group));
    if (end.status === 'conflict') setConflictNote(conflictNoteText);
  }

  let body;
  if (backlog.state.status === 'failed') body = <ErrorState error={backlog.state.error} onRetry={backlog.reload} />;
  else if (!last || backlog.state.status === 'loading') body = <LoadingState label="Loading the improvement backlog…" />;
  if (!body && last) {
    const groups = last.groups;
    body =
      groups.length === 0 || groups.every((g) => g.stories.length === 0) ? (
        <EmptyState
          header={isUnfiltered(filter) ? 'No improvement stories yet' : 'No improvement story matches these filters'}
          headingLevel={3}
          description="An improvement story is an experiment: a change you believe will improve a process, and a measure that tells whether it did."
          testId="backlog-empty"
        />
      ) : (
        <Stack space="space.400">
          {groups
            .filter((g) => g.stories.length > 0)
            .map((group) => (
              <BacklogGroupTable
                key={group.processKey}
                group={group}
                pending={reordering.pending}
                reorderBlockedReason={reorderBlockedReason}
                onReorder={(...args) => void reorder(...args)}
              />
            ))}
        </Stack>
      );
  }

  return (
    <Stack space="space.300" testId="improvement-backlog">
      <ScreenHeader title="Improvement backlog">
        {canCreate && (
          <Button appearance="primary" onClick={() => setCreating(true)} testId="backlog-create-story">
            Create improvement story
          </Button>
        )}
      </ScreenHeader>
      {!setup.canCreate && (
        <Text as="p" color="color.text.subtle" testId="backlog-cannot-create">
          You can't create issues in {setup.project.name}, so you can't create improvement stories here.
        </Text>
      )}
      <EnablementPanel setup={setup} onSetup={onSetup} />
      {created && <CreatedStoryNotice created={created} onDismiss={() => setCreated(null)} />}
      {last && <BacklogFilters options={last} filter={filter} onChange={setFilter} />}
      {last && <BacklogHighlights backlog={last} />}
      {reordering.saveError && <ErrorState error={reordering.saveError} />}
      {conflictNote && (
        <Text as="p" color="color.text.warning" testId="reorder-conflict">
          {conflictNote}
        </Text>
      )}
      {body}
      <LiveAnnouncement message={announcement} testId="backlog-announcement" />
      {creating && (
        <CreateStoryModal
          setup={setup}
          defaultProcessKey={filter.processKey}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            setAnnouncement(`Created ${result.issue.key}`);
            backlog.reload();
          }}
        />
      )}
    </Stack>
  );
}
