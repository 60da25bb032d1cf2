import type { KindSource, StatusClass } from './settings';
import { Timeline, instant, isFlagValue, parseSprintIds, sortHistories, type FieldMatcher } from './timeline';
import type { ChangeHistory, FlowKind, IssueInput } from './types';

/** What one issue's history says about one sprint window; the rows add these up. */
export interface IssueFacts {
  issue: IssueInput;
  /** Current status name, for the drill-down. */
  statusName: string;
  hasHistory: boolean;
  committed: boolean;
  committedSource: 'changelog' | 'snapshot' | 'current-state';
  /** First entry after the start, for issues not committed; `created` when it was created in the sprint. */
  added: { at: number; created: boolean } | null;
  /** Last exit, for issues not in the sprint at the end. */
  removed: { at: number; toSprintIds: number[] } | null;
  memberAtEnd: boolean;
  statusNameAtEnd: string;
  classAtEnd: StatusClass;
  /** Start of the done run that covers the end, when done at the end. */
  doneAt: number | null;
  completion: 'completed' | 'done-before-start' | 'done-outside-sprint' | null;
  /** The latest time the issue was done during the sprint and then reopened, when not done at the end. */
  reopened: { doneAt: number; at: number } | null;
  /** First entry into an active or waiting status, ever. */
  flowStart: number | null;
  activeMs: number;
  waitingMs: number;
  flagPeriods: Array<{ from: number; to: number | null }>;
  kind: FlowKind;
  kindSource: KindSource;
  isImprovement: boolean;
}

export interface FactsContext {
  sprintId: number;
  start: number;
  end: number;
  snapshot: ReadonlySet<string> | null;
  classify: (statusId: string) => StatusClass;
  statusName: (statusId: string) => string;
  fields: FieldMatcher;
  kindOf: (issueTypeName: string, isImprovement: boolean) => { kind: FlowKind; source: KindSource };
  improvementTypes: ReadonlySet<string>;
}

interface SprintChange {
  time: number;
  member: boolean;
  ids: number[];
}

/** Null when the issue was never in the sprint during its window. */
export function issueFacts(issue: IssueInput, histories: ChangeHistory[] | undefined, ctx: FactsContext): IssueFacts | null {
  const { start, end, sprintId, classify } = ctx;
  const created = instant(issue.created);
  const sorted = sortHistories(histories ?? []);

  const statusChanges: Array<{ time: number; from: string | null; to: string }> = [];
  const sprintChanges: Array<SprintChange & { fromMember: boolean }> = [];
  const flagChanges: Array<{ time: number; from: boolean; to: boolean }> = [];
  for (const { time: rawTime, history } of sorted) {
    // A change can't precede the issue; clamping keeps the timelines ordered if clocks disagree.
    const time = Math.max(rawTime, created);
    for (const item of history.items) {
      if (ctx.fields.status(item)) statusChanges.push({ time, from: item.from, to: item.to ?? '' });
      else if (ctx.fields.sprint(item)) {
        const ids = parseSprintIds(item.to);
        sprintChanges.push({ time, member: ids.includes(sprintId), ids, fromMember: parseSprintIds(item.from).includes(sprintId) });
      } else if (ctx.fields.flagged(item)) {
        flagChanges.push({ time, from: isFlagValue(item.fromString ?? item.from), to: isFlagValue(item.toString ?? item.to) });
      }
    }
  }

  // Membership: the state at creation is what the first Sprint change changed from (or today's value if none).
  const membership = new Timeline<boolean>();
  membership.push(created, sprintChanges[0]?.fromMember ?? issue.currentSprintIds.includes(sprintId));
  for (const change of sprintChanges) membership.push(change.time, change.member);
  const memberAtStart = membership.at(start, false);
  // The start snapshot decides what was committed. Where the changelog disagrees, the issue is taken
  // to have entered (or left) the sprint at the start, so it is never hidden.
  const snapshotMember = ctx.snapshot ? ctx.snapshot.has(issue.id) && created <= start : null;
  const committed = snapshotMember ?? memberAtStart;
  const memberAtEnd = end > start ? membership.before(end, false) : memberAtStart;

  let added: IssueFacts['added'] = null;
  let removed: IssueFacts['removed'] = null;
  let state = committed;
  const transition = (time: number, value: boolean, toSprintIds: number[], isCreation: boolean) => {
    if (value && !state && !committed && !added) added = { at: time, created: isCreation };
    if (!value && state) removed = { at: time, toSprintIds: toSprintIds.filter((id) => id !== sprintId) };
    state = value;
  };
  if (memberAtStart !== committed) transition(start, memberAtStart, [], false);
  if (created > start && created < end) transition(created, membership.at(created, false), [], true);
  for (const change of sprintChanges) {
    if (change.time > start && change.time < end && change.time !== created) transition(change.time, change.member, change.ids, false);
  }
  if (!committed && !added) return null;
  if (memberAtEnd) removed = null;

  // Status: the status at creation is what the first status change changed from.
  const status = new Timeline<string>();
  status.push(created, statusChanges[0]?.from ?? issue.statusId);
  for (const change of statusChanges) status.push(change.time, change.to);
  const { times: statusTimes, values: statusValues } = status;
  const classAt = (i: number) => classify(statusValues[i] as string);

  const statusAtEnd = status.at(end, issue.statusId);
  const classAtEnd = classify(statusAtEnd);
  let doneAt: number | null = null;
  let reopened: IssueFacts['reopened'] = null;
  let flowStart: number | null = null;
  let lastIndex = -1;
  for (let i = 0; i < statusTimes.length && (statusTimes[i] as number) <= end; i++) lastIndex = i;
  if (classAtEnd === 'done') {
    let i = lastIndex;
    while (i > 0 && classAt(i - 1) === 'done') i--;
    doneAt = statusTimes[i] as number;
  } else {
    // The latest done run inside the window that a later change undid, while the issue was in the sprint.
    for (let i = lastIndex; i > 0; i--) {
      const time = statusTimes[i] as number;
      if (time <= start) break;
      if (classAt(i) !== 'done' && classAt(i - 1) === 'done') {
        let runStart = i - 1;
        while (runStart > 0 && classAt(runStart - 1) === 'done') runStart--;
        const runTime = statusTimes[runStart] as number;
        if (runTime > start && membership.at(runTime, false)) reopened = { doneAt: runTime, at: time };
        break;
      }
    }
  }
  for (let i = 0; i < statusTimes.length; i++) {
    const cls = classAt(i);
    if (cls === 'active' || cls === 'waiting') {
      flowStart = statusTimes[i] as number;
      break;
    }
  }

  let completion: IssueFacts['completion'] = null;
  if (memberAtEnd && doneAt !== null) {
    if (doneAt <= start) completion = 'done-before-start';
    else completion = membership.at(doneAt, false) ? 'completed' : 'done-outside-sprint';
  }

  // Flags: the state at creation is what the first Flagged change changed from.
  const flags = new Timeline<boolean>();
  flags.push(created, flagChanges[0]?.from ?? issue.flagged ?? false);
  for (const change of flagChanges) flags.push(change.time, change.to);

  const { activeMs, waitingMs, flagPeriods } = sweepWindow(membership, status, flags, ctx);

  const isImprovement = Boolean(issue.isImprovement) || ctx.improvementTypes.has(issue.issueTypeName.trim().toLowerCase());
  const { kind, source } = ctx.kindOf(issue.issueTypeName, isImprovement);
  return {
    issue,
    statusName: ctx.statusName(issue.statusId),
    hasHistory: histories !== undefined,
    committed,
    committedSource: snapshotMember !== null ? 'snapshot' : histories === undefined ? 'current-state' : 'changelog',
    added: committed ? null : added,
    removed,
    memberAtEnd,
    statusNameAtEnd: ctx.statusName(statusAtEnd),
    classAtEnd,
    doneAt,
    completion,
    reopened,
    flowStart,
    activeMs,
    waitingMs,
    flagPeriods,
    kind,
    kindSource: source,
    isImprovement,
  };
}

/**
 * Walks the window [start, end) piece by piece between changes: time in the sprint in an active
 * status is active unless flagged; time in a waiting status, or flagged while in progress, is waiting.
 */
function sweepWindow(membership: Timeline<boolean>, status: Timeline<string>, flags: Timeline<boolean>, ctx: FactsContext) {
  const { start, end } = ctx;
  const times = [start];
  for (const timeline of [membership, status, flags] as Array<Timeline<unknown>>) {
    for (const time of timeline.times) if (time > start && time < end) times.push(time);
  }
  times.sort((a, b) => a - b);
  let activeMs = 0;
  let waitingMs = 0;
  const flagPeriods: IssueFacts['flagPeriods'] = [];
  let openFlag: number | null = null;
  for (let i = 0; i < times.length; i++) {
    const from = times[i] as number;
    const to = times[i + 1] ?? end;
    if (to <= from) continue; // repeated cut times make empty pieces
    const member = membership.at(from, false);
    const flagged = member && flags.at(from, false);
    if (flagged && openFlag === null) openFlag = from;
    if (!flagged && openFlag !== null) {
      flagPeriods.push({ from: openFlag, to: from });
      openFlag = null;
    }
    if (!member) continue;
    const cls = ctx.classify(status.at(from, ''));
    if (cls === 'active') {
      if (flagged) waitingMs += to - from;
      else activeMs += to - from;
    } else if (cls === 'waiting') waitingMs += to - from;
  }
  if (openFlag !== null) flagPeriods.push({ from: openFlag, to: null });
  return { activeMs, waitingMs, flagPeriods };
}
