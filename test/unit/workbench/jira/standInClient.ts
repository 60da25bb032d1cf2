import { DurableStore } from '../../../../workbench/store/durableStore';
import { JiraStandIn } from '../../../../workbench/jira/jiraStandIn';
import type { EntityPropertyAlias, JiraCaller } from '../../../../workbench/jira/types';
import type { Dataset } from '../../../../workbench/datasets/datasetSchema';
import { TEST_NOW, aDataset } from '../../../builders/datasetBuilders';

export const PROCESS_ALIASES: EntityPropertyAlias[] = [
  { propertyKey: 'process-loop-link', path: 'processKey', type: 'string', searchAlias: 'asmProcess' },
  { propertyKey: 'process-loop-link', path: 'valueStreamKey', type: 'string', searchAlias: 'asmValueStream' },
];

export const asUser = (accountId: string): JiraCaller => ({ kind: 'user', accountId });
export const asApp: JiraCaller = { kind: 'app' };

/** A stand-in over an in-memory store with `dataset` loaded, and a terse way to call it. */
export function standIn(dataset: Dataset = aDataset(), store = DurableStore.open(null)) {
  const jira = new JiraStandIn({ store, aliases: PROCESS_ALIASES, now: () => new Date(TEST_NOW) });
  jira.loadDataset(dataset);
  return { jira, store, call: caller(jira) };
}

export function caller(jira: JiraStandIn) {
  return async (who: JiraCaller, method: string, pathWithQuery: string, body?: unknown) => {
    const response = await jira.handle({
      method,
      pathWithQuery,
      headers: { Accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      caller: who,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of every route's shape; tests read them as they come
    const json: any = response.body ? JSON.parse(response.body) : undefined;
    return { status: response.status, headers: response.headers, body: json };
  };
}
