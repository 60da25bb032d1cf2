import type { Process, ValueStream } from './catalogSchemas';

/** Who is looking at the catalog. `isJiraAdmin` comes from Jira's permission API, never the client. */
export interface CatalogViewer {
  accountId: string;
  isJiraAdmin: boolean;
}

/** Jira administrators edit everything; an APO edits their own process. */
export function canEditProcess(viewer: CatalogViewer, process: Pick<Process, 'apoAccountId'>): boolean {
  return viewer.isJiraAdmin || process.apoAccountId === viewer.accountId;
}

/** New processes: administrators, or a value stream's owner inside their own stream. */
export function canCreateProcessIn(viewer: CatalogViewer, valueStream: Pick<ValueStream, 'ownerAccountId'> | null): boolean {
  return viewer.isJiraAdmin || (valueStream !== null && valueStream.ownerAccountId === viewer.accountId);
}

export function canEditValueStream(viewer: CatalogViewer, stream: Pick<ValueStream, 'ownerAccountId'>): boolean {
  return viewer.isJiraAdmin || stream.ownerAccountId === viewer.accountId;
}

export function canCreateValueStream(viewer: CatalogViewer): boolean {
  return viewer.isJiraAdmin;
}
