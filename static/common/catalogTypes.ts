// Types only: the zod schemas behind them must never reach a browser bundle.
import type { ResultOf } from '../../src/contract';

export type Catalog = ResultOf<'getCatalog'>;
export type CatalogProcess = Catalog['processes'][number];
export type CatalogValueStream = Catalog['valueStreams'][number];
export type CatalogViewer = Catalog['viewer'];
export type UserSummary = ResultOf<'searchUsers'>['users'][number];
export type Kpi = CatalogProcess['kpis'][number];
export type ProcessStatus = CatalogProcess['status'];
export type IssueProcessPanelData = ResultOf<'getIssueProcessPanel'>;
export type LinkableProcess = IssueProcessPanelData['linkableProcesses'][number];

/** Looks people up by account id; the backend sends each person once per answer. */
export function usersById(users: readonly UserSummary[]): Map<string, UserSummary> {
  return new Map(users.map((user) => [user.accountId, user]));
}

/** The stage's name within its value stream, or null when either is missing. */
export function stageName(stream: Pick<CatalogValueStream, 'stages'> | null | undefined, stageId: string | null): string | null {
  if (!stream || !stageId) return null;
  return stream.stages.find((stage) => stage.id === stageId)?.name ?? null;
}
