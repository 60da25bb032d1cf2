import type { AutoLinkRule } from '../../domain/autoLink/autoLinkRules';
import { DomainError } from '../../domain/errors';
import { readAutoLinkRules, writeAutoLinkRules, type StoredAutoLinkRules } from '../../storage/autoLinkRulesStore';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import type { Actor } from '../actor';
import { loadViewer } from '../viewer';
import { requireAdmin } from './requireAdmin';
import { loadWebTriggerSettings, type WebTriggerSettings } from './webTriggerSecret';

/** The ordered rules with the version a save must name, and who saved them last. */
export interface AutoLinkRuleSet {
  rules: AutoLinkRule[];
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A process an automation form or rule may name (retired ones may not), with what the forms offer of it. */
export interface AutomationProcess {
  key: string;
  name: string;
  status: 'draft' | 'active';
  stages: Array<{ id: string; name: string }>;
  kpis: Array<{ id: string; name: string; unit: string }>;
}

/** The stored record as the use cases speak of it: storage may add bookkeeping the screens never see. */
const toRuleSet = ({ rules, version, updatedAt, updatedBy }: StoredAutoLinkRules): AutoLinkRuleSet => ({
  rules,
  version,
  updatedAt,
  updatedBy,
});

export async function listAutomationProcesses(): Promise<AutomationProcess[]> {
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

export interface AutomationSettings {
  isJiraAdmin: boolean;
  autoLinkRules: AutoLinkRuleSet;
  webTrigger: WebTriggerSettings;
  processes: AutomationProcess[];
}

/** The admin section: everyone may read the rules; the web trigger's secret is for Jira admins only. */
export async function getAutomationSettings(actor: Actor): Promise<AutomationSettings> {
  const [viewer, rules, webTrigger, processes] = await Promise.all([
    loadViewer(actor),
    readAutoLinkRules(),
    loadWebTriggerSettings(),
    listAutomationProcesses(),
  ]);
  return { isJiraAdmin: viewer.isJiraAdmin, autoLinkRules: toRuleSet(rules), webTrigger: webTrigger(viewer.isJiraAdmin), processes };
}

export type SaveRulesOutcome = { outcome: 'saved' | 'conflict'; autoLinkRules: AutoLinkRuleSet };

/** Jira admins replace the ordered rule list; `conflict` when someone saved a newer version first. */
export async function saveAutoLinkRules(
  input: { rules: AutoLinkRule[]; expectedVersion: number },
  actor: Actor,
): Promise<SaveRulesOutcome> {
  const viewer = await loadViewer(actor);
  requireAdmin(viewer, 'change auto-link rules');
  const current = await readAutoLinkRules();
  if (current.version !== input.expectedVersion) return { outcome: 'conflict', autoLinkRules: toRuleSet(current) };
  const known = new Set((await listAutomationProcesses()).map((process) => process.key));
  const fields: Record<string, string> = {};
  input.rules.forEach((rule, index) => {
    if (!known.has(rule.processKey)) fields[`rules.${index}.processKey`] = `There is no usable process with key ${rule.processKey}.`;
  });
  if (new Set(input.rules.map((rule) => rule.id)).size !== input.rules.length) fields.rules = 'Rule ids must be unique.';
  if (Object.keys(fields).length) throw new DomainError('invalid', 'Some rules are not valid.', { fields });
  const saved = await writeAutoLinkRules(input.rules, current.version, viewer.accountId, new Date());
  if (!saved) return { outcome: 'conflict', autoLinkRules: toRuleSet(await readAutoLinkRules()) };
  return { outcome: 'saved', autoLinkRules: toRuleSet(saved) };
}
