import { automationHandlers } from './resolvers/automationHandlers';
import { catalogHandlers } from './resolvers/catalogHandlers';
import { defineResolvers } from './resolvers/defineResolvers';
import { improvementHandlers } from './resolvers/improvementHandlers';
import { linkSuggestionsHandlers } from './resolvers/linkSuggestionsHandlers';
import { sprintHealthHandlers } from './resolvers/sprintHealthHandlers';

/** The Custom UI resolver: every function key of the contract, validated (one handler group per area). */
export const resolverHandler = defineResolvers({
  ...catalogHandlers,
  ...improvementHandlers,
  ...sprintHealthHandlers,
  ...automationHandlers,
  ...linkSuggestionsHandlers,
});
export { onInstalled } from './events/onInstalled';
// Sprint health (issue 5): sprint start / close, issue changes, background computations.
export { sprintClosedTrigger, sprintHealthJobConsumer, sprintStartedTrigger } from './events/sprintEvents';
export { issueUpdatedTrigger as sprintHealthIssueUpdatedTrigger } from './events/issueUpdatedEvents';
// Automation (issue 7): actions, issue-created/parent-changed inheritance, the signed web trigger.
export { createImprovementStoryAction, linkWorkItemAction, recordKpiReadingAction } from './automation/actions';
export { issueInheritanceTrigger } from './events/issueCreatedInheritance';
export { automationWebTrigger } from './webtrigger/automationWebTrigger';
