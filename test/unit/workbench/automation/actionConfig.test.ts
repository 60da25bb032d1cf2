import {
  actionConfigExtension,
  automationActions,
  findAutomationAction,
  ruleConfigErrors,
  type AutomationAction,
} from '../../../../workbench/automation/actionConfig';
import { parseManifest } from '../../../../workbench/manifest/readManifest';
import { catalogProblems } from '../../../../static/automation-config/src/actionFields';

/** Automation's view of an app action: which actions it offers, and its pre-save checks of a configuration. */
function aManifest(actionExtras = ''): string {
  return `app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000001
modules:
  automation:actionProvider:
    - key: provider
      actions: [log-time]
  action:
    - key: log-time
      name: Log time
      function: log-fn
      actionVerb: CREATE
      description: Logs time on a work item.
      config:
        resource: config-ui${actionExtras}
      inputs:
        issueKey: { title: Work item key, type: string, required: true }
        minutes: { title: Minutes, type: integer, required: false }
    - key: rovo-only
      name: Rovo only
      function: log-fn
      actionVerb: GET
      description: Not offered to Automation.
      inputs: {}
  function:
    - key: log-fn
      handler: index.logTime
`;
}

const action = (): AutomationAction => {
  const found = findAutomationAction(parseManifest(aManifest()), 'log-time');
  if (!found) throw new Error('log-time missing');
  return found;
};

describe('automationActions', () => {
  it('offers only the actions an actionProvider lists, with their inputs and resolver', () => {
    const manifest = parseManifest(aManifest('\n      resolver:\n        function: log-fn'));
    expect(automationActions(manifest).map((candidate) => candidate.key)).toEqual(['log-time']);
    expect(findAutomationAction(manifest, 'log-time')).toMatchObject({
      name: 'Log time',
      config: { resource: 'config-ui' },
      resolver: { function: 'log-fn' },
    });
    expect(findAutomationAction(manifest, 'rovo-only')).toBeNull();
  });
});

describe('ruleConfigErrors', () => {
  it('accepts declared inputs of their types, and smart values for any type', () => {
    expect(ruleConfigErrors(action(), { issueKey: 'ITSM-1', minutes: 30 })).toEqual({});
    expect(ruleConfigErrors(action(), { issueKey: '{{issue.key}}', minutes: '{{issue.timespent}}' })).toEqual({});
  });

  it('flags undeclared inputs, missing required ones and wrong types', () => {
    expect(ruleConfigErrors(action(), { minutes: 2.5, comment: 'x' })).toEqual({
      issueKey: { message: 'Work item key is required.' },
      minutes: { message: 'Minutes must be a whole number.' },
      comment: { message: 'comment is not an input of Log time.' },
    });
  });

  it('flags a configuration over 100 kB', () => {
    expect(ruleConfigErrors(action(), { issueKey: 'x'.repeat(101 * 1024) })['']?.message).toMatch(/100 kB/);
  });

  it('puts the flagged fields into the extension the form opens with', () => {
    expect(actionConfigExtension(action(), {})).toEqual({ type: 'core:action', data: { inputs: {} }, errors: { invalidInputs: {} } });
    expect(actionConfigExtension(action(), { minutes: 'ten' })).toMatchObject({
      errors: { invalidInputs: { issueKey: {}, minutes: { message: 'Minutes must be a whole number.' } } },
    });
  });
});

describe('catalogProblems (the configuration form)', () => {
  it('flags typed process keys the catalog does not know, in any case, but not smart values', () => {
    expect(catalogProblems('link-work-item-to-process', { issueKey: 'ITSM-1', processKey: 'NOPE' }, ['INC'])).toEqual({
      processKey: 'There is no process with key NOPE in the catalog.',
    });
    expect(catalogProblems('link-work-item-to-process', { processKey: 'inc' }, ['INC'])).toEqual({});
    expect(catalogProblems('link-work-item-to-process', { processKey: '{{issue.Process}}' }, ['INC'])).toEqual({});
  });

  it('says nothing while the catalog is unknown', () => {
    expect(catalogProblems('record-kpi-reading', { processKey: 'NOPE' }, null)).toEqual({});
  });
});
