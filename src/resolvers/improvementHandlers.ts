import { createImprovementStory } from '../useCases/improvements/createImprovementStory';
import { enableImprovementsForProject, getImprovementSetup } from '../useCases/improvements/improvementSetup';
import { getIssueImprovement, recordImprovementOutcome, toggleImprovementDod } from '../useCases/improvements/issueImprovementPanel';
import { getProcessBacklog, reorderProcessBacklog } from '../useCases/improvements/processBacklog';
import { exportProcessReviewsCsv, getSprintReview, saveSprintReview } from '../useCases/review/sprintReview';
import type { ResolverHandler } from './defineResolvers';
import { actorOf, issueFromContext, projectFromContext, type InvocationContext } from './invocationContext';

/** Project and issue come from where the module is open, never the payload. */
const inProject = (context: InvocationContext) => ({ project: projectFromContext(context) });
const onIssue = (context: InvocationContext) => ({ issue: issueFromContext(context) });

/** Handlers of `improvementContract`: issue type, improvement stories, backlog, sprint review. */
export const improvementHandlers: { [K in ImprovementKey]: ResolverHandler<K> } = {
  getImprovementSetup: (_payload, context) => getImprovementSetup(inProject(context), actorOf(context)),
  enableImprovementsForProject: (_payload, context) => enableImprovementsForProject(inProject(context), actorOf(context)),
  createImprovementStory: (payload, context) => createImprovementStory({ ...payload, ...inProject(context) }, actorOf(context)),
  getIssueImprovement: (_payload, context) => getIssueImprovement(onIssue(context), actorOf(context)),
  toggleImprovementDod: (payload, context) => toggleImprovementDod({ ...payload, ...onIssue(context) }, actorOf(context)),
  recordImprovementOutcome: (payload, context) => recordImprovementOutcome({ ...payload, ...onIssue(context) }, actorOf(context)),
  getProcessBacklog: (payload, context) => getProcessBacklog({ ...payload, ...inProject(context) }, actorOf(context)),
  reorderProcessBacklog: (payload, context) => reorderProcessBacklog({ ...payload, ...inProject(context) }, actorOf(context)),
  getSprintReview: (payload, context) => getSprintReview({ ...payload, ...inProject(context) }, actorOf(context)),
  saveSprintReview: (payload, context) => saveSprintReview({ ...payload, ...inProject(context) }, actorOf(context)),
  exportProcessReviewsCsv: (payload, context) => exportProcessReviewsCsv({ ...payload, ...inProject(context) }, actorOf(context)),
};

type ImprovementKey =
  | 'getImprovementSetup'
  | 'enableImprovementsForProject'
  | 'createImprovementStory'
  | 'getIssueImprovement'
  | 'toggleImprovementDod'
  | 'recordImprovementOutcome'
  | 'getProcessBacklog'
  | 'reorderProcessBacklog'
  | 'getSprintReview'
  | 'saveSprintReview'
  | 'exportProcessReviewsCsv';
