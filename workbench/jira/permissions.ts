import type { DatasetProject } from '../datasets/datasetSchema';
import type { JiraState, StoredIssue } from './jiraState';
import type { JiraCaller } from './types';

export type ProjectPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'CREATE_ISSUES' | 'ADMINISTER_PROJECTS';
export type PermissionKey = ProjectPermission | 'ADMINISTER';

/** Jira's own ids, names and types for the permissions the stand-in knows. */
export const PERMISSIONS: Record<PermissionKey, { id: string; name: string; type: 'GLOBAL' | 'PROJECT'; description: string }> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
};

const LISTS: Record<ProjectPermission, keyof DatasetProject['permissions']> = {
  BROWSE_PROJECTS: 'browse',
  EDIT_ISSUES: 'edit',
  CREATE_ISSUES: 'create',
  ADMINISTER_PROJECTS: 'administer',
};

/** Who may do what: asApp may do everything; a user what the dataset grants; anonymous nothing. */
export class Permissions {
  constructor(private readonly state: JiraState) {}

  inProject(caller: JiraCaller, project: DatasetProject | undefined, permission: ProjectPermission): boolean {
    if (!project) return false;
    if (caller.kind === 'app') return true;
    if (caller.kind !== 'user') return false;
    return project.permissions[LISTS[permission]].includes(caller.accountId);
  }

  onIssue(caller: JiraCaller, issue: StoredIssue, permission: ProjectPermission): boolean {
    return this.inProject(caller, this.state.projects.get(issue.projectKey), permission);
  }

  canBrowse(caller: JiraCaller, issue: StoredIssue): boolean {
    return this.onIssue(caller, issue, 'BROWSE_PROJECTS') && this.passesSecurity(caller, issue);
  }

  /** The issue's security level, if any, lets the caller in (the app sees every issue, as Jira's asApp does). */
  passesSecurity(caller: JiraCaller, issue: StoredIssue): boolean {
    if (!issue.security || caller.kind === 'app') return true;
    return caller.kind === 'user' && issue.security.members.includes(caller.accountId);
  }

  isSiteAdmin(caller: JiraCaller): boolean {
    if (caller.kind === 'app') return true;
    if (caller.kind !== 'user') return false;
    return this.state.users.get(caller.accountId)?.siteAdmin === true;
  }

  /** Jira's global context: a project permission held in any project counts. */
  anywhere(caller: JiraCaller, permission: PermissionKey): boolean {
    if (permission === 'ADMINISTER') return this.isSiteAdmin(caller);
    for (const project of this.state.projects.values()) if (this.inProject(caller, project, permission)) return true;
    return false;
  }

  /** Keys of the projects the caller may browse (for searches). */
  browsableProjects(caller: JiraCaller): Set<string> {
    const keys = new Set<string>();
    for (const project of this.state.projects.values()) if (this.inProject(caller, project, 'BROWSE_PROJECTS')) keys.add(project.key);
    return keys;
  }
}
