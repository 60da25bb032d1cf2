import { getCatalog } from '../useCases/catalog/getCatalog';
import { saveProcess, saveValueStream } from '../useCases/catalog/saveCatalogEntries';
import { searchCatalogUsers } from '../useCases/catalog/searchCatalogUsers';
import { getIssueProcessPanel, linkIssueToProcess, unlinkIssueFromProcess } from '../useCases/issueLink/issueProcessPanel';

/** Handlers of `catalogContract`: the issue panel's link and the process catalog. */
export const catalogHandlers = {
  getIssueProcessPanel,
  linkIssueToProcess,
  unlinkIssueFromProcess,
  getCatalog,
  saveProcess,
  saveValueStream,
  searchUsers: searchCatalogUsers,
};
