import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ACCOUNT_COOKIE, actingAccountId, pageUser } from '../server/actingUser';
import { cannotViewProjectPage, moduleFrame, page, type PageFrame } from '../server/hostPages';
import { HttpError, cookieHeader, html, json, type WorkbenchRequest, type WorkbenchResponse } from '../server/http';
import { callerFor, readProjectAs, siteSample } from '../server/jiraReads';
import { WORKBENCH_ENVIRONMENT_ID } from '../server/moduleContext';
import { THEME_COOKIE } from '../server/pageRoutes';
import type { ServerPlatform } from '../server/platformPort';
import type { Route } from '../server/router';
import { isColorMode } from '../server/tokensCss';
import {
  ACTION_EXTENSION_TYPE,
  actionConfigExtension,
  automationActions,
  findAutomationAction,
  ruleConfigErrors,
  type ActionInputs,
  type AutomationAction,
} from './actionConfig';
import { actionPickerPage, ruleEditorPage } from './ruleEditorPage';

/**
 * The rule editor page (`GET /automation/rules/new?action=&project=&issue=&inputs=`) and what its
 * configuration frame calls: `invoke` for action modules (`POST /workbench/automation/invoke`, the
 * action's manifest `resolver`) and Automation's pre-save checks (`POST /workbench/automation/rule-config`).
 */
const PROJECT_KEY = /^[A-Z][A-Z0-9]{1,9}$/;
const ASSETS_DIR = path.join(__dirname, 'assets');

const invokeSchema = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  context: z.object({ moduleKey: z.string().min(1) }).passthrough(),
});
const ruleConfigSchema = z.object({ actionKey: z.string().min(1), inputs: z.record(z.string(), z.unknown()) });
const storedInputsSchema = z.record(z.string(), z.unknown());

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new HttpError(
      400,
      `${what}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

function asset(name: string, type: string): WorkbenchResponse {
  return { status: 200, headers: { 'content-type': type }, body: fs.readFileSync(path.join(ASSETS_DIR, name)) };
}

function actionOr404(platform: ServerPlatform, actionKey: string): AutomationAction {
  const action = findAutomationAction(platform.manifest, actionKey);
  if (!action) throw new HttpError(404, `manifest.yml offers Automation no action ${JSON.stringify(actionKey)}.`);
  return action;
}

/** The stored configuration to open the editor with (`?inputs=` JSON), as a saved rule would have it. */
function storedInputs(req: WorkbenchRequest): ActionInputs {
  const raw = req.query.get('inputs');
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'inputs: not valid JSON.');
  }
  return parse(storedInputsSchema, value, 'inputs');
}

/** The frame's Forge context, built by the host (never taken from the frame), as for Jira modules. */
function configContext(
  platform: ServerPlatform,
  action: AutomationAction,
  accountId: string | null,
  extension: Record<string, unknown>,
): Record<string, unknown> {
  const site = platform.jira.site();
  const user = platform.jira.users().find((candidate) => candidate.accountId === accountId);
  return {
    cloudId: site.cloudId,
    siteUrl: site.baseUrl,
    moduleKey: action.key,
    localId: `ari:cloud:ecosystem::extension/${platform.manifest.appId}/${WORKBENCH_ENVIRONMENT_ID}/static/${action.key}`,
    environmentId: WORKBENCH_ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension,
    ...(accountId ? { accountId } : {}),
    locale: 'en-US',
    timezone: user?.timeZone ?? 'UTC',
    surfaceColor: null,
  };
}

async function editorPage(platform: ServerPlatform, req: WorkbenchRequest): Promise<WorkbenchResponse> {
  const users = platform.jira.users();
  const user = pageUser(req, users);
  if (!user) throw new HttpError(409, 'The workbench has no users: seed a dataset first.');
  const headers: Record<string, string> =
    req.cookies[ACCOUNT_COOKIE] !== user.accountId ? { 'set-cookie': cookieHeader(ACCOUNT_COOKIE, user.accountId) } : {};
  const theme = req.cookies[THEME_COOKIE];
  const sample = await siteSample(platform, callerFor(user.accountId));
  const frame: PageFrame = {
    title: 'New rule - Automation',
    colorMode: isColorMode(theme) ? theme : 'light',
    users,
    actingAccountId: user.accountId,
    projects: sample.projects,
  };

  const projectKey = req.query.get('project') ?? sample.projects[0]?.key ?? '';
  if (!PROJECT_KEY.test(projectKey)) throw new HttpError(400, `project: ${JSON.stringify(projectKey)} is not a project key (like ITSM).`);
  const project = await readProjectAs(platform, user.accountId, projectKey);
  if (!project) return html(404, page({ ...frame, title: "You can't view this project" }, cannotViewProjectPage(projectKey)), headers);

  const actionKey = req.query.get('action');
  if (!actionKey) return html(200, page(frame, actionPickerPage(automationActions(platform.manifest), project.key)), headers);
  const action = actionOr404(platform, actionKey);
  if (!action.config) throw new HttpError(400, `Action ${action.key} has no configuration UI (config.resource in manifest.yml).`);

  const context = configContext(platform, action, user.accountId, actionConfigExtension(action, storedInputs(req)));
  // Automation's form frame takes view.submit and answers invoke through the action's own resolver.
  const iframe = moduleFrame({
    frameId: `${action.key}-config`,
    resource: action.config.resource,
    title: `${action.name} configuration`,
    context,
    fill: false,
  }).replace('<iframe ', '<iframe data-submittable="true" data-invoke-path="/workbench/automation/invoke" ');
  const issueKey = req.query.get('issue') ?? '';
  return html(
    200,
    page({ ...frame, title: `${action.name} - New rule` }, ruleEditorPage({ action, project, actor: user, frame: iframe, issueKey })),
    headers,
  );
}

export function ruleEditorRoutes(deps: { platform: ServerPlatform }): Route[] {
  const { platform } = deps;
  return [
    { method: 'GET', pattern: '/automation/rules/new', handler: (req) => editorPage(platform, req) },
    {
      method: 'POST',
      pattern: '/workbench/automation/invoke',
      handler: async (req) => {
        const body = parse(invokeSchema, await req.json(), 'The request is not valid');
        const action = actionOr404(platform, body.context.moduleKey);
        const accountId = actingAccountId(req, platform.jira.users());
        try {
          const result = await platform.host.invokeResolver({
            functionKey: body.functionKey,
            payload: body.payload ?? {},
            accountId,
            moduleKey: action.key,
            context: configContext(platform, action, accountId, { type: ACTION_EXTENSION_TYPE }),
          });
          return json(200, result ?? null);
        } catch (error) {
          // As on Forge: an action without `resolver` in manifest.yml has nothing to answer invoke().
          throw new HttpError(500, error instanceof Error ? error.message : String(error));
        }
      },
    },
    {
      method: 'POST',
      pattern: '/workbench/automation/rule-config',
      handler: async (req) => {
        const body = parse(ruleConfigSchema, await req.json(), 'The request is not valid');
        return json(200, { invalidInputs: ruleConfigErrors(actionOr404(platform, body.actionKey), body.inputs) });
      },
    },
    {
      method: 'GET',
      pattern: '/workbench/automation/rule-editor.js',
      handler: () => asset('ruleEditor.js', 'text/javascript; charset=utf-8'),
    },
    { method: 'GET', pattern: '/workbench/automation/rule-editor.css', handler: () => asset('ruleEditor.css', 'text/css; charset=utf-8') },
  ];
}
