import type { ProcessLink, ProcessLinkSource } from '../catalog/processLink';
import type { DodCheck, ImprovementOutcome, ImprovementProperty } from '../improvements/improvementProperty';

/**
 * Issue entity properties are a mirror for JQL: anyone who may edit the issue can PUT any JSON there
 * through Jira's REST API. Who recorded an outcome, ticked a DoD item or linked the issue is therefore
 * kept as the app's own record (in storage, where only the app writes), and read back against the
 * property. Pure: no `@forge`, no Jira, no storage.
 *
 * - `verified`: the property says what the app recorded.
 * - `changed-outside`: it says something else; the record is shown, the property's claim only as a claim.
 * - `unverified`: no record (written before the app kept records, or put there from outside): shown, but
 *   nobody is credited with it.
 */
export type RecordState = 'verified' | 'changed-outside' | 'unverified';

/**
 * Only the facts that credit someone: who, when and what. The rest of the story lives in the property.
 * `unverified`: adopted from a property written before the app kept records (on the app's first write to the
 * story), so it matches the mirror but its author is never shown as verified.
 */
export interface ImprovementRecord {
  outcome: (ImprovementOutcome & { unverified?: boolean }) | null;
  /** Ticked items only. */
  dodTicks: DodTick[];
}
export type DodTick = { itemId: string; by: string; at: string; unverified?: boolean };

export interface LinkRecord {
  /** What was linked; null: the link was removed in the app, so a link that reappears came from outside. */
  link: { processKey: string; stageId: string | null; source: ProcessLinkSource | null } | null;
  /** Who linked it (or removed it) and when: the property's `linkedBy` and `linkedAt` must say the same. */
  by: string;
  at: string;
}

const sameOutcome = (a: ImprovementOutcome | null, b: ImprovementOutcome | null) =>
  a === null || b === null ? a === b : a.value === b.value && a.note === b.note && a.by === b.by && a.at === b.at;

const tickKey = (tick: DodTick) => `${tick.itemId}\u0000${tick.by}\u0000${tick.at}`;
const sameTicks = (a: ImprovementRecord['dodTicks'], b: ImprovementRecord['dodTicks']) => {
  const keys = new Set(a.map(tickKey));
  return a.length === b.length && b.every((tick) => keys.has(tickKey(tick)));
};

/** Same outcome and ticks (who, when, what); `unverified` marks aside. */
export const sameImprovementRecord = (a: ImprovementRecord, b: ImprovementRecord): boolean =>
  sameOutcome(a.outcome, b.outcome) && sameTicks(a.dodTicks, b.dodTicks);

export const emptyImprovementRecord = (): ImprovementRecord => ({ outcome: null, dodTicks: [] });

/** The record an app write leaves: the property's outcome and ticks as written. */
export function improvementRecordOf(property: Pick<ImprovementProperty, 'outcome' | 'dod'>): ImprovementRecord {
  return {
    outcome: property.outcome ? { ...property.outcome } : null,
    dodTicks: property.dod.flatMap((check) => (check.done && check.doneBy && check.doneAt ? [tickOf(check)] : [])),
  };
}

const tickOf = (check: DodCheck): DodTick => ({ itemId: check.itemId, by: check.doneBy ?? '', at: check.doneAt ?? '' });

/** The property as the app recorded it: the record's outcome and ticks; without a record, the property as found. */
export function recordedProperty(property: ImprovementProperty, record: ImprovementRecord | null): ImprovementProperty {
  if (!record) return property;
  const checked = checkImprovement(property, record);
  const outcome = record.outcome
    ? { value: record.outcome.value, note: record.outcome.note, by: record.outcome.by, at: record.outcome.at }
    : null;
  const ticks = new Map(record.dodTicks.map((tick) => [tick.itemId, tick]));
  const dod = checked.dod.map((check) => {
    const tick = ticks.get(check.itemId);
    return tick ? { ...check, doneBy: tick.by, doneAt: tick.at } : check;
  });
  return { ...property, outcome, dod };
}

/**
 * The record after the app writes `next` over `before` (the property as the app recorded it). What this write
 * changed is credited to its author; what it left alone keeps its record, or, on a story without one, is
 * adopted as unverified (so old data neither reads as tampered nor gets credited).
 */
export function recordAfterWrite(
  next: ImprovementProperty,
  before: ImprovementProperty,
  previous: ImprovementRecord | null,
): ImprovementRecord {
  let outcome: ImprovementRecord['outcome'] = next.outcome ? { ...next.outcome } : null;
  if (next.outcome && sameOutcome(next.outcome, before.outcome)) {
    outcome = previous ? previous.outcome : { ...next.outcome, unverified: true };
  }
  const beforeTicks = new Set(improvementRecordOf(before).dodTicks.map(tickKey));
  const previousTicks = new Map((previous?.dodTicks ?? []).map((tick) => [tickKey(tick), tick]));
  const dodTicks = improvementRecordOf(next).dodTicks.map((tick) => {
    if (!beforeTicks.has(tickKey(tick))) return tick;
    return previous ? (previousTicks.get(tickKey(tick)) ?? tick) : { ...tick, unverified: true };
  });
  return { outcome, dodTicks };
}

export function linkRecordOf(link: ProcessLink): LinkRecord {
  return {
    link: { processKey: link.processKey, stageId: link.stageId, source: link.source ?? null },
    by: link.linkedBy,
    at: link.linkedAt,
  };
}

export const removedLinkRecord = (by: string, at: string): LinkRecord => ({ link: null, by, at });

export type ImprovementField = 'outcome' | 'dod';

export interface CheckedImprovement {
  state: RecordState;
  /** The outcome to show; `by`/`at` null when nobody can be credited (unverified). */
  outcome: { value: ImprovementOutcome['value']; note: string; by: string | null; at: string | null } | null;
  /** The stored checklist with the record's ticks (authors dropped when unverified): merge with the process's DoD to show. */
  dod: DodCheck[];
  /** What differs from the record, and what the property claims there; empty unless `changed-outside`. */
  changed: ImprovementField[];
  propertySays: { outcome: ImprovementOutcome | null; dodDoneItemIds: string[] } | null;
}

/** The compare rule for an improvement story: the record wins; a property that disagrees is marked, never credited. */
export function checkImprovement(property: ImprovementProperty, record: ImprovementRecord | null): CheckedImprovement {
  if (!record) {
    const outcome = property.outcome ? { value: property.outcome.value, note: property.outcome.note, by: null, at: null } : null;
    return {
      state: 'unverified',
      outcome,
      dod: property.dod.map((check) => ({ ...check, doneBy: null, doneAt: null })),
      changed: [],
      propertySays: null,
    };
  }
  const claimed = improvementRecordOf(property);
  const changed: ImprovementField[] = [];
  if (!sameOutcome(claimed.outcome, record.outcome)) changed.push('outcome');
  if (!sameTicks(claimed.dodTicks, record.dodTicks)) changed.push('dod');
  const ticks = new Map(record.dodTicks.map((tick) => [tick.itemId, tick]));
  const dod = property.dod.map((check) => {
    const tick = ticks.get(check.itemId);
    return tick ? { ...check, done: true, doneBy: tick.by, doneAt: tick.at } : { ...check, done: false, doneBy: null, doneAt: null };
  });
  // A ticked item the property no longer lists at all is still the record's.
  const listed = new Set(property.dod.map((check) => check.itemId));
  for (const tick of record.dodTicks) {
    if (!listed.has(tick.itemId)) dod.push({ itemId: tick.itemId, text: tick.itemId, done: true, doneBy: tick.by, doneAt: tick.at });
  }
  return {
    state: changed.length ? 'changed-outside' : 'verified',
    outcome: record.outcome
      ? {
          value: record.outcome.value,
          note: record.outcome.note,
          by: record.outcome.unverified ? null : record.outcome.by,
          at: record.outcome.unverified ? null : record.outcome.at,
        }
      : null,
    dod: dod.map((check) => (ticks.get(check.itemId)?.unverified ? { ...check, doneBy: null, doneAt: null } : check)),
    changed,
    propertySays: changed.length
      ? { outcome: property.outcome, dodDoneItemIds: property.dod.filter((check) => check.done).map((check) => check.itemId) }
      : null,
  };
}

export interface CheckedLink {
  state: RecordState;
  /** Who to credit with the link; null when unverified or when the record has no link. */
  linkedBy: string | null;
  linkedAt: string | null;
  source: ProcessLinkSource | null;
  /** The process the app linked (changed-outside: the record's, which may differ from the property's). */
  processKey: string | null;
  stageId: string | null;
  /** The property as found, when it disagrees with the record. */
  propertySays: { processKey: string; linkedBy: string; linkedAt: string; source: ProcessLinkSource | null } | null;
}

/** The compare rule for a process link: same process, stage, source, author and time, else changed outside. */
export function checkLink(property: ProcessLink | null, record: LinkRecord | null): CheckedLink {
  if (!record) {
    return {
      state: 'unverified',
      linkedBy: null,
      linkedAt: null,
      source: property?.source ?? null,
      processKey: property?.processKey ?? null,
      stageId: property?.stageId ?? null,
      propertySays: null,
    };
  }
  const wanted = record.link;
  const same =
    property === null || wanted === null
      ? property === null && wanted === null
      : property.processKey === wanted.processKey &&
        property.stageId === wanted.stageId &&
        (property.source ?? null) === wanted.source &&
        property.linkedBy === record.by &&
        property.linkedAt === record.at;
  return {
    state: same ? 'verified' : 'changed-outside',
    linkedBy: wanted ? record.by : null,
    linkedAt: wanted ? record.at : null,
    source: wanted?.source ?? null,
    processKey: wanted?.processKey ?? null,
    stageId: wanted?.stageId ?? null,
    propertySays:
      same || !property
        ? null
        : { processKey: property.processKey, linkedBy: property.linkedBy, linkedAt: property.linkedAt, source: property.source ?? null },
  };
}

/**
 * The link a trigger decides from: the property, unless it was changed outside the app, then the app's record.
 * So a person's link rewritten as `source: 'inherited'` through the REST API is still never replaced by a trigger.
 */
export function linkToDecideFrom(property: ProcessLink | null, record: LinkRecord | null): DecidableLink | null {
  if (checkLink(property, record).state !== 'changed-outside') return property;
  const link = record?.link;
  return link ? { processKey: link.processKey, stageId: link.stageId, ...(link.source ? { source: link.source } : {}) } : null;
}
export type DecidableLink = Pick<ProcessLink, 'processKey' | 'stageId' | 'source'>;
