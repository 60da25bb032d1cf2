import type { Dataset } from '../datasets/datasetSchema';
import type { JiraHttpResponse } from '../jira/types';
import { HttpError } from './http';
import type { UiModule } from './manifestModules';
import type { ServerPlatform } from './platformPort';

/**
 * A module's Forge context, built by the HOST from what it knows (the module and the issue or project
 * in the URL, looked up in Jira as the app) — never taken from the iframe, so an app cannot claim to
 * be open on another issue. Shapes follow Forge's `view.getContext()` for Jira modules.
 */
export const WORKBENCH_ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000f0f0';

export interface ProjectRef {
  id: string;
  key: string;
  type: string;
}

export type ModuleExtension =
  | { type: 'jira:issuePanel'; issue: { id: string; key: string; type: string; typeId: string }; project: ProjectRef; isNewToIssue: false }
  | { type: 'jira:projectPage'; project: ProjectRef };

export interface ModuleTarget {
  issue?: { id?: string | undefined; key?: string | undefined } | undefined;
  project?: { id?: string | undefined; key?: string | undefined } | undefined;
}

async function getAsApp(platform: ServerPlatform, path: string): Promise<JiraHttpResponse> {
  return platform.jira.handle({
    method: 'GET',
    pathWithQuery: path,
    headers: { accept: 'application/json' },
    caller: { kind: 'app' },
    workbench: true,
  });
}

function parseBody<T>(response: JiraHttpResponse): T {
  return JSON.parse(response.body) as T;
}

type IssueBean = {
  id: string;
  key: string;
  fields: { issuetype?: { id: string; name: string }; project?: { id: string; key: string; projectTypeKey?: string } };
};
type ProjectBean = { id: string; key: string; projectTypeKey?: string };

/** The module's extension data, or a 400 naming what does not exist. */
export async function resolveExtension(platform: ServerPlatform, module: UiModule, target: ModuleTarget): Promise<ModuleExtension> {
  if (module.type === 'jira:issuePanel') {
    const idOrKey = target.issue?.key ?? target.issue?.id;
    if (!idOrKey)
      throw new HttpError(400, 'context.extension.issue: the issue panel needs an issue key or id.', { path: 'context.extension.issue' });
    const response = await getAsApp(platform, `/rest/api/3/issue/${encodeURIComponent(idOrKey)}?fields=project,issuetype`);
    if (response.status !== 200) {
      throw new HttpError(400, `context.extension.issue: there is no issue ${idOrKey}.`, { path: 'context.extension.issue' });
    }
    const issue = parseBody<IssueBean>(response);
    const project = issue.fields.project;
    const issueType = issue.fields.issuetype;
    if (!project || !issueType) throw new HttpError(502, `Jira answered issue ${idOrKey} without its project or issue type.`);
    return {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: issueType.name, typeId: issueType.id },
      project: { id: project.id, key: project.key, type: project.projectTypeKey ?? 'software' },
      isNewToIssue: false,
    };
  }
  const idOrKey = target.project?.key ?? target.project?.id;
  if (!idOrKey)
    throw new HttpError(400, 'context.extension.project: the project page needs a project key or id.', {
      path: 'context.extension.project',
    });
  const response = await getAsApp(platform, `/rest/api/3/project/${encodeURIComponent(idOrKey)}`);
  if (response.status !== 200) {
    throw new HttpError(400, `context.extension.project: there is no project ${idOrKey}.`, { path: 'context.extension.project' });
  }
  const project = parseBody<ProjectBean>(response);
  return { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: project.projectTypeKey ?? 'software' } };
}

function appId(platform: ServerPlatform): string {
  const raw = platform.manifest.raw as { app?: { id?: unknown } } | null;
  const id = typeof raw?.app?.id === 'string' ? raw.app.id : 'workbench-app';
  return id.replace(/^ari:cloud:ecosystem::app\//, '');
}

function localId(platform: ServerPlatform, module: UiModule): string {
  return `ari:cloud:ecosystem::extension/${appId(platform)}/${WORKBENCH_ENVIRONMENT_ID}/static/${module.key}`;
}

/** What the resolver receives as `context` (Forge adds accountId, installContext, license itself). */
export function resolverContext(platform: ServerPlatform, module: UiModule, extension: ModuleExtension): Record<string, unknown> {
  const site: Dataset['site'] = platform.jira.site();
  return {
    cloudId: site.cloudId,
    siteUrl: site.baseUrl,
    moduleKey: module.key,
    localId: localId(platform, module),
    environmentId: WORKBENCH_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension,
  };
}

/** What `view.getContext()` answers in the browser; the host page adds the live `theme`. */
export function frontendContext(
  platform: ServerPlatform,
  module: UiModule,
  extension: ModuleExtension,
  accountId: string | null,
): Record<string, unknown> {
  const user = platform.jira.users().find((candidate) => candidate.accountId === accountId);
  return {
    ...resolverContext(platform, module, extension),
    ...(accountId ? { accountId } : {}),
    locale: 'en-US',
    timezone: user?.timeZone ?? 'UTC',
    surfaceColor: null,
  };
}
