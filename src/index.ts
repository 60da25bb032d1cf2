import { automationHandlers } from './resolvers/automationHandlers';
import { catalogHandlers } from './resolvers/catalogHandlers';
import { defineResolvers } from './resolvers/defineResolvers';
import { improvementHandlers } from './resolvers/improvementHandlers';
import { linkSuggestionsHandlers } from './resolvers/linkSuggestionsHandlers';
import { sprintHealthHandlers } from './resolvers/sprintHealthHandlers';
import { surfaceKeys } from './resolvers/surfaces';
import { templateHandlers } from './resolvers/templateHandlers';

const handlers = {
  ...catalogHandlers,
  ...improvementHandlers,
  ...sprintHealthHandlers,
  ...automationHandlers,
  ...templateHandlers,
  ...linkSuggestionsHandlers,
};
/** One resolver function per Custom UI surface, each exposing only its own keys (least privilege). */
export const issuePanelResolver = defineResolvers(handlers, surfaceKeys.issuePanel);
export const projectPageResolver = defineResolvers(handlers, surfaceKeys.projectPage);
export const automationConfigResolver = defineResolvers(handlers, surfaceKeys.automationConfig);
export { onInstalled } from './events/onInstalled';
// Sprint health: sprint start / close, issue changes, background computations.
export { sprintClosedTrigger, sprintHealthJobConsumer, sprintStartedTrigger } from './events/sprintEvents';
export { issueUpdatedTrigger as sprintHealthIssueUpdatedTrigger } from './events/issueUpdatedEvents';
// Automation: actions, issue-created/parent-changed inheritance, the signed web trigger.
export { createImprovementStoryAction, linkWorkItemAction, recordKpiReadingAction } from './automation/actions';
export { issueInheritanceTrigger } from './events/issueCreatedInheritance';
// The app's own records of an issue go with the issue.
export { issueDeletedTrigger } from './events/issueDeletedEvents';
export { automationWebTrigger } from './webtrigger/automationWebTrigger';
