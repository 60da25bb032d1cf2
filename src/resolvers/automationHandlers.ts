import { randomBytes } from 'node:crypto';
import { webTrigger } from '@forge/api';
import { actionInputSchemas, inputProblems } from '../automation/actionInputs';
import type { AutomationFormProcess } from '../contract/automationContract';
import { DomainError } from '../domain/errors';
import { isJiraAdmin } from '../jira/permissions';
import { readAutoLinkRules, writeAutoLinkRules } from '../storage/autoLinkRulesStore';
import { listProcesses, listValueStreams } from '../storage/catalogStore';
import { readWebTriggerSecret, writeWebTriggerSecret, type WebTriggerSecret } from '../storage/webTriggerSecret';
import type { ResolverHandler } from './defineResolvers';

export const AUTOMATION_WEB_TRIGGER_KEY = 'process-loop-automation-webhook';

async function formProcesses(): Promise<AutomationFormProcess[]> {
  const [processes, streams] = await Promise.all([listProcesses(), listValueStreams()]);
  const streamsByKey = new Map(streams.map((stream) => [stream.key, stream]));
  return processes
    .filter((process) => process.status !== 'retired')
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((process) => ({
      key: process.key,
      name: process.name,
      status: process.status as 'draft' | 'active',
      stages: (process.valueStreamKey ? streamsByKey.get(process.valueStreamKey)?.stages : undefined) ?? [],
      kpis: process.kpis.map(({ id, name, unit }) => ({ id, name, unit })),
    }));
}

async function webTriggerUrl(): Promise<string | null> {
  try {
    return await webTrigger.getUrl(AUTOMATION_WEB_TRIGGER_KEY);
  } catch (error) {
    console.warn('Could not get the web trigger URL', error);
    return null;
  }
}

function webTriggerView(secret: WebTriggerSecret | null, url: string | null, admin: boolean) {
  return { url, secret: admin ? (secret?.secret ?? null) : null, rotatedAt: secret?.rotatedAt ?? null, rotatedBy: secret?.rotatedBy ?? null };
}

async function requireAdmin(what: string): Promise<void> {
  if (!(await isJiraAdmin())) throw new DomainError('forbidden', `Only Jira administrators can ${what}.`);
}

const getAutomationFormOptions: ResolverHandler<'getAutomationFormOptions'> = async () => ({ processes: await formProcesses() });

const validateAutomationInputs: ResolverHandler<'validateAutomationInputs'> = ({ actionKey, inputs }) => {
  const parsed = actionInputSchemas[actionKey].safeParse(inputs);
  return Promise.resolve(parsed.success ? { valid: true, fields: {} } : { valid: false, fields: inputProblems(parsed.error) });
};

const getAutomationSettings: ResolverHandler<'getAutomationSettings'> = async () => {
  const [admin, rules, secret, url, processes] = await Promise.all([isJiraAdmin(), readAutoLinkRules(), readWebTriggerSecret(), webTriggerUrl(), formProcesses()]);
  return { isJiraAdmin: admin, autoLinkRules: rules, webTrigger: webTriggerView(secret, url, admin), processes };
};

const saveAutoLinkRules: ResolverHandler<'saveAutoLinkRules'> = async ({ rules, expectedVersion }, context) => {
  await requireAdmin('change auto-link rules');
  const current = await readAutoLinkRules();
  if (current.version !== expectedVersion) return { outcome: 'conflict', autoLinkRules: current };
  const known = new Set((await formProcesses()).map((process) => process.key));
  const fields: Record<string, string> = {};
  rules.forEach((rule, index) => {
    if (!known.has(rule.processKey)) fields[`rules.${index}.processKey`] = `There is no usable process with key ${rule.processKey}.`;
  });
  if (new Set(rules.map((rule) => rule.id)).size !== rules.length) fields.rules = 'Rule ids must be unique.';
  if (Object.keys(fields).length) throw new DomainError('invalid', 'Some rules are not valid.', { fields });
  return { outcome: 'saved', autoLinkRules: await writeAutoLinkRules(rules, current.version + 1, context.accountId, new Date()) };
};

const rotateWebTriggerSecret: ResolverHandler<'rotateWebTriggerSecret'> = async (_payload, context) => {
  await requireAdmin('rotate the web trigger secret');
  const secret = await writeWebTriggerSecret({ secret: randomBytes(32).toString('hex'), rotatedAt: new Date().toISOString(), rotatedBy: context.accountId });
  return webTriggerView(secret, await webTriggerUrl(), true);
};

/** Handlers of `automationContract`. */
export const automationHandlers = {
  getAutomationFormOptions,
  validateAutomationInputs,
  getAutomationSettings,
  saveAutoLinkRules,
  rotateWebTriggerSecret,
};
