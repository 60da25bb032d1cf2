import { formatDuration, intervalToDuration } from 'date-fns';
import type { FlowKind } from './metricKeys';
import type { KindSource } from './settings';

/**
 * Why an issue counts (or does not count) towards a number. Kept as data with UTC instants so
 * the UI can word it in the viewer's own time zone with `describeReason`.
 */
export type Reason =
  | { code: 'committed-at-start'; at: string; source: 'changelog' | 'snapshot' | 'current-state' }
  | { code: 'added-after-start'; at: string }
  | { code: 'created-in-sprint'; at: string }
  | { code: 'removed-after-start'; at: string; toSprintIds: number[] }
  | { code: 'done-in-sprint'; at: string }
  | { code: 'done-before-start'; at: string }
  | { code: 'done-outside-sprint'; at: string }
  | { code: 'reopened'; doneAt: string; at: string }
  | { code: 'not-done'; statusName: string; sprintOpen: boolean }
  | { code: 'committed-and-done'; at: string }
  | { code: 'done-not-committed'; at: string }
  | { code: 'flow-time'; startedAt: string; doneAt: string; durationMs: number }
  | { code: 'never-started'; doneAt: string }
  | { code: 'in-progress'; statusName: string; waiting: boolean; sprintOpen: boolean }
  | { code: 'flow-efficiency'; activeMs: number; waitingMs: number }
  | { code: 'flagged'; periods: Array<{ from: string; to: string | null }> }
  | { code: 'improvement-done'; at: string }
  | { code: 'improvement-not-done'; statusName: string }
  | { code: 'flow-kind'; kind: FlowKind; issueTypeName: string; source: KindSource };

export type ReasonCode = Reason['code'];

const KIND_LABEL: Record<FlowKind, string> = { feature: 'feature', defect: 'defect', risk: 'risk', debt: 'debt / improvement' };

/** "3 Nov 14:02" in the given IANA time zone. */
export function formatInstant(iso: string, timeZone: string, locale = 'en-GB'): string {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** "2 days 5 hours", "40 minutes"; durations are instants apart, so no time zone is involved. */
export function describeDuration(ms: number): string {
  if (ms <= 0) return 'no time';
  if (ms < 60_000) return 'under a minute';
  const duration = intervalToDuration({ start: 0, end: ms });
  const format: Array<'days' | 'hours' | 'minutes'> = ms >= 86_400_000 ? ['days', 'hours'] : ['hours', 'minutes'];
  // intervalToDuration rolls days into months past 30 days: fold them back for flow times.
  const days = Math.floor(ms / 86_400_000);
  return formatDuration({ ...duration, months: 0, years: 0, days }, { format }) || 'under a minute';
}

function sprintList(ids: number[]): string {
  if (!ids.length) return 'to the backlog';
  return ids.length === 1 ? `to sprint ${ids[0]}` : `to sprints ${ids.join(', ')}`;
}

/** The reason in plain words, dates in the viewer's time zone. */
export function describeReason(reason: Reason, timeZone: string, locale = 'en-GB'): string {
  const at = (iso: string) => formatInstant(iso, timeZone, locale);
  switch (reason.code) {
    case 'committed-at-start':
      if (reason.source === 'snapshot') return `in the sprint's scope when it started (${at(reason.at)}), from the snapshot taken then`;
      if (reason.source === 'current-state') return 'no history could be read: assumed in the sprint since it was created';
      return `in the sprint when it started (${at(reason.at)})`;
    case 'added-after-start':
      return `added ${at(reason.at)}, after the sprint started`;
    case 'created-in-sprint':
      return `created in the sprint ${at(reason.at)}, after it started`;
    case 'removed-after-start':
      return `removed ${at(reason.at)}, after the sprint started (moved ${sprintList(reason.toSprintIds)})`;
    case 'done-in-sprint':
      return `done ${at(reason.at)}, during the sprint`;
    case 'done-before-start':
      return `done ${at(reason.at)}, before the sprint started, not counted`;
    case 'done-outside-sprint':
      return `done ${at(reason.at)} while not in this sprint (in another sprint or the backlog), not counted`;
    case 'reopened':
      return `done ${at(reason.doneAt)} but reopened ${at(reason.at)}, not counted`;
    case 'not-done':
      return reason.sprintOpen ? `not done yet (${reason.statusName})` : `not done when the sprint closed (${reason.statusName})`;
    case 'committed-and-done':
      return `committed and done ${at(reason.at)}`;
    case 'done-not-committed':
      return `done ${at(reason.at)} but added after the start, so not part of the commitment`;
    case 'flow-time':
      return `${describeDuration(reason.durationMs)}: started ${at(reason.startedAt)}, done ${at(reason.doneAt)}`;
    case 'never-started':
      return `went to done ${at(reason.doneAt)} without passing an active or waiting status: no flow time, not counted`;
    case 'in-progress':
      return `${reason.waiting ? 'waiting' : 'in progress'} (${reason.statusName}) ${reason.sprintOpen ? 'now' : 'when the sprint closed'}`;
    case 'flow-efficiency':
      return `${describeDuration(reason.activeMs)} active, ${describeDuration(reason.waitingMs)} waiting or flagged during the sprint`;
    case 'flagged': {
      const periods = reason.periods.map((p) => (p.to ? `${at(p.from)} – ${at(p.to)}` : `since ${at(p.from)}, still flagged`));
      const times = reason.periods.length === 1 ? 'flagged' : `flagged ${reason.periods.length} times`;
      return `${times}: ${periods.join('; ')}`;
    }
    case 'improvement-done':
      return `process improvement done ${at(reason.at)}`;
    case 'improvement-not-done':
      return `process improvement not completed in this sprint (${reason.statusName}), not counted`;
    case 'flow-kind':
      return reason.source === 'default'
        ? `${reason.issueTypeName} is not mapped to a kind: counted as ${KIND_LABEL[reason.kind]}`
        : `${reason.issueTypeName}: ${KIND_LABEL[reason.kind]}`;
  }
}
