import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppHost } from '../runtime/appHost';
import { runInFrame } from '../runtime/forgeGlobals';

/**
 * Runs an automation action the way a rule does: its configured inputs (with the rule's
 * `{{issue.key}}` / `{{project.key}}` smart values resolved) as the payload, and the rule actor
 * as the principal, so the app's `asUser()` calls act as that person. (AppHost.invokeFunction
 * runs functions without a user, which is right for web triggers but not for actions.)
 */
export interface RunActionArgs {
  actionKey: string;
  inputs: Record<string, unknown>;
  actorAccountId: string;
  /** The rule's issue: resolves `{{issue.key}}` and `{{project.key}}` in the inputs. */
  issueKey?: string;
}

export interface RunActionResult {
  actionKey: string;
  functionKey: string;
  /** The inputs as the action received them (smart values resolved). */
  inputs: Record<string, unknown>;
  /** `failed`: the action returned `{errors}`, which stops the rule and shows the messages in the audit log. */
  outcome: 'succeeded' | 'failed';
  result: unknown;
  errors: string[];
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function loadHandler(host: AppHost, functionKey: string): (payload: unknown, context: unknown) => unknown {
  const ref = host.manifest.functions[functionKey];
  if (!ref) throw new Error(`manifest.yml has no function "${functionKey}".`);
  const dot = ref.lastIndexOf('.');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app is loaded after the globals, on demand
  const loaded = require(path.join(REPO_ROOT, 'src', ref.slice(0, dot))) as Record<string, unknown>;
  const handler = loaded[ref.slice(dot + 1)];
  if (typeof handler !== 'function') throw new Error(`Function "${functionKey}" (${ref}) is not an exported function.`);
  return handler as (payload: unknown, context: unknown) => unknown;
}

async function smartValues(host: AppHost, issueKey: string | undefined): Promise<Record<string, string>> {
  if (!issueKey) return {};
  const response = await host.jira.handle({
    method: 'GET',
    pathWithQuery: `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=project`,
    headers: {},
    caller: { kind: 'app' },
    workbench: true,
  });
  if (response.status !== 200) throw new Error(`The rule's issue ${issueKey} does not exist in the workbench's Jira.`);
  const issue = JSON.parse(response.body) as { key: string; id: string; fields?: { project?: { key?: string } } };
  return { 'issue.key': issue.key, 'issue.id': issue.id, 'project.key': issue.fields?.project?.key ?? '' };
}

function resolve(value: unknown, values: Record<string, string>): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export async function runActionAsRule(host: AppHost, args: RunActionArgs): Promise<RunActionResult> {
  const action = host.manifest.actions.find((candidate) => candidate.key === args.actionKey);
  if (!action) throw new Error(`manifest.yml has no action "${args.actionKey}".`);
  host.activate();
  const values = await smartValues(host, args.issueKey);
  const inputs = Object.fromEntries(Object.entries(args.inputs).map(([name, value]) => [name, resolve(value, values)]));
  const handler = loadHandler(host, action.function);
  const frame = {
    accountId: args.actorAccountId,
    moduleKey: action.key,
    functionKey: action.function,
    invocationId: randomUUID(),
    kind: 'action' as const,
    deadline: Date.now() + 25_000,
  };
  const context = { installContext: host.contextAri(), cloudId: host.cloudId(), principal: { accountId: args.actorAccountId } };
  const raw = await runInFrame(frame, () => handler(JSON.parse(JSON.stringify(inputs)), context));
  const result = raw === undefined ? undefined : (JSON.parse(JSON.stringify(raw)) as unknown);
  const errors = Array.isArray((result as { errors?: unknown } | undefined)?.errors)
    ? (result as { errors: Array<{ message?: unknown }> }).errors.map((error) => String(error.message))
    : [];
  return { actionKey: action.key, functionKey: action.function, inputs, outcome: errors.length ? 'failed' : 'succeeded', result, errors };
}
