import { z } from 'zod';
import type { AutoLinkRule } from '../autoLink/autoLinkRules';
import type { Process } from '../catalog/catalogSchemas';

/**
 * Link suggestions: for a project's unlinked issues, which process they probably belong to, judged
 * from the issue's parent's link, the auto-link rules and what the project's linked issues with the
 * same component, label or issue type are linked to. Pure: no `@forge`, no Jira, no storage.
 */

/** How many unlinked (and linked) issues of a project the suggestions look at, and one acceptance may link. */
export const LINK_SUGGESTION_ISSUE_LIMIT = 1000;

/** Strongest first: an issue lands in the suggestion of the first kind that has one for it. */
export const SIGNAL_KINDS = ['parent', 'component', 'label', 'issueType'] as const;
export const signalKindSchema = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof signalKindSchema>;

/** What a suggestion is based on. For `parent` the value is the parent's process key. */
export const suggestionSignalSchema = z
  .object({
    kind: signalKindSchema,
    value: z.string().trim().min(1).max(255),
  })
  .strict();
export type SuggestionSignal = z.infer<typeof suggestionSignalSchema>;

/**
 * Evidence needs some weight before it is worth a person's attention. A work type spans many
 * processes (every team has tasks), so a few linked tasks say little about the rest: it needs more.
 */
export const MIN_LINKED_EVIDENCE: Record<Exclude<SignalKind, 'parent'>, number> = { component: 3, label: 3, issueType: 10 };
export const MIN_SHARE = 0.6;
export const MAX_EXAMPLES = 3;

export interface UnlinkedIssue {
  id: string;
  key: string;
  summary: string;
  issueType: string | null;
  components: readonly string[];
  labels: readonly string[];
  /** The process the parent (or epic) is linked to, when it is. */
  parentProcessKey: string | null;
}

export interface LinkedIssue {
  issueType: string | null;
  components: readonly string[];
  labels: readonly string[];
  processKey: string;
}

export type SuggestionBasis =
  | { kind: 'parent' }
  | { kind: 'rule'; ruleId: string }
  /** `matching` of the `linkedWithSignal` linked issues that carry the signal are linked to the process. */
  | { kind: 'evidence'; linkedWithSignal: number; matching: number; share: number };

export interface LinkSuggestion {
  id: string;
  signal: SuggestionSignal;
  processKey: string;
  processName: string;
  basis: SuggestionBasis;
  /** 0–1: 1 for a parent's link or an admin's rule, the share of the evidence otherwise. */
  confidence: number;
  issueCount: number;
  examples: Array<{ id: string; key: string; summary: string }>;
  issueIds: string[];
}

export const suggestionIdOf = (signal: SuggestionSignal, processKey: string) => `${signal.kind}:${signal.value}→${processKey}`;

const norm = (value: string) => value.trim().toLowerCase();

interface Candidate {
  signal: SuggestionSignal;
  processKey: string;
  basis: SuggestionBasis;
  confidence: number;
}

function signalValues(kind: Exclude<SignalKind, 'parent'>, issue: Pick<UnlinkedIssue, 'components' | 'labels' | 'issueType'>): string[] {
  if (kind === 'component') return [...issue.components];
  if (kind === 'label') return [...issue.labels];
  return issue.issueType ? [issue.issueType] : [];
}

/**
 * Per kind and (normalised) value: the best process for it. An admin's auto-link rule wins (the first
 * in their order); otherwise the process most linked issues with that value belong to, when it is
 * supported by enough of them and holds a clear majority.
 */
function candidatesFor(
  kind: Exclude<SignalKind, 'parent'>,
  linked: readonly LinkedIssue[],
  rules: readonly AutoLinkRule[],
  usable: ReadonlyMap<string, Process>,
): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  for (const rule of rules) {
    if (rule.kind !== kind || !usable.has(rule.processKey) || candidates.has(norm(rule.value))) continue;
    candidates.set(norm(rule.value), {
      signal: { kind, value: rule.value.trim() },
      processKey: rule.processKey,
      basis: { kind: 'rule', ruleId: rule.id },
      confidence: 1,
    });
  }
  const tallies = new Map<string, { display: string; total: number; byProcess: Map<string, number> }>();
  for (const issue of linked) {
    for (const value of new Set(signalValues(kind, issue))) {
      const tally = tallies.get(norm(value)) ?? { display: value.trim(), total: 0, byProcess: new Map<string, number>() };
      tally.total += 1;
      tally.byProcess.set(issue.processKey, (tally.byProcess.get(issue.processKey) ?? 0) + 1);
      tallies.set(norm(value), tally);
    }
  }
  for (const [key, tally] of tallies) {
    if (candidates.has(key) || tally.total < MIN_LINKED_EVIDENCE[kind]) continue;
    // Ties go to the smaller key so the answer never depends on the order Jira returned issues in.
    const [processKey, matching] = [...tally.byProcess].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
    const share = matching / tally.total;
    if (!usable.has(processKey) || share < MIN_SHARE) continue;
    candidates.set(key, {
      signal: { kind, value: tally.display },
      processKey,
      basis: { kind: 'evidence', linkedWithSignal: tally.total, matching, share },
      confidence: share,
    });
  }
  return candidates;
}

const support = (candidate: Candidate) => (candidate.basis.kind === 'evidence' ? candidate.basis.matching : 0);
const strongerFirst = (a: Candidate, b: Candidate) =>
  b.confidence - a.confidence || support(b) - support(a) || a.signal.value.localeCompare(b.signal.value);

/**
 * One suggestion per (signal → process), each unlinked issue in at most one of them: the parent's
 * link first, then component, label and issue type; within a kind the most confident. Only active
 * processes are suggested. Ordered by the number of issues covered, largest first.
 */
export function suggestLinks(input: {
  unlinked: readonly UnlinkedIssue[];
  linked: readonly LinkedIssue[];
  processes: readonly Process[];
  rules: readonly AutoLinkRule[];
}): LinkSuggestion[] {
  const usable = new Map(input.processes.filter((process) => process.status === 'active').map((process) => [process.key, process]));
  const byKind = {
    component: candidatesFor('component', input.linked, input.rules, usable),
    label: candidatesFor('label', input.linked, input.rules, usable),
    issueType: candidatesFor('issueType', input.linked, input.rules, usable),
  };
  const suggestions = new Map<string, { candidate: Candidate; issues: UnlinkedIssue[] }>();
  for (const issue of input.unlinked) {
    const candidate = pickFor(issue, byKind, usable);
    if (!candidate) continue;
    const id = suggestionIdOf(candidate.signal, candidate.processKey);
    const entry = suggestions.get(id) ?? { candidate, issues: [] };
    entry.issues.push(issue);
    suggestions.set(id, entry);
  }
  return [...suggestions.entries()]
    .map(([id, { candidate, issues }]) => ({
      id,
      signal: candidate.signal,
      processKey: candidate.processKey,
      processName: usable.get(candidate.processKey)?.name ?? candidate.processKey,
      basis: candidate.basis,
      confidence: candidate.confidence,
      issueCount: issues.length,
      examples: issues.slice(0, MAX_EXAMPLES).map(({ id: issueId, key, summary }) => ({ id: issueId, key, summary })),
      issueIds: issues.map((issue) => issue.id),
    }))
    .sort(
      (a, b) =>
        b.issueCount - a.issueCount ||
        SIGNAL_KINDS.indexOf(a.signal.kind) - SIGNAL_KINDS.indexOf(b.signal.kind) ||
        a.id.localeCompare(b.id),
    );
}

function pickFor(
  issue: UnlinkedIssue,
  byKind: Record<Exclude<SignalKind, 'parent'>, Map<string, Candidate>>,
  usable: ReadonlyMap<string, Process>,
): Candidate | null {
  if (issue.parentProcessKey && usable.has(issue.parentProcessKey)) {
    const processKey = issue.parentProcessKey;
    return { signal: { kind: 'parent', value: processKey }, processKey, basis: { kind: 'parent' }, confidence: 1 };
  }
  for (const kind of ['component', 'label', 'issueType'] as const) {
    const found = signalValues(kind, issue)
      .map((value) => byKind[kind].get(norm(value)))
      .filter((candidate): candidate is Candidate => candidate !== undefined)
      .sort(strongerFirst);
    if (found[0]) return found[0];
  }
  return null;
}

/** The suggestion a person accepted, found again in a fresh computation; null when it no longer applies. */
export function findSuggestion(
  suggestions: readonly LinkSuggestion[],
  signal: SuggestionSignal,
  processKey: string,
): LinkSuggestion | null {
  const same = (candidate: LinkSuggestion) =>
    candidate.processKey === processKey && candidate.signal.kind === signal.kind && norm(candidate.signal.value) === norm(signal.value);
  return suggestions.find(same) ?? null;
}

export type SkipReason = 'no-permission' | 'already-linked' | 'not-found' | 'no-longer-matches';

/**
 * Which of the issues a person accepted may be written: only those the fresh suggestion still covers
 * (so a client can never widen the write), the rest counted with the reason.
 */
export function sortAcceptedIssues(input: {
  requestedIds: readonly string[];
  suggestion: LinkSuggestion | null;
  unlinkedIds: ReadonlySet<string>;
  linkedIds: ReadonlySet<string>;
}): { toWrite: string[]; skipped: Map<SkipReason, string[]> } {
  const covered = new Set(input.suggestion?.issueIds ?? []);
  const toWrite: string[] = [];
  const skipped = new Map<SkipReason, string[]>();
  const skip = (reason: SkipReason, id: string) => skipped.set(reason, [...(skipped.get(reason) ?? []), id]);
  for (const id of new Set(input.requestedIds)) {
    if (covered.has(id)) toWrite.push(id);
    else if (input.linkedIds.has(id)) skip('already-linked', id);
    else if (input.unlinkedIds.has(id)) skip('no-longer-matches', id);
    else skip('not-found', id);
  }
  return { toWrite, skipped };
}
