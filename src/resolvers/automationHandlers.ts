import { actionInputSchemas, inputProblems } from '../automation/actionInputs';
import { getAutomationSettings, listAutomationProcesses, saveAutoLinkRules } from '../useCases/automation/autoLinkRules';
import { rotateWebTriggerSecret } from '../useCases/automation/webTriggerSecret';
import type { ResolverHandler } from './defineResolvers';
import { actorOf } from './invocationContext';

/** The form's check is the action's own input schema: what the form accepts, the action runs. */
const validateAutomationInputs: ResolverHandler<'validateAutomationInputs'> = ({ actionKey, inputs }) => {
  const parsed = actionInputSchemas[actionKey].safeParse(inputs);
  return Promise.resolve(parsed.success ? { valid: true, fields: {} } : { valid: false, fields: inputProblems(parsed.error) });
};

/** Handlers of `automationContract`. */
export const automationHandlers = {
  getAutomationFormOptions: (async () => ({
    processes: await listAutomationProcesses(),
  })) satisfies ResolverHandler<'getAutomationFormOptions'>,
  validateAutomationInputs,
  getAutomationSettings: ((_payload, context) =>
    getAutomationSettings(actorOf(context))) satisfies ResolverHandler<'getAutomationSettings'>,
  saveAutoLinkRules: ((payload, context) => saveAutoLinkRules(payload, actorOf(context))) satisfies ResolverHandler<'saveAutoLinkRules'>,
  rotateWebTriggerSecret: ((_payload, context) =>
    rotateWebTriggerSecret(actorOf(context))) satisfies ResolverHandler<'rotateWebTriggerSecret'>,
};
