import { z } from 'zod';
import { isAutomaticLink, type ProcessLink } from '../catalog/processLink';
import { processKeySchema } from '../catalog/catalogSchemas';

/**
 * Auto-link rules: "issues with component X / label Y / issue type Z belong to process P". Kept in
 * the catalog, ordered; the first rule that matches an issue wins. Pure: no `@forge` import.
 */
export const autoLinkMatchKindSchema = z.enum(['component', 'label', 'issueType']);
export type AutoLinkMatchKind = z.infer<typeof autoLinkMatchKindSchema>;

export const autoLinkRuleSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    kind: autoLinkMatchKindSchema,
    /** Component name, label or issue type name; compared without regard to case. */
    value: z.string().trim().min(1, 'Enter what the rule matches.').max(255),
    processKey: processKeySchema,
  })
  .strict();
export type AutoLinkRule = z.infer<typeof autoLinkRuleSchema>;

export const MAX_AUTO_LINK_RULES = 100;
export const autoLinkRulesSchema = z.array(autoLinkRuleSchema).max(MAX_AUTO_LINK_RULES, `At most ${MAX_AUTO_LINK_RULES} rules.`);

/** What the rules look at on an issue. */
export interface IssueTraits {
  components: readonly string[];
  labels: readonly string[];
  issueType: string | null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function ruleMatches(rule: AutoLinkRule, issue: IssueTraits): boolean {
  switch (rule.kind) {
    case 'component':
      return issue.components.some((name) => same(name, rule.value));
    case 'label':
      // Jira labels are case-sensitive, but people type them inconsistently: matching loosely links more, never wrongly.
      return issue.labels.some((label) => same(label, rule.value));
    case 'issueType':
      return issue.issueType !== null && same(issue.issueType, rule.value);
  }
}

/** The first matching rule, in the order the admin keeps them. */
export function firstMatchingRule(rules: readonly AutoLinkRule[], issue: IssueTraits): AutoLinkRule | null {
  return rules.find((rule) => ruleMatches(rule, issue)) ?? null;
}

export type InheritanceDecision =
  | { kind: 'keep'; reason: 'set-by-person' | 'unchanged' | 'nothing-applies' }
  | { kind: 'link'; source: 'inherited'; processKey: string; stageId: string | null }
  | { kind: 'link'; source: 'auto-rule'; processKey: string; stageId: null; ruleId: string };

/**
 * What the app should do with an issue's process link after it was created or moved under another
 * parent. A link a person set is never touched. Otherwise the parent's (or epic's) link is
 * inherited; failing that, the first matching auto-link rule applies. An automatic link that already
 * says the same is kept, so the same event delivered twice writes once.
 */
export function decideProcessLink(input: {
  current: Pick<ProcessLink, 'processKey' | 'stageId' | 'source'> | null;
  parentLink: ProcessLink | null;
  rules: readonly AutoLinkRule[];
  issue: IssueTraits;
}): InheritanceDecision {
  const { current, parentLink } = input;
  if (current && !isAutomaticLink(current)) return { kind: 'keep', reason: 'set-by-person' };
  const wanted: InheritanceDecision | null = parentLink
    ? { kind: 'link', source: 'inherited', processKey: parentLink.processKey, stageId: parentLink.stageId }
    : (() => {
        const rule = firstMatchingRule(input.rules, input.issue);
        return rule ? { kind: 'link', source: 'auto-rule', processKey: rule.processKey, stageId: null, ruleId: rule.id } : null;
      })();
  if (!wanted) return { kind: 'keep', reason: 'nothing-applies' };
  if (
    current &&
    current.source === wanted.source &&
    current.processKey === wanted.processKey &&
    (wanted.source === 'auto-rule' || current.stageId === wanted.stageId)
  ) {
    return { kind: 'keep', reason: 'unchanged' };
  }
  return wanted;
}
