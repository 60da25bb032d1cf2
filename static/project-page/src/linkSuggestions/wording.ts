// Types only: the zod schemas behind them must never reach a browser bundle.
import type { ResultOf } from '../../../../src/contract';

export type LinkSuggestions = ResultOf<'getLinkSuggestions'>;
export type LinkSuggestion = LinkSuggestions['suggestions'][number];
export type AcceptResult = ResultOf<'acceptLinkSuggestion'>;
type SkipReason = AcceptResult['skipped'][number]['reason'];

export const issueCount = (count: number) => `${count} ${count === 1 ? 'issue' : 'issues'}`;

const KIND_WORDS: Record<LinkSuggestion['signal']['kind'], { label: string; phrase: string }> = {
  parent: { label: 'Parent linked to', phrase: 'parent' },
  component: { label: 'Component', phrase: 'component' },
  label: { label: 'Label', phrase: 'label' },
  issueType: { label: 'Work type', phrase: 'work type' },
};

/** "Component Service Desk", "Parent linked to INC". */
export const signalLabel = (suggestion: LinkSuggestion) => `${KIND_WORDS[suggestion.signal.kind].label} ${suggestion.signal.value}`;

/** Why the app thinks so, in one sentence. */
export function basisText(suggestion: LinkSuggestion): string {
  const { basis, processKey } = suggestion;
  if (basis.kind === 'parent') return `Their parent or epic is linked to ${processKey}.`;
  const phrase = KIND_WORDS[suggestion.signal.kind].phrase;
  if (basis.kind === 'rule') return `An auto-link rule links new work with this ${phrase} to ${processKey}.`;
  const percent = Math.round(basis.share * 100);
  return `${percent}% of the ${basis.linkedWithSignal} linked issues with this ${phrase} are ${processKey}.`;
}

const REASONS: Record<SkipReason, (count: number) => string> = {
  'no-permission': (count) => (count === 1 ? "you can't edit it" : "you can't edit them"),
  'already-linked': (count) => (count === 1 ? 'it was linked meanwhile' : 'they were linked meanwhile'),
  'no-longer-matches': (count) => (count === 1 ? 'it no longer matches this suggestion' : 'they no longer match this suggestion'),
  'not-found': (count) => (count === 1 ? "it doesn't exist or you can't see it" : "they don't exist or you can't see them"),
};

/** "Linked 21 issues to INC; 2 skipped: you can't edit them (ITSM-3, ITSM-4)." */
export function resultText(result: AcceptResult, processKey: string): string {
  const linked = result.linked > 0 ? `Linked ${issueCount(result.linked)} to ${processKey}` : 'No issues were linked';
  const skipped = result.skipped.map((skip) => {
    const examples = `${skip.examples.join(', ')}${skip.count > skip.examples.length ? ', …' : ''}`;
    return `${skip.count} skipped: ${REASONS[skip.reason](skip.count)} (${examples})`;
  });
  const pending = result.complete ? '' : ' Jira is still saving some of them: refresh in a minute to see them.';
  return `${[linked, ...skipped].join('; ')}.${pending}`;
}
