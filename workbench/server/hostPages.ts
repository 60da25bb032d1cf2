import type { DatasetUser } from '../datasets/datasetSchema';
import type { TourStep } from '../demo/demoTour';
import { escapeHtml as e } from './http';
import { THEME_ATTRIBUTE, type ColorMode } from './tokensCss';

/**
 * The Jira-like pages around the app: plain server-rendered HTML styled with the Atlassian tokens (so
 * they look native in light and dark), no inline scripts — /workbench/host.js adds the behaviour.
 */
export interface PageFrame {
  title: string;
  colorMode: ColorMode;
  users: DatasetUser[];
  actingAccountId: string | null;
  /** Project links for the top bar. */
  projects: Array<{ key: string; name: string }>;
  /** Adds a class to <body> (e.g. a full-page app). */
  bodyClass?: string;
}

export function page(frame: PageFrame, main: string): string {
  const options = frame.users
    .map(
      (user) =>
        `<option value="${e(user.accountId)}"${user.accountId === frame.actingAccountId ? ' selected' : ''}>${e(user.displayName)} (${e(user.role)})</option>`,
    )
    .join('');
  const projectLinks = frame.projects
    .map(
      (project) =>
        `<a class="wb-nav-link" href="/projects/${encodeURIComponent(project.key)}/process-loop">${e(project.name)}: Process Loop</a>`,
    )
    .join('');
  const nextMode = frame.colorMode === 'dark' ? 'light' : 'dark';
  return `<!doctype html>
<html lang="en" data-color-mode="${frame.colorMode}" data-theme="${THEME_ATTRIBUTE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(frame.title)} - Jira (workbench)</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link id="wb-tokens" rel="stylesheet" href="/workbench/tokens/${frame.colorMode}.css">
<link rel="stylesheet" href="/workbench/host.css">
<script src="/workbench/host.js" defer></script>
</head>
<body class="${e(frame.bodyClass ?? '')}">
<header class="wb-topnav" data-testid="wb-header">
  <a class="wb-logo" href="/"><span class="wb-logo-mark" aria-hidden="true"></span>Jira <span class="wb-logo-sub">workbench</span></a>
  <nav class="wb-nav" aria-label="Projects">${projectLinks}<a class="wb-nav-link" href="/issues">Search issues</a></nav>
  <div class="wb-topnav-right">
    <label class="wb-user-label" for="wb-user-switcher">Acting as</label>
    <select id="wb-user-switcher" class="wb-select" data-testid="user-switcher">${options}</select>
    <button type="button" id="wb-theme-switch" class="wb-button" data-testid="theme-switch" data-next-mode="${nextMode}" aria-pressed="${frame.colorMode === 'dark'}">Dark theme</button>
  </div>
</header>
<main class="wb-main">
${main}
</main>
<div id="wb-flags" class="wb-flags" aria-live="polite" data-testid="host-flags"></div>
</body>
</html>
`;
}

export interface IssueView {
  id: string;
  key: string;
  summary: string;
  description: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  issueType: string;
  priority: string | null;
  assignee: string | null;
  reporter: string | null;
  labels: string[];
  sprints: Array<{ name: string; state: string }>;
  project: { key: string; name: string };
}

const LOZENGE_BY_CATEGORY = { new: 'default', indeterminate: 'inprogress', done: 'success' } as const;

export function issueDetails(issue: IssueView): string {
  const row = (label: string, value: string, testId: string) =>
    `<div class="wb-field"><dt>${e(label)}</dt><dd data-testid="${testId}">${value}</dd></div>`;
  const none = '<span class="wb-subtle">None</span>';
  const labels = issue.labels.length ? issue.labels.map((label) => `<span class="wb-tag">${e(label)}</span>`).join(' ') : none;
  const sprint =
    issue.sprints
      .filter((s) => s.state !== 'closed')
      .map((s) => e(s.name))
      .join(', ') || none;
  return `<dl class="wb-fields" data-testid="issue-details">
    ${row('Assignee', issue.assignee ? e(issue.assignee) : '<span class="wb-subtle">Unassigned</span>', 'issue-assignee')}
    ${row('Reporter', issue.reporter ? e(issue.reporter) : none, 'issue-reporter')}
    ${row('Labels', labels, 'issue-labels')}
    ${row('Sprint', sprint, 'issue-sprint')}
    ${row('Priority', issue.priority ? e(issue.priority) : none, 'issue-priority')}
  </dl>`;
}

export function issuePage(issue: IssueView, panel: { title: string; frame: string } | null): string {
  const lozenge = LOZENGE_BY_CATEGORY[issue.status.category];
  return `<div class="wb-issue" data-testid="issue-view" data-issue-key="${e(issue.key)}">
  <nav class="wb-breadcrumbs" aria-label="Breadcrumbs">
    <a href="/projects/${encodeURIComponent(issue.project.key)}/process-loop">${e(issue.project.name)}</a>
    <span aria-hidden="true">/</span>
    <span class="wb-issue-type" data-testid="issue-type">${e(issue.issueType)}</span>
    <span aria-hidden="true">/</span>
    <a href="/browse/${encodeURIComponent(issue.key)}" data-testid="issue-key">${e(issue.key)}</a>
  </nav>
  <div class="wb-issue-columns">
    <section class="wb-issue-main">
      <h1 class="wb-summary" data-testid="issue-summary">${e(issue.summary)}</h1>
      <h2 class="wb-section-title">Description</h2>
      <div class="wb-description">${issue.description ? e(issue.description) : '<span class="wb-subtle">Add a description…</span>'}</div>
      ${
        panel
          ? `<section class="wb-app-panel" aria-label="${e(panel.title)}">
        <h2 class="wb-section-title"><span class="wb-app-icon" aria-hidden="true"></span>${e(panel.title)}</h2>
        ${panel.frame}
      </section>`
          : ''
      }
    </section>
    <aside class="wb-issue-side">
      <span class="wb-lozenge wb-lozenge-${lozenge}" data-testid="issue-status">${e(issue.status.name)}</span>
      <div class="wb-details-box">
        <h2 class="wb-details-title">Details</h2>
        ${issueDetails(issue)}
      </div>
    </aside>
  </div>
</div>`;
}

/** Jira's issue navigator, reduced to what finding linked work needs: a JQL box and the matching issues. */
export function issueSearchPage(
  jql: string,
  result: {
    issues: Array<{ key: string; summary: string; status: IssueView['status']; issueType: string }>;
    error: string | null;
    more: boolean;
  } | null,
): string {
  const rows = (result?.issues ?? [])
    .map(
      (
        issue,
      ) => `<tr data-testid="search-result-row"><td>${e(issue.issueType)}</td><td><a href="/browse/${encodeURIComponent(issue.key)}">${e(issue.key)}</a></td><td>${e(issue.summary)}</td>
<td><span class="wb-lozenge wb-lozenge-${LOZENGE_BY_CATEGORY[issue.status.category]}">${e(issue.status.name)}</span></td></tr>`,
    )
    .join('');
  const outcome = !result
    ? '<p class="wb-subtle">Try <code>asmProcess = INC</code>, <code>asmValueStream = RUN AND statusCategory != Done</code> or <code>sprint in openSprints()</code>.</p>'
    : result.error
      ? `<p class="wb-error" role="alert" data-testid="search-error">${e(result.error)}</p>`
      : result.issues.length === 0
        ? '<p data-testid="search-empty">No issues match, or none that you may see.</p>'
        : `<p class="wb-subtle" data-testid="search-count">${result.issues.length}${result.more ? '+' : ''} issue${result.issues.length === 1 ? '' : 's'}</p>
<table class="wb-table" data-testid="search-results"><thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<div class="wb-index" data-testid="issue-search">
  <h1 class="wb-page-title">Search issues</h1>
  <form method="get" action="/issues" class="wb-search-form">
    <label for="wb-jql">JQL</label>
    <input id="wb-jql" name="jql" class="wb-input" type="search" value="${e(jql)}" size="60" data-testid="jql-input">
    <button type="submit" class="wb-button">Search</button>
  </form>
  ${outcome}
</div>`;
}

/** Jira's answer when the issue does not exist or the user may not browse it (the two look the same). */
export function cannotViewIssuePage(issueKey: string): string {
  return `<div class="wb-empty" data-testid="issue-not-viewable">
  <div class="wb-empty-art" aria-hidden="true"></div>
  <h1>You can't view this issue</h1>
  <p>It may have been deleted or you don't have permission to view it right now.</p>
  <p class="wb-subtle">Issue ${e(issueKey)}</p>
  <p><a href="/">Go to the workbench start page</a></p>
</div>`;
}

export function cannotViewProjectPage(projectKey: string): string {
  return `<div class="wb-empty" data-testid="project-not-viewable">
  <div class="wb-empty-art" aria-hidden="true"></div>
  <h1>You can't view this project</h1>
  <p>It may have been deleted or you don't have permission to view it.</p>
  <p class="wb-subtle">Project ${e(projectKey)}</p>
  <p><a href="/">Go to the workbench start page</a></p>
</div>`;
}

export function notFoundPage(message: string): string {
  return `<div class="wb-empty" data-testid="not-found">
  <h1>Page not found</h1>
  <p>${e(message)}</p>
  <p><a href="/">Go to the workbench start page</a></p>
</div>`;
}

/** The iframe for a Custom UI module; host.js wires the bridge to it by `data-forge-frame`. */
export function moduleFrame(options: {
  frameId: string;
  resource: string;
  title: string;
  context: Record<string, unknown>;
  fill: boolean;
}): string {
  return `<iframe id="${e(options.frameId)}" class="wb-app-frame${options.fill ? ' wb-app-frame-fill' : ''}" data-forge-frame="${e(options.frameId)}"
    data-module-key="${e(String(options.context.moduleKey))}" data-context="${e(JSON.stringify(options.context))}"
    title="${e(options.title)}" src="/apps/${encodeURIComponent(options.resource)}/"></iframe>`;
}

export function projectAppPage(project: { key: string; name: string }, module: { title: string; frame: string }): string {
  return `<div class="wb-project-page" data-testid="project-page" data-project-key="${e(project.key)}">
  <nav class="wb-breadcrumbs" aria-label="Breadcrumbs"><span>Projects</span><span aria-hidden="true">/</span><span>${e(project.name)}</span><span aria-hidden="true">/</span><span>${e(module.title)}</span></nav>
  ${module.frame}
</div>`;
}

/** The start page's guided tour: numbered steps, each with who to act as and links that switch to them. */
function tourSection(steps: TourStep[]): string {
  if (steps.length === 0) return '';
  const items = steps
    .map((step) => {
      const links = step.links.map((link) => `<a href="${e(link.href)}">${e(link.label)}</a>`).join(' · ');
      const who = `<span class="wb-subtle">as ${e(step.as.name)} (${e(step.as.role)})</span>`;
      return `<li class="wb-tour-step" data-testid="tour-step"><strong>${e(step.title)}</strong> ${who}<br>
${links}<br><span>${e(step.text)}</span></li>`;
    })
    .join('');
  return `<section aria-labelledby="wb-tour-title" data-testid="start-tour">
  <h2 class="wb-section-title" id="wb-tour-title">Try this first</h2>
  <p>The demo is a service-management team six sprints into Process Loop. Each link switches “Acting as” to the person named.</p>
  <ol class="wb-tour">${items}</ol>
</section>`;
}

export function indexPage(options: {
  projects: Array<{ key: string; name: string }>;
  issues: Array<{ key: string; summary: string }>;
  users: DatasetUser[];
  tour?: TourStep[];
}): string {
  const issues = options.issues
    .map((issue) => `<li><a href="/browse/${encodeURIComponent(issue.key)}">${e(issue.key)}</a> ${e(issue.summary)}</li>`)
    .join('');
  const projects = options.projects
    .map(
      (project) =>
        `<li><a href="/projects/${encodeURIComponent(project.key)}/process-loop">${e(project.name)} (${e(project.key)})</a>: the Process Loop project page</li>`,
    )
    .join('');
  const users = options.users
    .map((user) => `<tr><td>${e(user.displayName)}</td><td>${e(user.role)}</td><td><code>${e(user.accountId)}</code></td></tr>`)
    .join('');
  return `<div class="wb-index" data-testid="workbench-index">
  <h1 class="wb-page-title">Process Loop workbench</h1>
  <p>The app's own code and Atlassian's @forge libraries, running against a local Jira stand-in. Pick who you are with “Acting as”.</p>
  ${tourSection(options.tour ?? [])}
  <h2 class="wb-section-title">Projects</h2>
  <ul>${projects || '<li class="wb-subtle">No projects: seed a dataset.</li>'}</ul>
  <h2 class="wb-section-title">Issues</h2>
  <ul>${issues || '<li class="wb-subtle">No issues.</li>'}</ul>
  <h2 class="wb-section-title">Users</h2>
  <table class="wb-table"><thead><tr><th>Name</th><th>Role</th><th>Account id</th></tr></thead><tbody>${users}</tbody></table>
  <h2 class="wb-section-title">HTTP API</h2>
  <p>JSON endpoints under <code>/workbench/*</code> (users, invoke, events, seed, reset, requests, rate-limits), Jira under <code>/rest/*</code>: see README.md, “Workbench HTTP API”. <a href="/workbench/users">GET /workbench/users</a></p>
</div>`;
}
