import type { DurableStore, StoreOperation } from '../store/durableStore';
import type { Dataset, DatasetIssue, DatasetProject, DatasetSprint, DatasetUser } from '../datasets/datasetSchema';

/** An issue as the stand-in keeps it: the dataset's record plus the ADF description a create may bring. */
export type StoredIssue = DatasetIssue & { descriptionAdf?: unknown };
export type IssueType = Dataset['issueTypes'][number];
export type Status = Dataset['statuses'][number];
export type Board = Dataset['boards'][number];

/** Company-managed projects each get their own issue type scheme, as Jira creates one per project. */
export interface IssueTypeScheme {
  id: string;
  name: string;
  projectId: string;
  issueTypeIds: string[];
}

/** The stand-in's tables in the DurableStore; `loadDataset` clears exactly these. */
export const JIRA_NAMESPACES = {
  site: 'jira:site',
  users: 'jira:users',
  issueTypes: 'jira:issueTypes',
  statuses: 'jira:statuses',
  projects: 'jira:projects',
  boards: 'jira:boards',
  sprints: 'jira:sprints',
  issues: 'jira:issues',
  schemes: 'jira:issueTypeSchemes',
} as const;

const SITE_KEY = 'site';
const FIRST_SCHEME_ID = 10000;

/**
 * Everything the stand-in knows, indexed in memory (by key, id, project) and written through to the
 * DurableStore on every change. The store is read once, when the state is built: requests never
 * re-read it, which keeps a search over thousands of issues in the millisecond range.
 */
export class JiraState {
  site: Dataset['site'] | null = null;
  /** Where the site is served right now (the workbench's own port); not stored, the dataset keeps its baseUrl. */
  private servedAt: string | null = null;
  datasetName = '';
  readonly users = new Map<string, DatasetUser>();
  readonly issueTypes = new Map<string, IssueType>();
  readonly statuses = new Map<string, Status>();
  readonly projects = new Map<string, DatasetProject>();
  readonly projectsById = new Map<string, DatasetProject>();
  readonly boards = new Map<number, Board>();
  readonly sprints = new Map<number, DatasetSprint>();
  readonly issues = new Map<string, StoredIssue>();
  readonly issueIdByKey = new Map<string, string>();
  readonly schemes = new Map<string, IssueTypeScheme>();
  /** Bumped on every change: caches (sorted changelogs, compiled searches) key on it. */
  version = 0;
  private issueOrder: StoredIssue[] | null = null;
  private nextIssueNumber = new Map<string, number>();
  private nextIssueId = 10000;
  private nextChangelogId = 10000;

  constructor(private readonly store: DurableStore) {
    this.readStore();
  }

  /** Replaces every jira:* table in one atomic store write. */
  load(dataset: Dataset): void {
    const ops: StoreOperation[] = Object.values(JIRA_NAMESPACES).map((ns) => ({ op: 'clearNamespace', ns }));
    const set = (ns: string, key: string | number, value: unknown) => ops.push({ op: 'set', ns, key: String(key), value });
    set(JIRA_NAMESPACES.site, SITE_KEY, { name: dataset.name, site: dataset.site });
    for (const user of dataset.users) set(JIRA_NAMESPACES.users, user.accountId, user);
    for (const type of dataset.issueTypes) set(JIRA_NAMESPACES.issueTypes, type.id, type);
    for (const status of dataset.statuses) set(JIRA_NAMESPACES.statuses, status.id, status);
    for (const project of dataset.projects) set(JIRA_NAMESPACES.projects, project.key, project);
    for (const board of dataset.boards) set(JIRA_NAMESPACES.boards, board.id, board);
    for (const sprint of dataset.sprints) set(JIRA_NAMESPACES.sprints, sprint.id, sprint);
    for (const issue of dataset.issues) set(JIRA_NAMESPACES.issues, issue.id, issue);
    dataset.projects
      .filter((project) => project.style === 'company-managed')
      .forEach((project, index) => {
        const scheme: IssueTypeScheme = {
          id: String(FIRST_SCHEME_ID + 1 + index),
          name: `${project.key}: Scrum Issue Type Scheme`,
          projectId: project.id,
          issueTypeIds: [...project.issueTypeIds],
        };
        set(JIRA_NAMESPACES.schemes, scheme.id, scheme);
      });
    this.store.apply(ops);
    this.readStore();
  }

  /** Links, avatars and the site URL follow `url` from now on, whatever dataset is (re)loaded. */
  serveAt(url: string): void {
    this.servedAt = url.replace(/\/$/, '');
    if (this.site) this.site = { ...this.site, baseUrl: this.servedAt };
    this.version++;
  }

  hasData(): boolean {
    return this.site !== null;
  }

  issueByIdOrKey(idOrKey: string): StoredIssue | undefined {
    const id = this.issueIdByKey.get(idOrKey.toUpperCase()) ?? idOrKey;
    return this.issues.get(id);
  }

  projectByIdOrKey(idOrKey: string): DatasetProject | undefined {
    return this.projects.get(idOrKey.toUpperCase()) ?? this.projectsById.get(idOrKey);
  }

  /** All issues, oldest id first (stable order for scans). */
  allIssues(): StoredIssue[] {
    this.issueOrder ??= [...this.issues.values()].sort((a, b) => Number(a.id) - Number(b.id));
    return this.issueOrder;
  }

  saveIssue(issue: StoredIssue): void {
    this.store.set(JIRA_NAMESPACES.issues, issue.id, issue);
    this.indexIssue(issue);
    // The scan order holds issue objects, and a save replaces the object: rebuild it lazily.
    this.issueOrder = null;
    this.version++;
  }

  /** Removes the issue (its properties and changelog live on it). */
  deleteIssue(issue: StoredIssue): void {
    this.store.delete(JIRA_NAMESPACES.issues, issue.id);
    this.issues.delete(issue.id);
    this.issueIdByKey.delete(issue.key);
    this.issueOrder = null;
    this.version++;
  }

  saveProject(project: DatasetProject): void {
    this.store.set(JIRA_NAMESPACES.projects, project.key, project);
    this.projects.set(project.key, project);
    this.projectsById.set(project.id, project);
    this.version++;
  }

  saveIssueType(type: IssueType): void {
    this.store.set(JIRA_NAMESPACES.issueTypes, type.id, type);
    this.issueTypes.set(type.id, type);
    this.version++;
  }

  saveScheme(scheme: IssueTypeScheme): void {
    this.store.set(JIRA_NAMESPACES.schemes, scheme.id, scheme);
    this.schemes.set(scheme.id, scheme);
    this.version++;
  }

  schemeForProject(projectId: string): IssueTypeScheme | undefined {
    for (const scheme of this.schemes.values()) if (scheme.projectId === projectId) return scheme;
    return undefined;
  }

  /** Issue keys continue from the project's highest number, as in Jira. */
  takeIssueKey(projectKey: string): { id: string; key: string } {
    const number = this.nextIssueNumber.get(projectKey) ?? 1;
    this.nextIssueNumber.set(projectKey, number + 1);
    const id = String(this.nextIssueId++);
    return { id, key: `${projectKey}-${number}` };
  }

  takeChangelogId(): string {
    return String(this.nextChangelogId++);
  }

  private indexIssue(issue: StoredIssue): void {
    this.issues.set(issue.id, issue);
    this.issueIdByKey.set(issue.key, issue.id);
    const number = Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
    if (number + 1 > (this.nextIssueNumber.get(issue.projectKey) ?? 1)) this.nextIssueNumber.set(issue.projectKey, number + 1);
    if (Number(issue.id) + 1 > this.nextIssueId) this.nextIssueId = Number(issue.id) + 1;
    for (const entry of issue.changelog) {
      if (Number(entry.id) + 1 > this.nextChangelogId) this.nextChangelogId = Number(entry.id) + 1;
    }
  }

  private readStore(): void {
    for (const map of [
      this.users,
      this.issueTypes,
      this.statuses,
      this.projects,
      this.projectsById,
      this.boards,
      this.sprints,
      this.issues,
      this.issueIdByKey,
      this.schemes,
    ])
      map.clear();
    this.nextIssueNumber.clear();
    this.nextIssueId = 10000;
    this.nextChangelogId = 10000;
    this.issueOrder = null;
    // Values are cloned so the state's objects are never the store's own.
    const values = <T>(ns: string): T[] => this.store.entries(ns).map(([, value]) => structuredClone(value) as T);
    const site = this.store.get(JIRA_NAMESPACES.site, SITE_KEY) as { name: string; site: Dataset['site'] } | undefined;
    this.site = site ? { ...site.site, ...(this.servedAt ? { baseUrl: this.servedAt } : {}) } : null;
    this.datasetName = site?.name ?? '';
    for (const user of values<DatasetUser>(JIRA_NAMESPACES.users)) this.users.set(user.accountId, user);
    for (const type of values<IssueType>(JIRA_NAMESPACES.issueTypes)) this.issueTypes.set(type.id, type);
    for (const status of values<Status>(JIRA_NAMESPACES.statuses)) this.statuses.set(status.id, status);
    for (const project of values<DatasetProject>(JIRA_NAMESPACES.projects)) {
      this.projects.set(project.key, project);
      this.projectsById.set(project.id, project);
    }
    for (const board of values<Board>(JIRA_NAMESPACES.boards)) this.boards.set(board.id, board);
    for (const sprint of values<DatasetSprint>(JIRA_NAMESPACES.sprints)) this.sprints.set(sprint.id, sprint);
    for (const issue of values<StoredIssue>(JIRA_NAMESPACES.issues)) this.indexIssue(issue);
    for (const scheme of values<IssueTypeScheme>(JIRA_NAMESPACES.schemes)) this.schemes.set(scheme.id, scheme);
    this.version++;
  }
}
