import { JIRA_FIELD_IDS, type ChangelogEntry, type DatasetProject, type DatasetSprint, type DatasetUser } from '../datasets/datasetSchema';
import { jiraTime } from './jiraTime';
import type { IssueType, JiraState, Status, StoredIssue } from './jiraState';

/**
 * JSON representations ("beans") as Jira's REST API returns them, limited to the properties the
 * OpenAPI schemas declare (most of them forbid additional properties).
 */
export class Beans {
  constructor(private readonly state: JiraState) {}

  private get base(): string {
    return (this.state.site?.baseUrl ?? 'https://workbench.atlassian.net').replace(/\/$/, '');
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  avatarUrls(kind: 'user' | 'project', id: string): Record<string, string> {
    const path = kind === 'user' ? `/secure/useravatar?ownerId=${encodeURIComponent(id)}` : `/secure/projectavatar?pid=${id}`;
    return Object.fromEntries(['48x48', '24x24', '16x16', '32x32'].map((size) => [size, this.url(`${path}&size=${size}`)]));
  }

  private readonly userBeans = new WeakMap<DatasetUser, { base: string; bean: Record<string, unknown> }>();

  /** Users change only when a dataset is loaded (new objects), so their beans are kept while the site URL stays. */
  user(user: DatasetUser): Record<string, unknown> {
    let cached = this.userBeans.get(user);
    if (!cached || cached.base !== this.base) {
      cached = { base: this.base, bean: this.buildUser(user) };
      this.userBeans.set(user, cached);
    }
    return { ...cached.bean };
  }

  private buildUser(user: DatasetUser): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`),
      accountId: user.accountId,
      ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
      avatarUrls: this.avatarUrls('user', user.accountId),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
      accountType: 'atlassian',
    };
  }

  userById(accountId: string | null): Record<string, unknown> | null {
    if (!accountId) return null;
    const user = this.state.users.get(accountId);
    return user ? this.user(user) : { accountId, accountType: 'atlassian', active: false, displayName: 'Former user' };
  }

  statusCategory(category: Status['category']): { self: string; id: number; key: string; colorName: string; name: string } {
    const known = STATUS_CATEGORIES[category];
    return { self: this.url(`/rest/api/3/statuscategory/${known.id}`), ...known };
  }

  status(status: Status): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/status/${status.id}`),
      description: '',
      iconUrl: this.url('/images/icons/statuses/generic.png'),
      name: status.name,
      id: status.id,
      statusCategory: this.statusCategory(status.category),
    };
  }

  issueType(type: IssueType): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/issuetype/${type.id}`),
      id: type.id,
      description: type.description,
      iconUrl: this.url(`/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`),
      name: type.name,
      subtask: type.subtask,
      avatarId: Number(type.id),
      hierarchyLevel: type.hierarchyLevel,
    };
  }

  projectRef(project: DatasetProject): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: project.style === 'team-managed',
      avatarUrls: this.avatarUrls('project', project.id),
    };
  }

  project(project: DatasetProject): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      description: '',
      lead: this.userById(project.leadAccountId),
      components: project.components.map((component) => ({
        self: this.url(`/rest/api/3/component/${component.id}`),
        id: component.id,
        name: component.name,
        isAssigneeTypeValid: false,
      })),
      issueTypes: project.issueTypeIds.flatMap((id) => {
        const type = this.state.issueTypes.get(id);
        return type ? [this.issueType(type)] : [];
      }),
      assigneeType: 'UNASSIGNED',
      versions: [],
      roles: {},
      avatarUrls: this.avatarUrls('project', project.id),
      projectTypeKey: 'software',
      simplified: project.style === 'team-managed',
      style: project.style === 'team-managed' ? 'next-gen' : 'classic',
      isPrivate: false,
      properties: {},
    };
  }

  priority(name: StoredIssue['priority']): Record<string, unknown> {
    const id = String(PRIORITIES.indexOf(name) + 1);
    return {
      self: this.url(`/rest/api/3/priority/${id}`),
      iconUrl: this.url(`/images/icons/priorities/${name.toLowerCase()}.svg`),
      name,
      id,
    };
  }

  /** The Sprint field (customfield_10020) as Jira Cloud's REST API v3 returns it. */
  sprintField(sprintIds: number[]): Array<Record<string, unknown>> | null {
    const sprints = sprintIds.flatMap((id) => {
      const sprint = this.state.sprints.get(id);
      return sprint ? [sprint] : [];
    });
    if (sprints.length === 0) return null;
    return sprints.map((sprint) => ({
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      boardId: sprint.boardId,
      goal: sprint.goal,
      ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
      ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
    }));
  }

  /** A sprint as the Agile API returns it. */
  sprint(sprint: DatasetSprint): Record<string, unknown> {
    return {
      id: sprint.id,
      self: this.url(`/rest/agile/1.0/sprint/${sprint.id}`),
      state: sprint.state,
      name: sprint.name,
      ...(sprint.startDate ? { startDate: jiraTime(sprint.startDate) } : {}),
      ...(sprint.endDate ? { endDate: jiraTime(sprint.endDate) } : {}),
      ...(sprint.completeDate ? { completeDate: jiraTime(sprint.completeDate) } : {}),
      originBoardId: sprint.boardId,
      goal: sprint.goal,
    };
  }

  description(issue: StoredIssue): unknown {
    if (issue.descriptionAdf !== undefined) return issue.descriptionAdf;
    if (!issue.description) return null;
    return {
      type: 'doc',
      version: 1,
      content: issue.description.split(/\n{2,}/).map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })),
    };
  }

  /** Every field the stand-in knows, by id; `fieldValue` renders one. */
  fieldValue(issue: StoredIssue, fieldId: string): { present: boolean; value?: unknown } {
    const status = this.state.statuses.get(issue.statusId);
    const type = this.state.issueTypes.get(issue.issueTypeId);
    const project = this.state.projects.get(issue.projectKey);
    switch (fieldId) {
      case 'summary':
        return { present: true, value: issue.summary };
      case 'project':
        return { present: true, value: project ? this.projectRef(project) : null };
      case 'issuetype':
        return { present: true, value: type ? this.issueType(type) : null };
      case 'status':
        return { present: true, value: status ? this.status(status) : null };
      case 'statusCategory':
        return { present: true, value: status ? this.statusCategory(status.category) : null };
      case 'labels':
        return { present: true, value: [...issue.labels] };
      case 'components':
        return {
          present: true,
          value: issue.components.map((name) => {
            const component = project?.components.find((candidate) => candidate.name === name);
            return { self: this.url(`/rest/api/3/component/${component?.id ?? '0'}`), id: component?.id ?? '0', name };
          }),
        };
      case 'parent': {
        // Jira leaves `parent` out of the fields when the issue has none.
        const parent = issue.parentKey ? this.state.issueByIdOrKey(issue.parentKey) : undefined;
        if (!parent) return { present: false };
        const parentStatus = this.state.statuses.get(parent.statusId);
        const parentType = this.state.issueTypes.get(parent.issueTypeId);
        return {
          present: true,
          value: {
            id: parent.id,
            key: parent.key,
            self: this.url(`/rest/api/3/issue/${parent.id}`),
            fields: {
              summary: parent.summary,
              ...(parentStatus ? { status: this.status(parentStatus) } : {}),
              priority: this.priority(parent.priority),
              ...(parentType ? { issuetype: this.issueType(parentType) } : {}),
            },
          },
        };
      }
      case 'assignee':
        return { present: true, value: this.userById(issue.assigneeAccountId) };
      case 'reporter':
        return { present: true, value: this.userById(issue.reporterAccountId) };
      case 'creator':
        return { present: true, value: this.userById(issue.reporterAccountId) };
      case 'priority':
        return { present: true, value: this.priority(issue.priority) };
      case 'created':
        return { present: true, value: jiraTime(issue.created) };
      case 'updated':
        return { present: true, value: jiraTime(issue.updated) };
      case 'resolutiondate':
        return { present: true, value: jiraTime(issue.resolutionDate) };
      case 'description':
        return { present: true, value: this.description(issue) };
      case JIRA_FIELD_IDS.sprint:
        return { present: true, value: this.sprintField(issue.sprintIds) };
      case JIRA_FIELD_IDS.flagged:
        return {
          present: true,
          value: issue.flagged ? [{ self: this.url('/rest/api/3/customFieldOption/10019'), value: 'Impediment', id: '10019' }] : null,
        };
      default:
        return { present: false };
    }
  }

  changelogEntry(entry: ChangelogEntry, fieldIds?: ReadonlySet<string>): Record<string, unknown> | null {
    const items = fieldIds ? entry.items.filter((item) => fieldIds.has(item.fieldId)) : entry.items;
    if (items.length === 0) return null;
    return {
      id: entry.id,
      author: this.userDetails(entry.authorAccountId),
      created: jiraTime(entry.created),
      items: items.map((item) => ({
        field: item.field,
        fieldtype: item.fieldtype,
        fieldId: item.fieldId,
        from: item.from,
        fromString: item.fromString,
        to: item.to,
        toString: item.toString,
      })),
    };
  }

  /** `UserDetails` (changelog authors): like `User` without the fields that schema lacks. */
  private userDetails(accountId: string): Record<string, unknown> {
    const user = this.state.users.get(accountId);
    if (!user) return { accountId, active: false, displayName: 'Former user', accountType: 'atlassian' };
    return this.user(user);
  }
}

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

/** Jira's three status categories (ids as on every Jira Cloud site). */
export const STATUS_CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

/** The fields the stand-in can return, i.e. what `*all` means here. */
export const KNOWN_FIELDS = [
  'summary',
  'project',
  'issuetype',
  'status',
  'statusCategory',
  'labels',
  'components',
  'parent',
  'assignee',
  'reporter',
  'creator',
  'priority',
  'created',
  'updated',
  'resolutiondate',
  'description',
  JIRA_FIELD_IDS.sprint,
  JIRA_FIELD_IDS.flagged,
] as const;
