import { defineResolvers } from './resolvers/defineResolvers';
import { getIssueOverview, saveIssueNote } from './resolvers/issuePanelResolvers';
import { getCatalog } from './useCases/catalog/getCatalog';
import { saveProcess, saveValueStream } from './useCases/catalog/saveCatalogEntries';
import { searchCatalogUsers } from './useCases/catalog/searchCatalogUsers';
import { getIssueProcessPanel, linkIssueToProcess, unlinkIssueFromProcess } from './useCases/issueLink/issueProcessPanel';

/** The Custom UI resolver: every function key of the contract, validated. */
export const resolverHandler = defineResolvers({
  getIssueOverview,
  saveIssueNote,
  getIssueProcessPanel,
  linkIssueToProcess,
  unlinkIssueFromProcess,
  getCatalog,
  saveProcess,
  saveValueStream,
  searchUsers: searchCatalogUsers,
});
