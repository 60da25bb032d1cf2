import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import { actorOf as userActorOf, type InvocationContext } from '../resolvers/invocationContext';
import type { Actor } from '../useCases/actor';
import { createImprovementStory } from '../useCases/improvements/createImprovementStory';
import { recordKpiReading } from '../useCases/review/recordKpiReading';
import { linkIssueToProcess } from '../useCases/issueLink/linkIssueToProcess';
import {
  actionInputSchemas,
  inputProblems,
  type AutomationActionKey,
  type CreateImprovementStoryInput,
  type LinkWorkItemInput,
  type RecordKpiReadingInput,
} from './actionInputs';

/**
 * The automation actions. Automation calls each with the configured inputs as the payload and the
 * rule actor as the principal; every Jira call runs as that actor (`asUser()`), so a rule can do
 * no more than its actor could by hand. An invalid input or a refusal returns `{errors}`: the rule
 * stops and its owner reads the message in the audit log. Success returns the action's outputs.
 */
export type ActionResult = Record<string, string | number | boolean | null> | { errors: Array<{ message: string }> };

const ACTION_NAMES: Record<AutomationActionKey, string> = {
  'link-work-item-to-process': 'Link work item to process',
  'create-process-improvement-story': 'Create process improvement story',
  'record-kpi-reading': 'Record KPI reading',
};

/** The rule actor: as use cases take it (`actor`), and as a context for use cases not yet converted to an actor. */
export interface ActionActor {
  accountId: string;
  context: InvocationContext;
  actor: Actor;
}

function ruleActorOf(context: unknown): ActionActor | null {
  const raw = (context ?? {}) as { principal?: { accountId?: unknown }; accountId?: unknown; installContext?: unknown; cloudId?: unknown };
  const accountId =
    typeof raw.principal?.accountId === 'string' ? raw.principal.accountId : typeof raw.accountId === 'string' ? raw.accountId : null;
  if (!accountId) return null;
  const ruleContext: InvocationContext = {
    accountId,
    ...(typeof raw.cloudId === 'string' ? { cloudId: raw.cloudId } : {}),
    ...(typeof raw.installContext === 'string' ? { installContext: raw.installContext } : {}),
  };
  return { accountId, context: ruleContext, actor: userActorOf(ruleContext) };
}

const fail = (key: AutomationActionKey, message: string): ActionResult => ({ errors: [{ message: `${ACTION_NAMES[key]}: ${message}` }] });

function failureFor(key: AutomationActionKey, error: unknown): ActionResult {
  if (error instanceof DomainError) {
    switch (error.kind) {
      case 'forbidden':
        return fail(key, `the rule actor is not allowed to do this. ${error.message} Run the rule as a user with that permission.`);
      case 'not-found':
        return fail(key, `${error.message} Check the key, and that the rule actor can see it.`);
      case 'rate-limited':
        return fail(key, `Jira is busy right now (${error.message}). The rule can be re-run later.`);
      case 'invalid': {
        const fields = Object.entries(error.details.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
        return fail(key, [error.message, ...fields].join(' '));
      }
      default:
        return fail(key, error.message);
    }
  }
  console.error(`Automation action ${key} failed`, error);
  return fail(key, 'something went wrong in Process Loop. Re-run the rule; if it fails again, contact your Jira admin.');
}

type Runner<I> = (input: I, actor: ActionActor) => Promise<ActionResult>;

async function linkWorkItem(input: LinkWorkItemInput, rule: ActionActor): Promise<ActionResult> {
  const linked = await linkIssueToProcess(
    { issue: { key: input.issueKey }, processKey: input.processKey, stageId: input.stageId ?? null, source: 'automation' },
    rule.actor,
  );
  return { issueKey: linked.issueKey, processKey: linked.link.processKey, stageName: linked.link.stageName, changed: linked.changed };
}

async function createStory(input: CreateImprovementStoryInput, actor: ActionActor): Promise<ActionResult> {
  const result = await createImprovementStory({ ...input.story, project: { key: input.projectKey } }, actor.actor);
  if (result.outcome === 'partial') return fail('create-process-improvement-story', result.message);
  return { issueKey: result.issue.key, issueId: result.issue.id };
}

async function recordKpi(input: RecordKpiReadingInput, actor: ActionActor): Promise<ActionResult> {
  try {
    return { ...(await recordKpiReading(input, actor.actor)) };
  } catch (error) {
    // The rule's owner can do one thing about a review that kept changing: run the rule again.
    if (error instanceof DomainError && error.kind === 'conflict') throw new DomainError('conflict', `${error.message} Re-run the rule.`);
    throw error;
  }
}

const runners: { [K in AutomationActionKey]: Runner<z.output<(typeof actionInputSchemas)[K]>> } = {
  'link-work-item-to-process': linkWorkItem,
  'create-process-improvement-story': createStory,
  'record-kpi-reading': recordKpi,
};

/** Validates the inputs again (the form may be bypassed, smart values resolve at run time) and runs the action. */
export async function runAutomationAction(key: AutomationActionKey, payload: unknown, context: unknown): Promise<ActionResult> {
  const parsed = actionInputSchemas[key].safeParse(payload ?? {});
  if (!parsed.success) {
    const problems = Object.entries(inputProblems(parsed.error)).map(([field, message]) => `${field}: ${message}`);
    return fail(key, `the configured inputs are not valid. ${problems.join(' ')}`);
  }
  const actor = ruleActorOf(context);
  if (!actor) return fail(key, 'the rule has no actor to run as. Set the rule actor to a Jira user.');
  try {
    const runner = runners[key] as Runner<unknown>;
    return await runner(parsed.data, actor);
  } catch (error) {
    return failureFor(key, error);
  }
}

export const linkWorkItemAction = (payload: unknown, context: unknown) =>
  runAutomationAction('link-work-item-to-process', payload, context);
export const createImprovementStoryAction = (payload: unknown, context: unknown) =>
  runAutomationAction('create-process-improvement-story', payload, context);
export const recordKpiReadingAction = (payload: unknown, context: unknown) => runAutomationAction('record-kpi-reading', payload, context);
