import { JIRA_FIELD_IDS, type ChangelogEntry } from '../datasets/datasetSchema';
import type { JiraState, StoredIssue } from './jiraState';
import type { IssueChange, NewIssue } from './types';

type ChangeItem = ChangelogEntry['items'][number];

/**
 * Issue writes as Jira records them: the fields change and one changelog history with an item per
 * changed field is appended (same field names, ids and from/to conventions as Jira Cloud's).
 */
export class IssueWrites {
  constructor(private readonly state: JiraState) {}

  applyIssueUpdate(
    issueIdOrKey: string,
    change: IssueChange,
    meta: { authorAccountId: string; at: Date },
  ): { issue: StoredIssue; changelogEntry: ChangelogEntry | null } {
    const before = this.state.issueByIdOrKey(issueIdOrKey);
    if (!before) throw new Error(`No issue ${issueIdOrKey} in the Jira stand-in.`);
    const issue: StoredIssue = structuredClone(before);
    const items: ChangeItem[] = [];
    const at = meta.at.toISOString();

    if (change.statusId !== undefined && change.statusId !== issue.statusId) {
      const from = this.state.statuses.get(issue.statusId);
      const to = this.state.statuses.get(change.statusId);
      if (!to) throw new Error(`No status ${change.statusId} in the Jira stand-in.`);
      items.push(item('status', 'status', 'jira', issue.statusId, from?.name ?? null, to.id, to.name));
      issue.statusId = to.id;
      // Jira sets the resolution date on entering a done status and clears it on leaving.
      if (to.category === 'done' && from?.category !== 'done') issue.resolutionDate = at;
      if (to.category !== 'done') issue.resolutionDate = null;
    }
    if (change.sprintIds !== undefined && !sameList(change.sprintIds.map(String), issue.sprintIds.map(String))) {
      for (const id of change.sprintIds) if (!this.state.sprints.has(id)) throw new Error(`No sprint ${id} in the Jira stand-in.`);
      items.push(
        item(
          JIRA_FIELD_IDS.sprint,
          'Sprint',
          'custom',
          this.sprintIds(issue.sprintIds),
          this.sprintNames(issue.sprintIds),
          this.sprintIds(change.sprintIds),
          this.sprintNames(change.sprintIds),
        ),
      );
      issue.sprintIds = [...change.sprintIds];
    }
    if (change.flagged !== undefined && change.flagged !== issue.flagged) {
      items.push(
        change.flagged
          ? item(JIRA_FIELD_IDS.flagged, 'Flagged', 'custom', null, null, '[10019]', 'Impediment')
          : item(JIRA_FIELD_IDS.flagged, 'Flagged', 'custom', '[10019]', 'Impediment', null, null),
      );
      issue.flagged = change.flagged;
    }
    if (change.labels !== undefined && !sameList([...change.labels].sort(), [...issue.labels].sort())) {
      items.push(item('labels', 'labels', 'jira', null, issue.labels.join(' ') || null, null, change.labels.join(' ') || null));
      issue.labels = [...change.labels];
    }
    if (change.components !== undefined) {
      const project = this.state.projects.get(issue.projectKey);
      const idOf = (name: string) => {
        const component = project?.components.find((candidate) => candidate.name === name);
        if (!component) throw new Error(`Project ${issue.projectKey} has no component ${name}.`);
        return component.id;
      };
      // One item per component removed or added, as Jira writes them.
      for (const name of issue.components)
        if (!change.components.includes(name)) items.push(item('components', 'Component', 'jira', idOf(name), name, null, null));
      for (const name of change.components)
        if (!issue.components.includes(name)) items.push(item('components', 'Component', 'jira', null, null, idOf(name), name));
      issue.components = [...change.components];
    }
    if (change.parentKey !== undefined && change.parentKey !== issue.parentKey) {
      const from = issue.parentKey ? this.state.issueByIdOrKey(issue.parentKey) : undefined;
      const to = change.parentKey ? this.state.issueByIdOrKey(change.parentKey) : undefined;
      if (change.parentKey && !to) throw new Error(`No issue ${change.parentKey} in the Jira stand-in.`);
      items.push(item('parent', 'IssueParentAssociation', 'jira', from?.id ?? null, from?.key ?? null, to?.id ?? null, to?.key ?? null));
      issue.parentKey = to?.key ?? null;
    }
    if (change.assigneeAccountId !== undefined && change.assigneeAccountId !== issue.assigneeAccountId) {
      const name = (id: string | null) => (id ? (this.state.users.get(id)?.displayName ?? id) : null);
      items.push(
        item(
          'assignee',
          'assignee',
          'jira',
          issue.assigneeAccountId,
          name(issue.assigneeAccountId),
          change.assigneeAccountId,
          name(change.assigneeAccountId),
        ),
      );
      issue.assigneeAccountId = change.assigneeAccountId;
    }
    if (change.summary !== undefined && change.summary !== issue.summary) {
      items.push(item('summary', 'summary', 'jira', null, issue.summary, null, change.summary));
      issue.summary = change.summary;
    }

    if (items.length === 0) return { issue: before, changelogEntry: null };
    const changelogEntry: ChangelogEntry = { id: this.state.takeChangelogId(), created: at, authorAccountId: meta.authorAccountId, items };
    issue.changelog = [...issue.changelog, changelogEntry];
    if (at > issue.updated) issue.updated = at;
    this.state.saveIssue(issue);
    return { issue, changelogEntry };
  }

  createIssue(input: NewIssue, now: Date): StoredIssue {
    const project = this.state.projects.get(input.projectKey);
    if (!project) throw new Error(`No project ${input.projectKey} in the Jira stand-in.`);
    const statusId = input.statusId ?? this.initialStatusId();
    const { id, key } = this.state.takeIssueKey(project.key);
    const created = (input.created ?? now).toISOString();
    const issue: StoredIssue = {
      id,
      key,
      projectKey: project.key,
      issueTypeId: input.issueTypeId,
      summary: input.summary,
      description: input.description ?? '',
      statusId,
      priority: 'Medium',
      labels: input.labels ?? [],
      components: input.components ?? [],
      parentKey: input.parentKey ?? null,
      assigneeAccountId: input.assigneeAccountId ?? null,
      reporterAccountId: input.reporterAccountId,
      created,
      updated: created,
      resolutionDate: this.state.statuses.get(statusId)?.category === 'done' ? created : null,
      sprintIds: input.sprintIds ?? [],
      flagged: input.flagged ?? false,
      properties: input.properties ?? {},
      changelog: [],
      ...(input.descriptionAdf !== undefined ? { descriptionAdf: input.descriptionAdf } : {}),
    };
    this.state.saveIssue(issue);
    return issue;
  }

  private initialStatusId(): string {
    const statuses = [...this.state.statuses.values()];
    const first = statuses.find((status) => status.category === 'new') ?? statuses[0];
    if (!first) throw new Error('The Jira stand-in has no statuses.');
    return first.id;
  }

  private sprintIds(ids: number[]): string | null {
    return ids.length ? ids.join(', ') : null;
  }

  private sprintNames(ids: number[]): string | null {
    return ids.length ? ids.map((id) => this.state.sprints.get(id)?.name ?? String(id)).join(', ') : null;
  }
}

function item(
  fieldId: string,
  field: string,
  fieldtype: 'jira' | 'custom',
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): ChangeItem {
  return { fieldId, field, fieldtype, from, fromString, to, toString };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
