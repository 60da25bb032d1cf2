import type { JiraCall } from '../jira/jiraRequest';

/**
 * Who a use case acts for, on which site: a signed-in user (whose Jira permissions apply), or the app itself
 * (product events, web triggers: there is no user). Entry points build it from the invocation context, never
 * from a payload.
 */
export type Actor = { kind: 'user'; accountId: string; site: string } | { kind: 'app'; site: string };
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** A Jira project or issue as entry points pass it to use cases (from the invocation context, never a payload). */
export interface JiraRef {
  id: string;
  key: string;
}

/** How long a Jira call may wait on rate limits: interactive calls keep it short, background jobs don't. */
export interface CallPolicy {
  deadline?: number;
  maxWaitMs?: number;
}

/** The Jira call convention for `actor`: as the user for a user, as the app otherwise. */
export function jiraCallFor(actor: Actor, policy: CallPolicy = {}): JiraCall {
  return {
    actor: actor.kind,
    site: actor.site,
    ...(actor.kind === 'user' ? { accountId: actor.accountId } : {}),
    ...policy,
  };
}

/** The app acting on the site of a user's request, after the use case checked the user's permission. */
export const asAppOn = (actor: Actor): Actor => ({ kind: 'app', site: actor.site });
