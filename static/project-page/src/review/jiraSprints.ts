import { requestJira } from '@forge/bridge';

/**
 * Boards and sprints read from Jira Software as the viewer. Stand-in until the backend offers
 * board/sprint resolvers: the review tab only needs ids and names to pick from.
 */
export type BoardChoice = { id: number; name: string };
export type SprintChoice = { id: number; name: string; state: 'active' | 'closed' | 'future'; startDate: string | null; endDate: string | null };

type Page<T> = { values?: T[]; isLast?: boolean };

async function getJson<T>(path: string): Promise<T> {
  const response = await requestJira(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status}.`);
  return (await response.json()) as T;
}

/** Every page of an agile list (Jira pages at 50). */
async function allPages<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  for (let startAt = 0; startAt < 1000; ) {
    const separator = path.includes('?') ? '&' : '?';
    const page = await getJson<Page<T>>(`${path}${separator}startAt=${startAt}&maxResults=50`);
    const values = page.values ?? [];
    all.push(...values);
    if (page.isLast !== false || values.length === 0) break;
    startAt += values.length;
  }
  return all;
}

export async function fetchScrumBoards(projectKey: string): Promise<BoardChoice[]> {
  const boards = await allPages<{ id: number; name: string }>(
    `/rest/agile/1.0/board?projectKeyOrId=${encodeURIComponent(projectKey)}&type=scrum`,
  );
  return boards.map((board) => ({ id: board.id, name: board.name }));
}

/** Active and closed sprints, newest first (Jira lists them oldest first). */
export async function fetchReviewableSprints(boardId: number): Promise<SprintChoice[]> {
  const sprints = await allPages<{ id: number; name: string; state: SprintChoice['state']; startDate?: string; endDate?: string }>(
    `/rest/agile/1.0/board/${boardId}/sprint?state=active,closed`,
  );
  return sprints
    .map((sprint) => ({ id: sprint.id, name: sprint.name, state: sprint.state, startDate: sprint.startDate ?? null, endDate: sprint.endDate ?? null }))
    .reverse();
}
