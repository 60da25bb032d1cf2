import { useState } from 'react';
import type { ResolverError } from '../../../src/contract';
import type { IssueProcessPanelData } from '../../common/catalogTypes';
import { invokeResolver } from '../../common/invokeResolver';

type LinkTarget = { processKey: string; stageId: string | null };
/** What "Undo" puts back: the link before the last change, or none (the issue was unlinked). */
export type UndoOffer = { label: string; restore: LinkTarget | null };

/**
 * Link, unlink and undo, as the viewer. Every write answers the whole panel, so the view is
 * replaced by what Jira now holds rather than by what we hoped it holds.
 */
export function useProcessLinkActions(panel: IssueProcessPanelData, onPanel: (panel: IssueProcessPanelData) => void) {
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<ResolverError | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);

  const previous: LinkTarget | null = panel.link ? { processKey: panel.link.processKey, stageId: panel.link.stageId } : null;

  async function apply(target: LinkTarget | null, offerUndo: boolean): Promise<boolean> {
    setPending(true);
    setError(null);
    const response = target
      ? await invokeResolver('linkIssueToProcess', { processKey: target.processKey, stageId: target.stageId })
      : await invokeResolver('unlinkIssueFromProcess', {});
    setPending(false);
    if (!response.ok) {
      setError(response.error);
      setAnnouncement(`Couldn't save: ${response.error.message}`);
      return false;
    }
    onPanel(response.data);
    const stage = response.data.link?.stageName;
    setAnnouncement(target ? `Linked to ${target.processKey}${stage ? `, stage ${stage}` : ''}` : 'Unlinked');
    if (!offerUndo) setUndo(null);
    else if (target && previous) setUndo({ label: `Changed from ${previous.processKey}.`, restore: previous });
    else if (target) setUndo({ label: `Linked to ${target.processKey}.`, restore: null });
    else if (previous) setUndo({ label: `Unlinked from ${previous.processKey}.`, restore: previous });
    return true;
  }

  return {
    pending,
    announcement,
    error,
    undo,
    link: (processKey: string, stageId: string | null) => apply({ processKey, stageId }, true),
    unlink: () => apply(null, true),
    /** Puts back the link from before the last change; itself not undoable (no undo chains). */
    undoLast: () => (undo ? apply(undo.restore, false) : Promise.resolve(false)),
    dismissUndo: () => setUndo(null),
  };
}
