import type { z } from 'zod';
import type { issueProcessPanelSchema } from '../../contract';
import { buildProcessLink, PROCESS_LINK_PROPERTY_KEY, readProcessLink, type ProcessLink, type ProcessLinkSource } from '../../domain/catalog/processLink';
import { DomainError } from '../../domain/errors';
import { deleteIssueProperty, writeIssueProperty } from '../../jira/issueProperties';
import { fetchIssueSummary } from '../../jira/issues';
import { fetchMyPermissions } from '../../jira/permissions';
import { fetchUsers, type JiraUserSummary } from '../../jira/users';
import type { ResolverHandler } from '../../resolvers/defineResolvers';
import { issueFromContext, type InvocationContext } from '../../resolvers/invocationContext';
import { listProcesses, listValueStreams, readProcess, readValueStream } from '../../storage/catalogStore';

type IssueProcessPanel = z.infer<typeof issueProcessPanelSchema>;

const cannotSeeIssue = () =>
  new DomainError('not-found', "This issue doesn't exist or you don't have permission to view it.");

/**
 * Everything the panel shows. Jira requests: the issue with its link property and the viewer's
 * edit permission (in parallel), then one bulk user lookup. Read as the viewer throughout.
 */
async function loadPanel(context: InvocationContext): Promise<IssueProcessPanel> {
  const issueRef = issueFromContext(context);
  const [issue, permissions, processes, valueStreams] = await Promise.all([
    fetchIssueSummary('user', issueRef.id, [PROCESS_LINK_PROPERTY_KEY]),
    fetchMyPermissions(['EDIT_ISSUES'], { issueId: issueRef.id }),
    listProcesses(),
    listValueStreams(),
  ]);
  if (!issue) throw cannotSeeIssue();
  const streamsByKey = new Map(valueStreams.map((stream) => [stream.key, stream]));
  const link = readProcessLink(issue.properties[PROCESS_LINK_PROPERTY_KEY]);
  const process = link ? processes.find((candidate) => candidate.key === link.processKey) ?? null : null;
  const valueStreamKey = link?.valueStreamKey ?? process?.valueStreamKey ?? null;
  const valueStream = valueStreamKey ? streamsByKey.get(valueStreamKey) ?? null : null;
  const people = [process?.apoAccountId, process?.asmAccountId, link?.linkedBy].filter((id): id is string => !!id);
  const users = people.length ? await fetchUsers(people) : new Map<string, JiraUserSummary>();
  const canEdit = permissions.EDIT_ISSUES;
  return {
    issue: { id: issue.id, key: issue.key, summary: issue.summary },
    link,
    process,
    valueStream,
    users: [...users.values()],
    canEdit,
    readOnlyReason: canEdit ? null : "You can't edit this issue, so you can see its process but not change it.",
    linkableProcesses: processes
      .filter((candidate) => candidate.status !== 'retired')
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((candidate) => {
        const stream = candidate.valueStreamKey ? streamsByKey.get(candidate.valueStreamKey) : undefined;
        return {
          key: candidate.key,
          name: candidate.name,
          status: candidate.status as 'draft' | 'active',
          valueStreamKey: stream?.key ?? null,
          valueStreamName: stream?.name ?? null,
          stageId: candidate.stageId,
          stages: stream?.stages ?? [],
        };
      }),
  };
}

export const getIssueProcessPanel: ResolverHandler<'getIssueProcessPanel'> = (_payload, context) => loadPanel(context);

/**
 * The link to write for a process from the catalog (its value stream and stage resolved), shared
 * by the panel, automation actions, web triggers and inheritance. Throws INVALID_INPUT for an
 * unknown or retired process or a stage outside its stream.
 */
export async function prepareProcessLink(input: {
  processKey: string;
  stageId: string | null;
  linkedBy: string;
  source: ProcessLinkSource;
  via?: ProcessLink['via'];
  now?: Date;
}): Promise<ProcessLink> {
  const process = await readProcess(input.processKey);
  if (!process) {
    throw new DomainError('invalid', `There is no process with key ${input.processKey}.`, { fields: { processKey: 'Pick a process from the list.' } });
  }
  const valueStream = process.valueStreamKey ? await readValueStream(process.valueStreamKey) : null;
  return buildProcessLink({
    process,
    valueStream,
    stageId: input.stageId,
    linkedBy: input.linkedBy,
    now: input.now ?? new Date(),
    source: input.source,
    ...(input.via ? { via: input.via } : {}),
  });
}

export const linkIssueToProcess: ResolverHandler<'linkIssueToProcess'> = async ({ processKey, stageId }, context) => {
  const issueRef = issueFromContext(context);
  const link = await prepareProcessLink({ processKey, stageId, linkedBy: context.accountId, source: 'person' });
  // Written as the viewer: Jira refuses it (403) when they may not edit the issue.
  await writeIssueProperty(issueRef.id, PROCESS_LINK_PROPERTY_KEY, link);
  return loadPanel(context);
};

export const unlinkIssueFromProcess: ResolverHandler<'unlinkIssueFromProcess'> = async (_payload, context) => {
  const issueRef = issueFromContext(context);
  await deleteIssueProperty(issueRef.id, PROCESS_LINK_PROPERTY_KEY);
  return loadPanel(context);
};
