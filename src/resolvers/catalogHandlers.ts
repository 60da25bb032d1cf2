import { getCatalog } from '../useCases/catalog/getCatalog';
import { saveProcess, saveValueStream } from '../useCases/catalog/saveCatalogEntries';
import { searchCatalogUsers } from '../useCases/catalog/searchCatalogUsers';
import { getIssueProcessPanel, linkIssueFromPanel, unlinkIssueFromProcess } from '../useCases/issueLink/issueProcessPanel';
import type { ResolverHandler } from './defineResolvers';
import { actorOf, issueFromContext } from './invocationContext';

/** Handlers of `catalogContract`: the issue panel's link and the process catalog. The issue comes from the context. */
export const catalogHandlers = {
  getIssueProcessPanel: ((_payload, context) =>
    getIssueProcessPanel({ issue: issueFromContext(context) }, actorOf(context))) satisfies ResolverHandler<'getIssueProcessPanel'>,
  linkIssueToProcess: (({ processKey, stageId }, context) =>
    linkIssueFromPanel(
      { issue: issueFromContext(context), processKey, stageId },
      actorOf(context),
    )) satisfies ResolverHandler<'linkIssueToProcess'>,
  unlinkIssueFromProcess: ((_payload, context) =>
    unlinkIssueFromProcess({ issue: issueFromContext(context) }, actorOf(context))) satisfies ResolverHandler<'unlinkIssueFromProcess'>,
  getCatalog: ((_payload, context) => getCatalog(actorOf(context))) satisfies ResolverHandler<'getCatalog'>,
  saveProcess: ((payload, context) => saveProcess(payload, actorOf(context))) satisfies ResolverHandler<'saveProcess'>,
  saveValueStream: ((payload, context) => saveValueStream(payload, actorOf(context))) satisfies ResolverHandler<'saveValueStream'>,
  searchUsers: ((payload, context) => searchCatalogUsers(payload, actorOf(context))) satisfies ResolverHandler<'searchUsers'>,
};
