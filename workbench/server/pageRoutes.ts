import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNT_COOKIE, pageUser } from './actingUser';
import { serveResourceFile } from './appResources';
import { avatarSvg, issueTypeIconSvg } from './avatars';
import {
  cannotViewIssuePage,
  cannotViewProjectPage,
  indexPage,
  issuePage,
  issueSearchPage,
  moduleFrame,
  page,
  projectAppPage,
  type PageFrame,
} from './hostPages';
import { HttpError, cookieHeader, html, type WorkbenchRequest, type WorkbenchResponse } from './http';
import { callerFor, readIssueAs, readProjectAs, searchIssuesAs, siteSample } from './jiraReads';
import { firstModuleOfType, type ServerManifest } from './manifestModules';
import { frontendContext, resolveExtension } from './moduleContext';
import type { ServerPlatform } from './platformPort';
import type { Route } from './router';
import { isColorMode, tokensCss, type ColorMode } from './tokensCss';
import { demoTour } from '../demo/demoTour';

/** The browser-facing routes: host pages, the bridge and host scripts, token CSS, the app resources. */
export const THEME_COOKIE = 'wb-theme';
const ISSUE_KEY = /^[A-Z][A-Z0-9]+-\d+$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9]{1,9}$/;
const ASSETS_DIR = path.join(__dirname, 'assets');

export interface PageDeps {
  platform: ServerPlatform;
  manifest: ServerManifest;
  appRoot: string;
}

function colorModeOf(req: WorkbenchRequest): ColorMode {
  const value = req.cookies[THEME_COOKIE];
  return isColorMode(value) ? value : 'light';
}

/** Who the page is rendered for; a first visit gets the default user's cookie so the frame's calls agree. */
async function frameFor(deps: PageDeps, req: WorkbenchRequest, title: string, bodyClass?: string) {
  const users = deps.platform.jira.users();
  // `?as=<accountId>` (the start page's tour links) switches the acting user, as the switcher does.
  const asked = users.find((candidate) => candidate.accountId === req.query.get('as'));
  const user = asked ?? pageUser(req, users);
  const accountId = user?.accountId ?? null;
  const frame: PageFrame = {
    title,
    colorMode: colorModeOf(req),
    users,
    actingAccountId: accountId,
    projects: (await siteSample(deps.platform, callerFor(accountId))).projects,
    ...(bodyClass ? { bodyClass } : {}),
  };
  const headers: Record<string, string> =
    accountId && req.cookies[ACCOUNT_COOKIE] !== accountId ? { 'set-cookie': cookieHeader(ACCOUNT_COOKIE, accountId) } : {};
  return { frame, accountId, headers };
}

function svg(body: string): WorkbenchResponse {
  return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }, body };
}

function asset(name: string, type: string): WorkbenchResponse {
  return { status: 200, headers: { 'content-type': type }, body: fs.readFileSync(path.join(ASSETS_DIR, name)) };
}

export function pageRoutes(deps: PageDeps): Route[] {
  const { platform, manifest } = deps;
  return [
    {
      method: 'GET',
      pattern: '/',
      handler: async (req) => {
        const { frame, accountId, headers } = await frameFor(deps, req, 'Workbench');
        const { projects, issues } = await siteSample(platform, { kind: 'app' });
        // The tour names the demo's confirmed improvement story, and the CHG story whose outcome was rewritten outside the
        // app, when the demo story was played.
        const demo = projects.some((project) => project.key === 'ITSM');
        const firstOf = async (jql: string) => (demo ? ((await searchIssuesAs(platform, accountId, jql, 1)).issues[0]?.key ?? null) : null);
        const [improvementKey, tamperedKey] = await Promise.all([
          firstOf('project = ITSM AND issuetype = "Process Improvement" AND asmProcess = INC AND statusCategory = Done ORDER BY key ASC'),
          firstOf('project = ITSM AND asmImprovementProcess = CHG AND asmOutcome IS NOT EMPTY ORDER BY key ASC'),
        ]);
        const tour = demoTour({ improvementKey, tamperedKey });
        return html(200, page(frame, indexPage({ projects, issues, users: frame.users, tour })), headers);
      },
    },
    {
      method: 'GET',
      pattern: '/browse/:issueKey',
      handler: async (req) => {
        const issueKey = req.params.issueKey ?? '';
        if (!ISSUE_KEY.test(issueKey)) throw new HttpError(400, `${JSON.stringify(issueKey)} is not an issue key (like ITSM-1).`);
        const { frame, accountId, headers } = await frameFor(deps, req, issueKey);
        const issue = await readIssueAs(platform, accountId, issueKey);
        if (!issue) return html(404, page({ ...frame, title: "You can't view this issue" }, cannotViewIssuePage(issueKey)), headers);
        const module = firstModuleOfType(manifest, 'jira:issuePanel');
        let panel: { title: string; frame: string } | null = null;
        if (module) {
          const extension = await resolveExtension(platform, module, { issue: { key: issue.key } });
          const context = frontendContext(platform, module, extension, accountId);
          panel = {
            title: module.title,
            frame: moduleFrame({
              frameId: `${module.key}-${issue.id}`,
              resource: module.resource,
              title: module.title,
              context,
              fill: false,
            }),
          };
        }
        return html(200, page({ ...frame, title: `[${issue.key}] ${issue.summary}` }, issuePage(issue, panel)), headers);
      },
    },
    {
      method: 'GET',
      pattern: '/issues',
      handler: async (req) => {
        const jql = (req.query.get('jql') ?? '').trim();
        const { frame, accountId, headers } = await frameFor(deps, req, 'Search issues');
        const result = jql ? await searchIssuesAs(platform, accountId, jql) : null;
        return html(200, page({ ...frame, title: 'Search issues' }, issueSearchPage(jql, result)), headers);
      },
    },
    {
      method: 'GET',
      pattern: '/projects/:projectKey/process-loop',
      handler: async (req) => {
        const projectKey = req.params.projectKey ?? '';
        if (!PROJECT_KEY.test(projectKey)) throw new HttpError(400, `${JSON.stringify(projectKey)} is not a project key (like ITSM).`);
        const { frame, accountId, headers } = await frameFor(deps, req, projectKey, 'wb-full-page');
        const project = await readProjectAs(platform, accountId, projectKey);
        const module = firstModuleOfType(manifest, 'jira:projectPage');
        if (!project || !module)
          return html(404, page({ ...frame, title: "You can't view this project" }, cannotViewProjectPage(projectKey)), headers);
        const extension = await resolveExtension(platform, module, { project: { key: project.key } });
        const context = frontendContext(platform, module, extension, accountId);
        const iframe = moduleFrame({
          frameId: `${module.key}-${project.key}`,
          resource: module.resource,
          title: module.title,
          context,
          fill: true,
        });
        return html(
          200,
          page({ ...frame, title: `${module.title} - ${project.name}` }, projectAppPage(project, { title: module.title, frame: iframe })),
          headers,
        );
      },
    },
    {
      method: 'GET',
      pattern: '/secure/useravatar',
      handler: (req) => {
        const ownerId = req.query.get('ownerId') ?? '';
        const user = platform.jira.users().find((candidate) => candidate.accountId === ownerId);
        return svg(avatarSvg({ label: user?.displayName ?? '?', seed: ownerId, shape: 'circle' }));
      },
    },
    {
      method: 'GET',
      pattern: '/secure/projectavatar',
      handler: async (req) => {
        const pid = req.query.get('pid') ?? '';
        const project = /^\d+$/.test(pid) ? await readProjectAs(platform, null, pid, { kind: 'app' }) : null;
        return svg(avatarSvg({ label: project?.name ?? '?', seed: pid, shape: 'square' }));
      },
    },
    {
      method: 'GET',
      pattern: '/rest/api/2/universal_avatar/view/type/issuetype/avatar/:id',
      handler: (req) => svg(issueTypeIconSvg(req.params.id ?? '')),
    },
    { method: 'GET', pattern: '/favicon.ico', handler: () => asset('favicon.svg', 'image/svg+xml') },
    { method: 'GET', pattern: '/workbench/bridge.js', handler: () => asset('bridge.js', 'text/javascript; charset=utf-8') },
    { method: 'GET', pattern: '/workbench/host.js', handler: () => asset('host.js', 'text/javascript; charset=utf-8') },
    { method: 'GET', pattern: '/workbench/host.css', handler: () => asset('host.css', 'text/css; charset=utf-8') },
    {
      method: 'GET',
      pattern: '/workbench/tokens/:file',
      handler: (req) => {
        const mode = /^(light|dark)\.css$/.exec(req.params.file ?? '')?.[1];
        if (!isColorMode(mode)) throw new HttpError(404, 'Token CSS exists as light.css and dark.css.');
        return {
          status: 200,
          headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' },
          body: tokensCss(mode),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/apps/:resourceKey',
      handler: (req) => ({ status: 302, headers: { location: `/apps/${encodeURIComponent(req.params.resourceKey ?? '')}/` } }),
    },
    {
      method: 'GET',
      pattern: '/apps/:resourceKey/*',
      handler: (req) =>
        serveResourceFile({
          appRoot: deps.appRoot,
          manifest,
          siteUrl: platform.jira.site().baseUrl,
          resourceKey: req.params.resourceKey ?? '',
          filePath: req.params.rest ?? '',
        }),
    },
  ];
}
