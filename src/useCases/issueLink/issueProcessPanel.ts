import type { z } from 'zod';
import type { issueProcessPanelSchema } from '../../contract';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink } from '../../domain/catalog/processLink';
import { DomainError } from '../../domain/errors';
import { deleteIssueProperty } from '../../jira/issueProperties';
import { fetchIssueSummary } from '../../jira/issues';
import { fetchMyPermissions } from '../../jira/permissions';
import { fetchUsers, type JiraUserSummary } from '../../jira/users';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import type { Actor, JiraRef } from '../actor';
import { requireUser } from '../viewer';
import { linkIssueToProcess } from './linkIssueToProcess';
import { checkLink, removedLinkRecord, type CheckedLink } from '../../domain/records/appRecords';
import type { Process, ValueStream } from '../../domain/catalog/catalogSchemas';
import { readLinkRecord, writeLinkRecord } from '../../storage/appRecordStore';
import type { ProcessLink } from '../../domain/catalog/processLink';

type IssueProcessPanel = z.infer<typeof issueProcessPanelSchema>;

const cannotSeeIssue = () => new DomainError('not-found', "This issue doesn't exist or you don't have permission to view it.");

/** The link as the app recorded it, when the property disagrees: rebuilt from the record and the catalog. */
function recordedLink(property: ProcessLink | null, checked: CheckedLink, processes: Process[], streams: Map<string, ValueStream>) {
  if (checked.state !== 'changed-outside') return property;
  if (!checked.processKey || !checked.linkedBy || !checked.linkedAt) return null;
  const process = processes.find((candidate) => candidate.key === checked.processKey);
  const stream = process?.valueStreamKey ? streams.get(process.valueStreamKey) : undefined;
  return {
    schemaVersion: 1 as const,
    processKey: checked.processKey,
    valueStreamKey: stream?.key ?? null,
    stageId: checked.stageId,
    stageName: stream?.stages.find((stage) => stage.id === checked.stageId)?.name ?? null,
    linkedBy: checked.linkedBy,
    linkedAt: checked.linkedAt,
    ...(checked.source ? { source: checked.source } : {}),
  };
}

/**
 * Everything the panel shows. Jira requests: the issue with its link property and the viewer's
 * edit permission (in parallel), then one bulk user lookup. Read as the viewer throughout. The app's
 * record of the link comes from storage alongside (no Jira cost) and wins over the property.
 */
async function loadPanel(issueRef: JiraRef): Promise<IssueProcessPanel> {
  const [issue, permissions, processes, valueStreams, record] = await Promise.all([
    fetchIssueSummary('user', issueRef.id, [PROCESS_LINK_PROPERTY_KEY]),
    fetchMyPermissions(['EDIT_ISSUES'], { issueId: issueRef.id }),
    listProcesses(),
    listValueStreams(),
    readLinkRecord(issueRef.id),
  ]);
  if (!issue) throw cannotSeeIssue();
  const streamsByKey = new Map(valueStreams.map((stream) => [stream.key, stream]));
  const property = readProcessLink(issue.properties[PROCESS_LINK_PROPERTY_KEY]);
  const checked = checkLink(property, record);
  const link = recordedLink(property, checked, processes, streamsByKey);
  const process = link ? (processes.find((candidate) => candidate.key === link.processKey) ?? null) : null;
  const valueStreamKey = link?.valueStreamKey ?? process?.valueStreamKey ?? null;
  const valueStream = valueStreamKey ? (streamsByKey.get(valueStreamKey) ?? null) : null;
  const people = [process?.apoAccountId, process?.asmAccountId, checked.linkedBy, checked.propertySays?.linkedBy].filter(
    (id): id is string => !!id,
  );
  const users = people.length ? await fetchUsers(people) : new Map<string, JiraUserSummary>();
  const canEdit = permissions.EDIT_ISSUES;
  return {
    issue: { id: issue.id, key: issue.key, summary: issue.summary },
    link,
    linkCheck: {
      state: checked.state,
      linkedBy: checked.linkedBy,
      linkedAt: checked.linkedAt,
      source: checked.source,
      propertySays: checked.propertySays,
    },
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

/** The panel as the viewer sees it on `issue` (the issue the panel is open on). */
export function getIssueProcessPanel(input: { issue: JiraRef }, actor: Actor): Promise<IssueProcessPanel> {
  requireUser(actor);
  return loadPanel(input.issue);
}

/** The person links the issue they have open, then sees the panel as it is now. */
export async function linkIssueFromPanel(
  input: { issue: JiraRef; processKey: string; stageId: string | null },
  actor: Actor,
): Promise<IssueProcessPanel> {
  await linkIssueToProcess({ issue: input.issue, processKey: input.processKey, stageId: input.stageId, source: 'person' }, actor);
  return loadPanel(input.issue);
}

/** Removes the link as the viewer: Jira's edit permission decides. */
export async function unlinkIssueFromProcess(input: { issue: JiraRef }, actor: Actor): Promise<IssueProcessPanel> {
  const user = requireUser(actor);
  await deleteIssueProperty(input.issue.id, PROCESS_LINK_PROPERTY_KEY);
  // Kept as "removed by": a link that reappears on the issue afterwards did not come from the app.
  await writeLinkRecord(input.issue.id, removedLinkRecord(user.accountId, new Date().toISOString()));
  return loadPanel(input.issue);
}
