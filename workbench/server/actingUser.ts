import type { DatasetUser } from '../datasets/datasetSchema';
import { HttpError, type WorkbenchRequest } from './http';

/** Who the browser (or a script) is acting as: `X-Workbench-Account` wins over the `wb-account` cookie. */
export const ACCOUNT_COOKIE = 'wb-account';
export const ACCOUNT_HEADER = 'x-workbench-account';

/** The account named by the request, or null (anonymous). Naming an unknown account is a 400. */
export function actingAccountId(req: WorkbenchRequest, users: DatasetUser[]): string | null {
  const named = req.headers[ACCOUNT_HEADER] ?? req.cookies[ACCOUNT_COOKIE] ?? '';
  if (named === '') return null;
  if (!users.some((user) => user.accountId === named)) {
    throw new HttpError(400, `Unknown account ${JSON.stringify(named)}: pick one from GET /workbench/users.`);
  }
  return named;
}

/** The host pages need someone to act as: an ordinary project member, as most people opening Jira are. */
export function defaultAccount(users: DatasetUser[]): DatasetUser | null {
  return users.find((user) => user.role === 'member') ?? users[0] ?? null;
}

/** For host pages: the named user if valid, else the default (a stale cookie after a reseed is not an error). */
export function pageUser(req: WorkbenchRequest, users: DatasetUser[]): DatasetUser | null {
  const named = req.headers[ACCOUNT_HEADER] ?? req.cookies[ACCOUNT_COOKIE];
  return users.find((user) => user.accountId === named) ?? defaultAccount(users);
}
