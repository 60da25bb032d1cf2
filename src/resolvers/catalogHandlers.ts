import { getCatalog } from '../useCases/catalog/getCatalog';
import { saveProcess, saveValueStream } from '../useCases/catalog/saveCatalogEntries';
import { searchCatalogUsers } from '../useCases/catalog/searchCatalogUsers';
import { getIssueProcessPanel, linkIssueToProcess, unlinkIssueFromProcess } from '../useCases/issueLink/issueProcessPanel';
import { getIssueOverview, saveIssueNote } from './issuePanelResolvers';

/** Handlers of `catalogContract`: the issue panel's link and the process catalog. */
export const catalogHandlers = {
  getIssueOverview,
  saveIssueNote,
  getIssueProcessPanel,
  linkIssueToProcess,
  unlinkIssueFromProcess,
  getCatalog,
  saveProcess,
  saveValueStream,
  searchUsers: searchCatalogUsers,
};
