import { z } from 'zod';
import { DomainError } from '../errors';
import { PROCESS_KEY_PATTERN, type Process, type ValueStream } from './catalogSchemas';

/** The issue entity property that records which process owns an issue. Readable by anyone who can see the issue. */
export const PROCESS_LINK_PROPERTY_KEY = 'process-loop-link';

/**
 * Entity properties are not the app's alone: anyone who may edit the issue can PUT any JSON there
 * through Jira's REST API. A process key must look like one before it is used as a storage key.
 */
export const storedProcessKeySchema = z.string().regex(PROCESS_KEY_PATTERN);

export const processLinkSchema = z.object({
  schemaVersion: z.literal(1),
  processKey: storedProcessKeySchema,
  valueStreamKey: z.string().nullable(),
  stageId: z.string().nullable(),
  /** Denormalised so JQL (`asmStage = "Triage"`) works on the name people see. */
  stageName: z.string().nullable(),
  linkedBy: z.string(),
  linkedAt: z.string(),
  /**
   * Who decided the link: absent (links from before this field) and `person` are someone's choice
   * and never overwritten by a trigger; `inherited` and `auto-rule` were set by the app itself.
   */
  source: z.enum(['person', 'automation', 'inherited', 'auto-rule']).optional(),
  /**
   * How a person's link was made, when not by hand: `link-suggestion` = they accepted a suggestion.
   * A separate optional field rather than a new `source` value: readers of older versions parse
   * `source` as a closed list (a new value would make them drop the link) but ignore unknown keys.
   */
  via: z.literal('link-suggestion').optional(),
});
export type ProcessLink = z.infer<typeof processLinkSchema>;
export type ProcessLinkSource = NonNullable<ProcessLink['source']>;

/** Sources of links the app sets on its own (inheritance, auto-link rules). */
export const isAppLinkSource = (source: ProcessLinkSource | undefined): boolean => source === 'inherited' || source === 'auto-rule';

/** Links the app set on its own (inheritance, auto-link rules): the only ones a trigger may replace. */
export const isAutomaticLink = (link: Pick<ProcessLink, 'source'>): boolean => isAppLinkSource(link.source);

/**
 * Whether writing `wanted` over `current` would change nothing: the same process and stage, and for the app's own
 * links the same reason. (Who linked and when are not compared: a rule run again changes neither in substance.)
 */
export function isSameLink(current: ProcessLink | null, wanted: ProcessLink): boolean {
  if (!current || current.processKey !== wanted.processKey || current.stageId !== wanted.stageId) return false;
  return !isAppLinkSource(wanted.source) || current.source === wanted.source;
}

/** A stored property from any app version: a readable link, or null (shown as "not linked" and overwritten on the next link). */
export function readProcessLink(value: unknown): ProcessLink | null {
  const parsed = processLinkSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function buildProcessLink(input: {
  process: Process;
  valueStream: ValueStream | null;
  stageId: string | null;
  linkedBy: string;
  now: Date;
  source?: ProcessLinkSource;
  via?: ProcessLink['via'];
}): ProcessLink {
  const { process, valueStream } = input;
  if (process.status === 'retired') {
    throw new DomainError('invalid', `${process.key} is retired and cannot receive new work.`, {
      fields: { processKey: 'Pick a process that is not retired.' },
    });
  }
  // The process's own stage is the default; another stage of the same stream may be chosen per issue.
  const stageId = input.stageId ?? process.stageId;
  const stage = stageId ? valueStream?.stages.find((candidate) => candidate.id === stageId) : undefined;
  if (stageId && !stage) {
    throw new DomainError('invalid', 'That stage is not part of the process’s value stream.', {
      fields: { stageId: 'Pick a stage of the value stream.' },
    });
  }
  return {
    schemaVersion: 1,
    processKey: process.key,
    valueStreamKey: valueStream?.key ?? null,
    stageId: stage?.id ?? null,
    stageName: stage?.name ?? null,
    linkedBy: input.linkedBy,
    linkedAt: input.now.toISOString(),
    ...(input.source ? { source: input.source } : {}),
    ...(input.via ? { via: input.via } : {}),
  };
}
