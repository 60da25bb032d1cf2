import { defineResolvers } from './resolvers/defineResolvers';
import { getIssueOverview, saveIssueNote } from './resolvers/issuePanelResolvers';

/** The Custom UI resolver: every function key of the contract, validated. */
export const resolverHandler = defineResolvers({
  getIssueOverview,
  saveIssueNote,
});
