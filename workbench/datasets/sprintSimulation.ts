import type { Dataset, DatasetIssue } from './datasetSchema';
import type { ChangelogWriter, IssueHistory } from './changelogWriter';
import type { Random } from './random';
import type { StatusIds } from './siteBasics';

/**
 * Plays a Scrum team through a run of sprints and plans each issue's timeline on an IssueHistory:
 * planning before the start (committed), work added mid-sprint, removals, moves to the next sprint,
 * waiting and flagged periods, review ping-pong, reopened work, work done before the sprint started,
 * and carry-over at each close (Jira adds the next sprint to the Sprint field). The active sprint is
 * played like the others; whatever would happen after `now` is dropped by the writer, so its issues
 * are caught mid-flight.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const SPRINT_LENGTH = 14 * DAY;

export interface SimulatedSprint {
  id: number;
  start: Date;
  end: Date;
  /** When it was closed; null for the active sprint. */
  complete: Date | null;
}

/** Why an issue was made, so the caller can pick a fitting type and summary. */
export type IssueRole = 'committed' | 'added' | 'backlog' | 'subtask';

export interface NewIssue<D> {
  draft: D;
  reporterAccountId: string;
  assigneeAccountId: string | null;
  priority: DatasetIssue['priority'];
  labels: string[];
  /** Stories and tasks may get sub-tasks. */
  mayHaveSubtasks?: boolean;
}

/** How one issue's work goes in one sprint: lets a dataset give each kind of work its own pattern. */
export interface WorkShape {
  /** The work (first move to In Progress until done) fits in this many ms, somewhere in the sprint. */
  maxSpan?: number;
  /** Share of the work's span spent in the waiting status (0–1); the work always waits once. */
  waitShare?: number;
  /** Always flagged (an impediment) while under way, for most of the time. */
  flagged?: boolean;
  /** Overrides the random outcome of work that is not done yet. */
  outcome?: 'done';
}

export interface SimulatedIssue<D> {
  draft: D;
  history: IssueHistory;
  reporterAccountId: string;
  parent: SimulatedIssue<D> | null;
}

export interface SimulationOptions<D> {
  rng: Random;
  writer: ChangelogWriter;
  now: Date;
  statuses: StatusIds;
  /** Closed sprints oldest first, then (optionally) the active one. */
  sprints: SimulatedSprint[];
  /** A future sprint that work can be moved ahead to, and that the backlog is planned into. */
  futureSprintId: number | null;
  /** Issues in each sprint when it closes (or now, for the active one). */
  sprintSize: (index: number) => number;
  /** No issue is created before this. */
  earliest: Date;
  planners: readonly string[];
  workers: readonly string[];
  /** `sprintIndex`: the sprint a committed or added issue is made for; null for backlog work and sub-tasks. */
  newIssue: (created: Date, role: IssueRole, parent: SimulatedIssue<D> | null, sprintIndex: number | null) => NewIssue<D>;
  /** Share of each sprint's size that is added after its start (default 0.1). */
  addedShare?: number;
  /** Per issue and sprint: how its work goes (default: the random pattern). */
  workShape?: (draft: D, sprintIndex: number) => WorkShape | undefined;
  /** Issues made up front (in this order, a minute apart from `earliest`) and committed to a given sprint. */
  pinned?: Array<{ sprintIndex: number; issue: NewIssue<D> }>;
  /** Backlog issues created over the whole period; some get pulled into sprints. */
  backlogSize?: number;
  /** Backlog issues planned into the future sprint. */
  futurePlanned?: number;
  /** Share of new committed stories/tasks that get 1–3 sub-tasks. */
  subtaskChance?: number;
  /** Edits of other fields (assignee, priority, labels) that a field-filtered changelog fetch skips. */
  noise?: {
    accounts: readonly string[];
    labels: readonly string[];
    /** Fill every issue's changelog up to about this many entries; without it a few issues get one edit. */
    entriesPerIssue?: number;
  };
}

interface Tracked<D> {
  issue: SimulatedIssue<D>;
  /** In a done status (as planned) at the current point of the simulation. */
  done: boolean;
  plannedAt: number;
}

interface WorkSpan {
  done: boolean;
  first: number | null;
  /** When it was done; null while open. */
  last: number | null;
}

type Outcome = 'done' | 'wontDo' | 'reopenedDone' | 'reopenedOpen' | 'open' | 'untouched';

export function simulateSprints<D>(options: SimulationOptions<D>): SimulatedIssue<D>[] {
  const { rng, writer, statuses: st, planners, workers } = options;
  const nowMs = options.now.getTime();
  const issues: SimulatedIssue<D>[] = [];
  const subtaskParents: SimulatedIssue<D>[] = [];
  const planner = () => rng.pick(planners);

  const create = (created: number, role: IssueRole, parent: SimulatedIssue<D> | null = null, sprintIndex: number | null = null) => {
    const made = options.newIssue(new Date(created), role, parent, sprintIndex);
    return register(made, created, parent, role);
  };
  const register = (made: NewIssue<D>, created: number, parent: SimulatedIssue<D> | null, role: IssueRole): SimulatedIssue<D> => {
    const history = writer.issue({
      created: new Date(created),
      statusId: st.todo,
      assigneeAccountId: made.assigneeAccountId,
      priority: made.priority,
      labels: made.labels,
    });
    const issue: SimulatedIssue<D> = { draft: made.draft, history, reporterAccountId: made.reporterAccountId, parent };
    issues.push(issue);
    if (made.mayHaveSubtasks && role === 'committed' && rng.chance(options.subtaskChance ?? 0)) subtaskParents.push(issue);
    return issue;
  };
  const workerOf = (issue: SimulatedIssue<D>) => issue.history.initial.assigneeAccountId ?? rng.pick(workers);

  /** Plans status moves between `from` and `to`: whether the issue ends in a done status, and when work began and ended. */
  const planWork = (issue: SimulatedIssue<D>, from: number, to: number, outcome: Outcome, shape: WorkShape = {}): WorkSpan => {
    if (outcome === 'untouched' || to - from < 10 * MINUTE) return { done: false, first: null, last: null };
    if (shape.maxSpan !== undefined && to - from > shape.maxSpan) {
      from = between(rng, from, to - shape.maxSpan);
      to = from + shape.maxSpan;
    }
    const worker = workerOf(issue);
    if (shape.waitShare !== undefined && (outcome === 'done' || outcome === 'open'))
      return planWaitingWork(issue, worker, from, to, outcome === 'done', shape.waitShare);
    const steps: Array<{ status: string; by: string }> = [];
    const push = (status: string, by = worker) => steps.push({ status, by });
    const doWork = (finish: boolean) => {
      push(st.inProgress);
      if (rng.chance(0.25)) {
        push(st.waiting);
        push(st.inProgress);
      }
      if (rng.chance(0.7)) {
        push(st.inReview);
        // Review sends it back: a status moving backwards.
        if (rng.chance(0.2)) {
          push(st.inProgress);
          push(st.inReview);
        }
      }
      if (finish) push(st.done);
    };
    switch (outcome) {
      case 'done':
        doWork(true);
        break;
      case 'wontDo':
        if (rng.chance(0.5)) push(st.inProgress);
        push(st.wontDo, planner());
        break;
      case 'reopenedDone':
      case 'reopenedOpen':
        doWork(true);
        push(st.inProgress, issue.reporterAccountId); // reopened after done
        if (outcome === 'reopenedDone') push(st.done);
        break;
      case 'open':
        doWork(false);
        break;
    }
    const times = workingTimes(rng, from, to, steps.length);
    steps.forEach((step, index) => issue.history.status(times[index] ?? to, step.by, step.status));
    const lastStatus = steps[steps.length - 1]?.status;
    const done = lastStatus === st.done || lastStatus === st.wontDo;
    return { done, first: times[0] ?? null, last: done ? (times[times.length - 1] ?? null) : null };
  };

  /** Work that waits: started, soon parked in the waiting status for `waitShare` of its span, then finished (or still waiting). */
  const planWaitingWork = (issue: SimulatedIssue<D>, worker: string, from: number, to: number, finish: boolean, waitShare: number) => {
    const span = to - from;
    const started = from + Math.floor(span * 0.05 * rng.next());
    const parked = started + Math.floor(span * (0.04 + 0.06 * rng.next()));
    issue.history.status(started, worker, st.inProgress);
    issue.history.status(parked, worker, st.waiting);
    if (!finish) return { done: false, first: started, last: null };
    const resumed = Math.min(parked + Math.floor(span * waitShare), to - 2 * HOUR);
    issue.history.status(resumed, worker, st.inProgress);
    const rest = rng.chance(0.5) ? [st.inReview, st.done] : [st.done];
    const times = workingTimes(rng, resumed + MINUTE, to, rest.length);
    rest.forEach((status, index) => issue.history.status(times[index] ?? to, worker, status));
    return { done: true, first: started, last: times[times.length - 1] ?? to };
  };

  /**
   * A flagged (impediment) period while the work is under way, lifted before it is done. Work still open
   * may stay flagged past the sprint; in the active sprint some flags are simply still on. `long`: up
   * soon after the work starts and lifted only shortly before it ends.
   */
  const planFlag = (issue: SimulatedIssue<D>, span: WorkSpan, sprintEnd: number, active: boolean, long = false) => {
    if (span.first === null) return;
    const until = span.last ?? sprintEnd;
    // In the active sprint the flag goes up before now, or it would not show yet.
    const onUntil = active ? Math.min(until, nowMs - HOUR) : until;
    if (onUntil - span.first < 2 * HOUR) return;
    const onLatest = span.first + (onUntil - span.first) * (long ? 0.15 : 0.6);
    const on = toOfficeHours(rng, between(rng, span.first + 10 * MINUTE, onLatest), onUntil - HOUR);
    const by = rng.chance(0.5) ? workerOf(issue) : planner();
    issue.history.flag(on, by, true);
    if (active && (span.last === null || span.last > nowMs) && rng.chance(0.7)) return;
    const latestOff = span.last !== null ? span.last - 5 * MINUTE : long ? sprintEnd : on + 3 * DAY;
    const earliestOff = long ? on + (latestOff - on) * 0.85 : on + 2 * HOUR;
    issue.history.flag(toOfficeHours(rng, between(rng, Math.min(earliestOff, latestOff), latestOff), latestOff), by, false);
  };

  const backlog: Array<Tracked<D>> = [];
  for (let i = 0; i < (options.backlogSize ?? 0); i++) {
    const created = toOfficeHours(rng, between(rng, options.earliest.getTime() + DAY, nowMs - DAY), nowMs - DAY);
    backlog.push({ issue: create(created, 'backlog'), done: false, plannedAt: created });
  }
  const pinned = (options.pinned ?? []).map((entry, index) => ({
    sprintIndex: entry.sprintIndex,
    issue: register(entry.issue, options.earliest.getTime() + index * MINUTE, null, 'backlog'),
  }));

  let carried: Array<Tracked<D>> = [];
  options.sprints.forEach((sprint, index) => {
    const start = sprint.start.getTime();
    const end = sprint.end.getTime();
    const active = sprint.complete === null;
    // Mid-sprint moves of an active sprint must already have happened.
    const horizon = active ? Math.min(end, nowMs - HOUR) : end;
    const nextId = options.sprints[index + 1]?.id ?? options.futureSprintId;
    const target = options.sprintSize(index);
    const members: Array<{ tracked: Tracked<D>; outcome: Outcome; from: number }> = [];
    const shapeOf = (tracked: Tracked<D>): WorkShape => options.workShape?.(tracked.issue.draft, index) ?? {};
    const outcomeFor = (carriedIn: boolean): Outcome => {
      const r = rng.next();
      if (carriedIn) return r < 0.85 ? 'done' : 'open';
      if (r < 0.68) return 'done';
      if (r < 0.72) return 'wontDo';
      if (r < 0.77) return 'reopenedDone';
      if (r < 0.8) return 'reopenedOpen';
      if (r < 0.92) return 'open';
      return 'untouched';
    };
    const plan = (tracked: Tracked<D>, planned: number) => {
      const at = toOfficeHours(rng, planned, start - 5 * MINUTE);
      tracked.issue.history.addSprint(at, planner(), sprint.id);
      tracked.plannedAt = at;
    };

    for (const tracked of carried) members.push({ tracked, outcome: outcomeFor(true), from: start });
    carried = [];
    for (const entry of pinned.filter((p) => p.sprintIndex === index)) {
      const tracked: Tracked<D> = { issue: entry.issue, done: false, plannedAt: 0 };
      plan(tracked, start - between(rng, 10 * MINUTE, DAY));
      members.push({ tracked, outcome: outcomeFor(false), from: start });
    }
    const pullable = backlog.filter((t) => t.plannedAt < start - 2 * DAY);
    for (const tracked of rng.sample(pullable, Math.round(target * 0.08))) {
      backlog.splice(backlog.indexOf(tracked), 1);
      plan(tracked, start - between(rng, 10 * MINUTE, 2 * DAY));
      members.push({ tracked, outcome: tracked.done ? 'done' : outcomeFor(false), from: start });
    }
    const added = Math.max(1, Math.round(target * (options.addedShare ?? 0.1)));
    const doneBeforeStart = Math.max(1, Math.round(target * 0.03));
    const fresh = Math.max(doneBeforeStart, target - members.length - added);
    const earliest = options.earliest.getTime() + DAY;
    const newCommitted = (early = false) => {
      const latest = start - (early ? 10 : 3) * DAY;
      const created = toOfficeHours(rng, Math.max(earliest, between(rng, start - 20 * DAY, latest)), latest);
      const tracked: Tracked<D> = { issue: create(created, 'committed', null, index), done: false, plannedAt: 0 };
      const planFrom = Math.max(created + 2 * HOUR, start - 3 * DAY);
      plan(tracked, early ? between(rng, created + 2 * HOUR, created + DAY) : between(rng, planFrom, start - 5 * MINUTE));
      return tracked;
    };
    for (let n = 0; n < fresh; n++) {
      const tracked = newCommitted(n < doneBeforeStart);
      if (n < doneBeforeStart) {
        // Finished while it sat in the planned sprint, before the sprint started.
        tracked.done = planWork(tracked.issue, tracked.plannedAt + 30 * MINUTE, start - 30 * MINUTE, 'done').done;
        members.push({ tracked, outcome: 'untouched', from: start });
      } else members.push({ tracked, outcome: outcomeFor(false), from: start });
    }
    for (let n = 0; n < added; n++) {
      const latest = Math.max(start + 3 * HOUR, horizon - DAY);
      const created = toOfficeHours(rng, between(rng, start + 2 * HOUR, latest), latest);
      const tracked: Tracked<D> = { issue: create(created, 'added', null, index), done: false, plannedAt: 0 };
      const at = created + between(rng, 5 * MINUTE, 3 * HOUR);
      tracked.issue.history.addSprint(at, planner(), sprint.id);
      tracked.plannedAt = at;
      members.push({ tracked, outcome: rng.chance(0.6) ? 'done' : 'open', from: at });
    }

    // Committed work that leaves mid-sprint: back to the backlog, or ahead to the next sprint.
    const leaving = Math.max(1, Math.round(target * 0.05));
    for (let n = 0; n < leaving * 2; n++) {
      const toNext = n % 2 === 1;
      if (toNext && nextId === null) continue;
      const tracked = newCommitted();
      const leaveAt = between(rng, start + DAY, Math.max(start + DAY + HOUR, horizon - HOUR));
      // Work shaped to finish in its sprint is not started before it leaves.
      if (rng.chance(0.4) && shapeOf(tracked).outcome === undefined)
        planWork(tracked.issue, start, leaveAt - HOUR, 'open', shapeOf(tracked));
      if (toNext && nextId !== null) {
        tracked.issue.history.moveSprint(leaveAt, planner(), sprint.id, nextId);
        carried.push(tracked);
      } else {
        tracked.issue.history.removeSprint(leaveAt, planner(), sprint.id);
        backlog.push(tracked);
      }
    }

    const spans = members.map((member) => {
      const { tracked } = member;
      const shape = shapeOf(tracked);
      const outcome = shape.outcome !== undefined && !tracked.done ? shape.outcome : member.outcome;
      const from = Math.max(member.from, tracked.plannedAt) + 15 * MINUTE;
      const span = planWork(tracked.issue, from, end - HOUR, outcome, shape);
      tracked.done = tracked.done || span.done;
      if (outcome === 'reopenedOpen' || outcome === 'open') tracked.done = false;
      return { tracked, span, shape };
    });
    // Impediments hit work under way; in the active sprint, mostly work that is still open now.
    const underWay = spans.filter(({ span }) => span.first !== null && span.first < nowMs - 3 * HOUR);
    const openNow = underWay.filter(({ span }) => span.last === null || span.last > nowMs);
    const flagCount = Math.max(2, Math.round(members.length * 0.2));
    const flagged = new Set(
      active
        ? [...rng.sample(openNow, Math.ceil(flagCount / 2)), ...rng.sample(underWay, Math.floor(flagCount / 2))]
        : rng.sample(underWay, flagCount),
    );
    for (const entry of underWay) if (entry.shape.flagged) flagged.add(entry);
    for (const { tracked, span, shape } of flagged) planFlag(tracked.issue, span, end, active, shape.flagged === true);

    if (sprint.complete) {
      // Closing the sprint: Jira moves what is not done to the next sprint (or the backlog).
      const closeAt = sprint.complete.getTime();
      for (const { tracked } of members) {
        if (tracked.done) continue;
        if (nextId !== null && rng.chance(0.9)) {
          tracked.issue.history.addSprint(closeAt, planner(), nextId);
          carried.push(tracked);
        } else backlog.push(tracked);
      }
    }
  });

  if (options.futureSprintId !== null) {
    const futureId = options.futureSprintId;
    const open = backlog.filter((t) => !t.done && t.plannedAt < nowMs - 2 * DAY);
    for (const tracked of rng.sample(open, options.futurePlanned ?? 0)) {
      tracked.issue.history.addSprint(
        between(rng, Math.max(tracked.plannedAt + HOUR, nowMs - 3 * DAY), nowMs - 10 * MINUTE),
        planner(),
        futureId,
      );
    }
  }

  for (const parent of subtaskParents) planSubtasks(parent);
  if (options.noise) for (const issue of issues) planNoise(issue, options.noise);
  return issues;

  /** Sub-tasks follow their parent's sprint (Jira keeps them together) and finish before it. */
  function planSubtasks(parent: SimulatedIssue<D>) {
    const count = rng.int(1, 3);
    const parentEvents = parent.history.events;
    const statusTimes = parentEvents.filter((e) => e.op.kind === 'status');
    const firstStart = statusTimes.find((e) => e.op.kind === 'status' && e.op.statusId === st.inProgress)?.at ?? null;
    const lastDone = [...statusTimes].reverse().find((e) => e.op.kind === 'status' && e.op.statusId === st.done)?.at ?? null;
    const firstSprint = parentEvents.find((e) => e.op.kind.startsWith('sprint'))?.at ?? parent.history.created.getTime() + DAY;
    for (let n = 0; n < count; n++) {
      const created = between(
        rng,
        parent.history.created.getTime() + 5 * MINUTE,
        Math.max(parent.history.created.getTime() + 10 * MINUTE, firstSprint - 10 * MINUTE),
      );
      const sub = create(created, 'subtask', parent);
      for (const event of parentEvents) if (event.op.kind.startsWith('sprint')) sub.history.at(event.at, event.authorAccountId, event.op);
      if (firstStart === null) continue;
      const worker = workerOf(sub);
      const startAt = firstStart + between(rng, 10 * MINUTE, 2 * HOUR);
      sub.history.status(startAt, worker, st.inProgress);
      if (lastDone !== null && lastDone - startAt > 30 * MINUTE)
        sub.history.status(between(rng, startAt + 10 * MINUTE, lastDone - 10 * MINUTE), worker, st.done);
    }
  }

  function planNoise(issue: SimulatedIssue<D>, noise: NonNullable<SimulationOptions<D>['noise']>) {
    const created = issue.history.created.getTime();
    const planned = issue.history.events.filter((e) => e.at <= nowMs).length;
    const wanted =
      noise.entriesPerIssue === undefined ? (rng.chance(0.3) ? 1 : 0) : Math.max(0, noise.entriesPerIssue + rng.int(-2, 2) - planned);
    const last = Math.max(created + HOUR, ...issue.history.events.map((e) => e.at));
    const until = Math.min(nowMs - MINUTE, last + 2 * DAY);
    let labels = [...issue.history.initial.labels];
    let priority = issue.history.initial.priority;
    let assignee = issue.history.initial.assigneeAccountId;
    const times = Array.from({ length: wanted }, () => between(rng, created + MINUTE, until)).sort((a, b) => a - b);
    for (const at of times) {
      const by = rng.pick(noise.accounts);
      const kind = rng.int(0, 2);
      if (kind === 0) {
        assignee = rng.pick(noise.accounts.filter((id) => id !== assignee));
        issue.history.at(at, by, { kind: 'assignee', accountId: assignee });
      } else if (kind === 1) {
        priority = rng.pick(PRIORITIES.filter((p) => p !== priority));
        issue.history.at(at, by, { kind: 'priority', priority });
      } else {
        const label = rng.pick(noise.labels);
        labels = labels.includes(label) ? labels.filter((l) => l !== label) : [...labels, label];
        issue.history.at(at, by, { kind: 'labels', labels });
      }
    }
  }
}

const PRIORITIES: Array<DatasetIssue['priority']> = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

export function between(rng: Random, from: number, to: number): number {
  if (to <= from) return from;
  return from + Math.floor(rng.next() * (to - from));
}

/** `count` increasing instants in [from, to], moved into office hours (Mon–Fri 08–18 UTC) where that fits. */
export function workingTimes(rng: Random, from: number, to: number, count: number): number[] {
  const times = Array.from({ length: count }, () => toOfficeHours(rng, between(rng, from, to), to)).sort((a, b) => a - b);
  // Distinct instants keep each step its own changelog entry.
  for (let i = 1; i < times.length; i++) if ((times[i] as number) <= (times[i - 1] as number)) times[i] = (times[i - 1] as number) + MINUTE;
  return times;
}

function toOfficeHours(rng: Random, at: number, limit: number): number {
  const date = new Date(at);
  const day = date.getUTCDay();
  const hour = date.getUTCHours();
  if (day !== 0 && day !== 6 && hour >= 8 && hour < 18) return at;
  const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + (hour >= 18 ? 1 : 0), 8));
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next.setUTCDate(next.getUTCDate() + 1);
  const moved = next.getTime() + between(rng, 0, 3 * HOUR);
  return moved < limit ? moved : at;
}

/**
 * Back-to-back two-week sprints for `now`, one per id: closed ones oldest first, the last id the active
 * sprint, which started nine days before `now` at 09:00 UTC and ends after it.
 */
export function sprintWindows(now: Date, sprintIds: readonly number[]): SimulatedSprint[] {
  const closedCount = sprintIds.length - 1;
  const nineDaysAgo = new Date(now.getTime() - 9 * DAY);
  const activeStart = Date.UTC(nineDaysAgo.getUTCFullYear(), nineDaysAgo.getUTCMonth(), nineDaysAgo.getUTCDate(), 9);
  return sprintIds.map((id, index) => {
    const start = activeStart - (closedCount - index) * SPRINT_LENGTH;
    const closed = index < closedCount;
    return {
      id,
      start: new Date(start),
      end: new Date(start + 11 * DAY + 8 * HOUR), // Friday afternoon of week two
      complete: closed ? new Date(start + SPRINT_LENGTH - 30 * MINUTE) : null,
    };
  });
}

/**
 * A board's sprints as a dataset stores them: the simulated ones (closed, then the active one) named
 * "<prefix> Sprint n", and one future sprint after them.
 */
export function datasetSprints(
  simulated: readonly SimulatedSprint[],
  board: { boardId: number; namePrefix: string; futureSprintId: number; goal?: (index: number) => string },
): Dataset['sprints'] {
  const name = (index: number) => `${board.namePrefix} Sprint ${index + 1}`;
  return [
    ...simulated.map((sprint, index) => ({
      id: sprint.id,
      boardId: board.boardId,
      name: name(index),
      state: sprint.complete ? ('closed' as const) : ('active' as const),
      goal: board.goal?.(index) ?? '',
      startDate: sprint.start.toISOString(),
      endDate: sprint.end.toISOString(),
      ...(sprint.complete ? { completeDate: sprint.complete.toISOString() } : {}),
    })),
    { id: board.futureSprintId, boardId: board.boardId, name: name(simulated.length), state: 'future', goal: '' },
  ];
}
