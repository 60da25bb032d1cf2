import { useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ErrorState } from '../../../common/ErrorState';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { BoardPicker, SprintPicker } from './BoardSprintPicker';
import { CompletenessNotes } from './CompletenessNotes';
import { ComputeProgress } from './ComputeProgress';
import { DrillDownModal } from './DrillDownModal';
import { formatDate, formatDateTime } from '../../../common/dateFormat';
import { Notice } from '../../../common/Notice';
import { browserTimeZone } from './format';
import { HealthSettingsModal } from './HealthSettingsModal';
import { HealthTable } from './HealthTable';
import { HelpPanel } from './HelpPanel';
import { metricHelp } from './metricWording';
import { ProvisionalNote } from './ProvisionalNote';
import { RateLimitNotice } from './RateLimitNotice';
import type { DrillDownKey, DrillDownTarget, RowRef, SprintHealthReady, SprintHealthSetup, SprintSummary } from './types';
import { useSprintHealth } from './useSprintHealth';

/** The sprint to show first: the viewer's last choice on this board, else the active one, else the newest. */
export function defaultSprintId(sprints: SprintSummary[], remembered: number | null): number | null {
  if (remembered !== null && sprints.some((sprint) => sprint.id === remembered)) return remembered;
  return (sprints.find((sprint) => sprint.state === 'active') ?? sprints[0])?.id ?? null;
}

function HealthResult({
  data,
  myOnly,
  onDrillDown,
  timeZone,
}: {
  data: SprintHealthReady;
  myOnly: boolean;
  onDrillDown: (row: RowRef, metric: DrillDownKey) => void;
  timeZone: string;
}) {
  const rows = myOnly ? data.rows.filter((row) => row.isMine) : data.rows;
  const hasLinkedWork = data.rows.some((row) => row.processKey !== null);
  const asOf = data.frozen
    ? `Closed sprint: numbers frozen when it closed (${formatDate(data.window.end, { timeZone }) || data.window.end}).`
    : `Active sprint${data.sprint.overdueNote ? ` (${data.sprint.overdueNote})` : ''}: ` +
      `numbers as of ${formatDateTime(data.computedAt, { timeZone })}.`;
  return (
    <Stack space="space.200">
      <Text color="color.text.subtle" testId="sprint-health-as-of">
        {asOf}
      </Text>
      <CompletenessNotes exact={data.completeness.exact} notes={data.completeness.notes} />
      <ProvisionalNote reason={data.provisional ? data.provisionalReason : null} />
      {!hasLinkedWork && (
        <Notice appearance="information" title="No work in this sprint is linked to a process yet" testId="sprint-health-no-linked">
          <Text as="p">All of it shows as unlinked work. Link issues to their process in the Process Loop panel on each issue.</Text>
        </Notice>
      )}
      {myOnly && rows.length === 0 ? (
        <Text testId="sprint-health-no-mine">None of your processes (as APO or ASM) has work in this sprint.</Text>
      ) : (
        <HealthTable rows={rows} totals={data.totals} incompleteCriteria={data.completeness.incompleteCriteria} onDrillDown={onDrillDown} />
      )}
    </Stack>
  );
}

/** Board and sprint pickers, the health table of the chosen sprint, its drill-downs, help and settings. */
export function SprintHealthScreen({ setup }: { setup: SprintHealthSetup }) {
  const timeZone = useMemo(browserTimeZone, []);
  const remembered = setup.lastChoice && setup.boards.some((board) => board.id === setup.lastChoice?.boardId) ? setup.lastChoice : null;
  const [boardId, setBoardId] = useState<number>(remembered?.boardId ?? (setup.boards[0] as { id: number }).id);
  const [sprintId, setSprintId] = useState<number | null>(null);
  const [myOnly, setMyOnly] = useState(false);
  const [drillDown, setDrillDown] = useState<DrillDownTarget | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const sprints = useResolver('listBoardSprints', { boardId });
  const sprintList = sprints.state.status === 'ready' ? sprints.state.data.sprints : [];

  // A new board's sprint list arrived: pick the remembered, active or newest sprint.
  useEffect(() => {
    if (sprints.state.status !== 'ready') return;
    const list = sprints.state.data.sprints;
    setSprintId((current) =>
      current !== null && list.some((sprint) => sprint.id === current)
        ? current
        : defaultSprintId(list, remembered?.boardId === boardId ? remembered.sprintId : null),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [sprints.state]);

  const selection = sprintId !== null && sprintList.some((sprint) => sprint.id === sprintId) ? { boardId, sprintId } : null;
  const health = useSprintHealth(selection);
  const { state } = health;

  const openDrillDown = (row: RowRef, metric: DrillDownKey) => {
    if (!selection) return;
    setDrillDown({
      sprintId: selection.sprintId,
      row,
      metric,
      title: `${metricHelp[metric].label} for ${row.label}`,
      definition: metricHelp[metric].long,
    });
  };

  return (
    <Stack space="space.300">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <BoardPicker
          boards={setup.boards}
          value={boardId}
          onChange={(id) => {
            setBoardId(id);
            setSprintId(null);
          }}
        />
        <SprintPicker
          sprints={sprintList}
          value={sprintId}
          onChange={setSprintId}
          isLoading={sprints.state.status === 'loading'}
          timeZone={timeZone}
        />
        <Box paddingBlockEnd="space.050">
          <Checkbox
            label={setup.myProcessKeys.length ? `My processes (${setup.myProcessKeys.join(', ')})` : 'My processes'}
            isChecked={myOnly}
            onChange={(event) => setMyOnly(event.target.checked)}
            testId="sprint-health-my-processes"
          />
        </Box>
        {setup.isJiraAdmin && (
          <Box paddingBlockEnd="space.050">
            <Button onClick={() => setSettingsOpen(true)} testId="sprint-health-settings-open">
              Health settings
            </Button>
          </Box>
        )}
      </Inline>

      {sprints.state.status === 'failed' && <ErrorState error={sprints.state.error} onRetry={sprints.reload} />}
      {sprints.state.status === 'ready' && sprintList.length === 0 && (
        <EmptyState
          testId="sprint-health-no-sprints"
          header="This board has no sprints yet"
          headingLevel={2}
          description="Sprint health is shown for active and closed sprints. Start a sprint on this board, then come back."
        />
      )}

      {state.status === 'loading' && <LoadingState label="Loading sprint health…" />}
      {state.status === 'computing' && <ComputeProgress progress={state.progress} restartedAt={state.restartedAt} timeZone={timeZone} />}
      {state.status === 'rate-limited' && <RateLimitNotice retryAt={state.retryAt} timeZone={timeZone} onRetryNow={health.reload} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={health.reload} />}
      {state.status === 'ready' && <HealthResult data={state.data} myOnly={myOnly} onDrillDown={openDrillDown} timeZone={timeZone} />}
      <LiveAnnouncement message={state.status === 'ready' ? `Sprint health of ${state.data.sprint.name} loaded.` : ''} />

      <HelpPanel />
      <DrillDownModal target={drillDown} timeZone={timeZone} onClose={() => setDrillDown(null)} />
      {settingsOpen && (
        <HealthSettingsModal
          sprintId={selection?.sprintId ?? null}
          onClose={() => setSettingsOpen(false)}
          onSaved={() => health.reload()}
        />
      )}
    </Stack>
  );
}
