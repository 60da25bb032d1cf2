import type { ReactNode } from 'react';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { IssueProcessPanelData } from '../../common/catalogTypes';
import { ErrorState } from '../../common/ErrorState';
import { LiveAnnouncement } from '../../common/LiveAnnouncement';
import { LoadingState } from '../../common/LoadingState';
import { useResolver } from '../../common/useResolver';
import { ImprovementPanelSection } from './improvement/ImprovementPanelSection';
import { LinkedProcessSummary } from './LinkedProcessSummary';
import { LinkRecordNotice } from './LinkRecordNotice';
import { ProcessLinkPicker } from './ProcessLinkPicker';
import { UndoOfferBar } from './UndoOfferBar';
import { useProcessLinkActions } from './useProcessLinkActions';

/** The issue panel: which process owns this issue, and (for those who may edit it) linking it. */
export function IssuePanel() {
  const panel = useResolver('getIssueProcessPanel', {});
  const { state } = panel;
  return (
    // The inset keeps focus rings (drawn 2px outside a control) inside the iframe, which clips them.
    <div data-testid="process-panel" style={{ padding: '0 var(--ds-space-050, 4px) var(--ds-space-050, 4px)' }}>
      {state.status === 'loading' && <LoadingState label="Loading the owning process…" />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={panel.reload} />}
      {state.status === 'ready' && <ProcessLinkSection panel={state.data} onPanel={panel.update} />}
      {state.status === 'ready' && <ImprovementPanelSection processKey={state.data.link?.processKey ?? null} />}
    </div>
  );
}

function ProcessLinkSection({ panel, onPanel }: { panel: IssueProcessPanelData; onPanel: (panel: IssueProcessPanelData) => void }) {
  const actions = useProcessLinkActions(panel, onPanel);
  const { issue } = panel;
  let body: ReactNode;
  if (panel.link) body = <LinkedProcessSummary panel={panel} />;
  else {
    body = (
      <Text as="p" testId="empty-state">
        Not linked yet — pick the process that owns this work.
      </Text>
    );
  }
  return (
    <section aria-label={`Process Loop for ${issue.key}: ${issue.summary}`}>
      <Stack space="space.200">
        <LinkRecordNotice panel={panel} />
        {body}
        {actions.error && <ErrorState error={actions.error} />}
        {actions.undo && (
          <UndoOfferBar
            offer={actions.undo}
            pending={actions.pending}
            onUndo={() => void actions.undoLast()}
            onDismiss={actions.dismissUndo}
          />
        )}
        {panel.canEdit ? (
          // Keyed by the link so the picker starts from what is saved after every change.
          <ProcessLinkPicker
            key={`${panel.link?.processKey ?? ''}/${panel.link?.stageId ?? ''}`}
            panel={panel}
            pending={actions.pending}
            onLink={(processKey, stageId) => void actions.link(processKey, stageId)}
            onUnlink={() => void actions.unlink()}
          />
        ) : (
          <Box>
            <Text as="p" color="color.text.subtle" testId="read-only-reason">
              {panel.readOnlyReason ?? "You can't change this issue's process."}
            </Text>
          </Box>
        )}
        <LiveAnnouncement message={actions.announcement} testId="announcement" />
      </Stack>
    </section>
  );
}
