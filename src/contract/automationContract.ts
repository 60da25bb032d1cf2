import { z } from 'zod';
import { autoLinkRuleSchema, autoLinkRulesSchema } from '../domain/autoLink/autoLinkRules';

/**
 * Automation: the action configuration forms' options and validation, and the admin
 * section for auto-link rules and the web trigger's signing secret.
 */
/** The app's Jira Automation actions: the `action` module keys of manifest.yml (checked by a test). */
export const AUTOMATION_ACTION_KEYS = ['link-work-item-to-process', 'create-process-improvement-story', 'record-kpi-reading'] as const;
export type AutomationActionKey = (typeof AUTOMATION_ACTION_KEYS)[number];
const automationActionKeySchema = z.enum(AUTOMATION_ACTION_KEYS);

const formProcessSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'active']),
  stages: z.array(z.object({ id: z.string(), name: z.string() })),
  kpis: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() })),
});

/** The ordered rules as the admin section edits them (the use case maps the stored record to this). */
const autoLinkRuleSetSchema = z.object({
  rules: z.array(autoLinkRuleSchema),
  version: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

const webTriggerSettingsSchema = z.object({
  url: z.string().nullable(),
  /** Only Jira admins see the secret; everyone else gets null. */
  secret: z.string().nullable(),
  rotatedAt: z.string().nullable(),
  rotatedBy: z.string().nullable(),
});

export const automationContract = {
  /** Action configuration forms: the processes that can be picked, with their stages and KPIs. */
  getAutomationFormOptions: {
    payload: z.object({}).strict(),
    result: z.object({ processes: z.array(formProcessSchema) }),
  },
  /** Action configuration forms: the run-time validation, asked before the form is submitted. */
  validateAutomationInputs: {
    payload: z.object({ actionKey: automationActionKeySchema, inputs: z.record(z.string(), z.unknown()) }).strict(),
    result: z.object({ valid: z.boolean(), fields: z.record(z.string(), z.string()) }),
  },
  /** Admin section: auto-link rules (everyone may read them) and the web trigger (the secret: Jira admins only). */
  getAutomationSettings: {
    payload: z.object({}).strict(),
    result: z.object({
      isJiraAdmin: z.boolean(),
      autoLinkRules: autoLinkRuleSetSchema,
      webTrigger: webTriggerSettingsSchema,
      processes: z.array(formProcessSchema),
    }),
  },
  /** Jira admins: replaces the ordered rule list; `conflict` when someone saved a newer version first. */
  saveAutoLinkRules: {
    payload: z.object({ rules: autoLinkRulesSchema, expectedVersion: z.number().int().nonnegative() }).strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), autoLinkRules: autoLinkRuleSetSchema }),
      z.object({ outcome: z.literal('conflict'), autoLinkRules: autoLinkRuleSetSchema }),
    ]),
  },
  /** Jira admins: a new signing secret; requests signed with the old one stop working at once. */
  rotateWebTriggerSecret: {
    payload: z.object({}).strict(),
    result: webTriggerSettingsSchema,
  },
} as const;

export type AutomationFormProcess = z.infer<typeof formProcessSchema>;
