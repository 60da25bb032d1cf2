import type { Beans } from './beans';
import type { IssueWrites } from './issueWrites';
import type { JiraState } from './jiraState';
import type { JqlEngine } from './jqlEngine';
import type { Permissions } from './permissions';
import type { EntityPropertyAlias } from './types';

/** What the route modules share: the state and the services over it. */
export interface StandInContext {
  state: JiraState;
  permissions: Permissions;
  beans: Beans;
  jql: JqlEngine;
  writes: IssueWrites;
  aliases: readonly EntityPropertyAlias[];
  now(): Date;
}
