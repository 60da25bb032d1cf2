import type { Process } from '../catalog/catalogSchemas';

export interface ImprovementViewer {
  accountId: string;
  /** From Jira's permission API, never the client. */
  isJiraAdmin: boolean;
}

/** Outcomes and sprint reviews: Jira admins, the process's APO and its ASM. */
export function canReviewProcess(viewer: ImprovementViewer, process: Pick<Process, 'apoAccountId' | 'asmAccountId'>): boolean {
  return viewer.isJiraAdmin || process.apoAccountId === viewer.accountId || process.asmAccountId === viewer.accountId;
}

// The backlog's manual order belongs to whoever edits the process (its APO, Jira admins): catalog's `canEditProcess`.
