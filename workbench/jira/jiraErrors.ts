import type { JiraHttpResponse } from './types';

/** A Jira answer before serialisation; `handle` turns it into a `JiraHttpResponse`. */
export interface JiraReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the answer costs in rate-limit points beyond the request itself (issues, histories, users). */
  returnedObjects?: number;
}

export const reply = (status: number, body?: unknown, returnedObjects = 0): JiraReply => ({ status, body, returnedObjects });

/** Jira's error shape: `{errorMessages, errors}`. */
export const jiraError = (status: number, messages: string[] | string, errors: Record<string, string> = {}): JiraReply => ({
  status,
  body: { errorMessages: Array.isArray(messages) ? messages : [messages], errors },
});

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export const issueNotFound = (): JiraReply => jiraError(404, ISSUE_NOT_FOUND);
export const projectNotFound = (idOrKey: string): JiraReply => jiraError(404, `No project could be found with key '${idOrKey}'.`);
export const unauthorized = (): JiraReply =>
  jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
export const badPayload = (): JiraReply => jiraError(400, 'Invalid request payload. Refer to the REST API documentation and try again.');
export const notAdmin = (): JiraReply =>
  jiraError(403, 'You are not authorized to perform this action. Administrator privileges are required.');

/** Something the stand-in does not emulate: said plainly, so a test or the bench notices at once. */
export class UnsupportedError extends Error {
  constructor(readonly construct: string) {
    super(`The workbench's Jira stand-in does not support ${construct} yet.`);
    this.name = 'UnsupportedError';
  }
}

/** A 400 the JQL engine raises (bad value, syntax error), with Jira's wording. */
export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export function serialise(answer: JiraReply): JiraHttpResponse {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (answer.body === undefined) return { status: answer.status, headers, body: '' };
  headers['Content-Type'] = 'application/json;charset=UTF-8';
  return { status: answer.status, headers, body: JSON.stringify(answer.body) };
}
