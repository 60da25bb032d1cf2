/**
 * Words for the auto-link rules that screen readers need: which rule a row's buttons act on, and what
 * a save did. Plain functions so they can be tested without a browser.
 */

export type RuleLike = { kind: 'component' | 'label' | 'issueType'; value: string; processKey: string };

const KIND_WORDS: Record<RuleLike['kind'], string> = { component: 'component', label: 'label', issueType: 'work type' };

/** "rule 2 (label 'vpn' → INC)": the rule by place and content, as the row reads. */
export function ruleName(rule: RuleLike, index: number): string {
  const value = rule.value.trim() ? `'${rule.value.trim()}'` : 'not set yet';
  return `rule ${index + 1} (${KIND_WORDS[rule.kind]} ${value} → ${rule.processKey || 'no process'})`;
}

/**
 * The row's button names. Each starts with the button's visible text, so people who speak "Move up"
 * to voice control still hit it (WCAG 2.5.3, label in name); the rule follows, so every row's
 * buttons differ.
 */
export function ruleButtonNames(rule: RuleLike, index: number): { moveUp: string; moveDown: string; remove: string } {
  const name = ruleName(rule, index);
  return { moveUp: `Move up ${name}`, moveDown: `Move down ${name}`, remove: `Remove ${name}` };
}

export type RulesSaveOutcome = 'saved' | 'conflict';

/**
 * What to announce after the n-th save (n from 1). A live region only speaks when its text changes,
 * so every other save gets an invisible no-break space: saving twice in a row, or a save that comes
 * back with the same outcome and version, is still heard.
 */
export function saveAnnouncement(outcome: RulesSaveOutcome | null, saveCount: number): string {
  if (outcome === null) return '';
  const text =
    outcome === 'saved'
      ? 'Saved the auto-link rules.'
      : 'Someone else saved the rules first. Their version is shown; make your change again.';
  return saveCount % 2 === 0 ? `${text}\u00a0` : text;
}
