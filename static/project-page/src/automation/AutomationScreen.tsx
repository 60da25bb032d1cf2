import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives';
import type { ResultOf } from '../../../../src/contract';
import { AutoLinkRulesEditor } from './AutoLinkRulesEditor';
import { WebTriggerSecretPanel } from './WebTriggerSecretPanel';

export type AutomationSettings = ResultOf<'getAutomationSettings'>;

export function AutomationScreen({ settings, onChange }: { settings: AutomationSettings; onChange: (settings: AutomationSettings) => void }) {
  return (
    <Stack space="space.400">
      <section aria-labelledby="auto-link-heading">
        <Stack space="space.150">
          <Heading as="h2" size="medium" id="auto-link-heading">
            Auto-link rules
          </Heading>
          <p>
            A new work item without a process inherits its parent’s or epic’s. Otherwise the first rule below that matches links it. Links people set are
            never changed.
          </p>
          <AutoLinkRulesEditor
            key={settings.autoLinkRules.version}
            stored={settings.autoLinkRules}
            processes={settings.processes}
            canEdit={settings.isJiraAdmin}
            onSaved={(autoLinkRules) => onChange({ ...settings, autoLinkRules })}
          />
        </Stack>
      </section>
      <section aria-labelledby="web-trigger-heading">
        <Stack space="space.150">
          <Heading as="h2" size="medium" id="web-trigger-heading">
            Web trigger for “Send web request”
          </Heading>
          <WebTriggerSecretPanel webTrigger={settings.webTrigger} isJiraAdmin={settings.isJiraAdmin} onRotated={(webTrigger) => onChange({ ...settings, webTrigger })} />
        </Stack>
      </section>
    </Stack>
  );
}
