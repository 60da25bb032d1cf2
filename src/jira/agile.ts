import { route } from '@forge/api';
import { z } from 'zod';
import { cannotSeeProject, DomainError } from '../domain/errors';
import type { Sprint, SprintState } from '../domain/sprintHealth';
import { callJira, unexpectedJiraAnswer, type JiraCall } from './jiraRequest';

/** The Agile API's page size for boards and sprints (its default, and the most it returns). */
const AGILE_PAGE_SIZE = 50;

export interface BoardSummary {
  id: number;
  name: string;
  type: string;
}

/** A sprint as the domain keeps it, with the goal Jira gives (review screens show it). */
export interface SprintSummary extends Sprint {
  goal: string | null;
}

const boardSchema = z.object({ id: z.number(), name: z.string().default(''), type: z.string().default('') });

const sprintSchema = z.object({
  id: z.number(),
  name: z.string().default(''),
  state: z.enum(['future', 'active', 'closed']),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  completeDate: z.string().nullish(),
  originBoardId: z.number().nullish(),
  goal: z.string().nullish(),
});

const toSprint = (sprint: z.infer<typeof sprintSchema>): SprintSummary => ({
  id: sprint.id,
  name: sprint.name,
  state: sprint.state,
  startDate: sprint.startDate ?? null,
  endDate: sprint.endDate ?? null,
  completeDate: sprint.completeDate ?? null,
  originBoardId: sprint.originBoardId ?? null,
  goal: sprint.goal ?? null,
});

const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    startAt: z.number().optional(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
    values: z.array(item).default([]),
  });

const cannotSeeBoard = () => new DomainError('not-found', "This board doesn't exist or you don't have permission to view it.");

/** Follows the Agile API's startAt/isLast paging; stops on an empty page even if `isLast` is missing. */
async function readAllPages<T extends z.ZodType>(
  call: JiraCall,
  what: string,
  item: T,
  pathFor: (startAt: number) => Parameters<typeof callJira>[1],
  notFound: { statuses: readonly number[]; error: () => DomainError },
): Promise<Array<z.infer<T>>> {
  const all: Array<z.infer<T>> = [];
  for (let startAt = 0; ;) {
    const { status, body } = await callJira<unknown>(call, pathFor(startAt));
    if (notFound.statuses.includes(status)) throw notFound.error();
    if (status !== 200) throw unexpectedJiraAnswer(what, status, body);
    const page = pageSchema(item).safeParse(body);
    if (!page.success) throw unexpectedJiraAnswer(what, status, undefined);
    all.push(...page.data.values);
    startAt += page.data.values.length;
    const last =
      page.data.isLast ?? (page.data.total === undefined ? page.data.values.length < AGILE_PAGE_SIZE : startAt >= page.data.total);
    if (last || page.data.values.length === 0) return all;
  }
}

/** The scrum boards of a project that the caller can see. */
export async function fetchProjectBoards(call: JiraCall, projectKeyOrId: string): Promise<BoardSummary[]> {
  const boards = await readAllPages(
    call,
    'list the boards of the project',
    boardSchema,
    (startAt) =>
      route`/rest/agile/1.0/board?projectKeyOrId=${projectKeyOrId}&type=scrum&startAt=${String(startAt)}&maxResults=${String(AGILE_PAGE_SIZE)}`,
    // Jira answers 400 "No project could be found" for a project the caller may not browse, as for none.
    { statuses: [400, 404], error: cannotSeeProject },
  );
  return boards.map(({ id, name, type }) => ({ id, name, type }));
}

/** Sprints of a board, newest first (for a picker): future, then active, then closed, latest start first. */
export async function fetchBoardSprints(
  call: JiraCall,
  boardId: number,
  states: SprintState[] = ['active', 'closed'],
): Promise<SprintSummary[]> {
  const sprints = await readAllPages(
    call,
    'list the sprints of the board',
    sprintSchema,
    (startAt) =>
      route`/rest/agile/1.0/board/${String(boardId)}/sprint?state=${states.join(',')}&startAt=${String(startAt)}&maxResults=${String(AGILE_PAGE_SIZE)}`,
    { statuses: [404], error: cannotSeeBoard },
  );
  return newestFirst(sprints.map(toSprint));
}

const STATE_RANK: Record<SprintState, number> = { future: 0, active: 1, closed: 2 };

/** Jira lists sprints oldest first (closed, active, future, each in backlog order); the picker wants the reverse. */
export function newestFirst(sprints: SprintSummary[]): SprintSummary[] {
  return sprints
    .map((sprint, index) => ({ sprint, index }))
    .sort(
      (a, b) =>
        STATE_RANK[a.sprint.state] - STATE_RANK[b.sprint.state] ||
        timeOf(b.sprint.startDate) - timeOf(a.sprint.startDate) ||
        b.index - a.index,
    )
    .map(({ sprint }) => sprint);
}

const timeOf = (iso: string | null): number => (iso ? Date.parse(iso) || 0 : 0);

/** One sprint, or null when it does not exist or the caller may not see it (Jira answers 404 for both). */
export async function fetchSprint(call: JiraCall, sprintId: number): Promise<SprintSummary | null> {
  const { status, body } = await callJira<unknown>(call, route`/rest/agile/1.0/sprint/${String(sprintId)}`);
  if (status === 404) return null;
  if (status !== 200) throw unexpectedJiraAnswer('read the sprint', status, body);
  const parsed = sprintSchema.safeParse(body);
  if (!parsed.success) throw unexpectedJiraAnswer('read the sprint', status, undefined);
  return toSprint(parsed.data);
}
