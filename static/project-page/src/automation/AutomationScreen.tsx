import { useState } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { AutoLinkRulesEditor } from './AutoLinkRulesEditor';
import type { AutomationSettings } from './automationSettings';
import { saveAnnouncement, type RulesSaveOutcome } from './ruleWording';
import { WebTriggerSecretPanel } from './WebTriggerSecretPanel';

/** Headed like the other tabs: the tab's name as h2, one h3 per section. */
export function AutomationScreen({
  settings,
  onChange,
}: {
  settings: AutomationSettings;
  onChange: (settings: AutomationSettings) => void;
}) {
  // The count makes each save heard, even one that ends as the last did (same outcome, same version).
  const [rulesSave, setRulesSave] = useState<{ outcome: RulesSaveOutcome | null; count: number }>({ outcome: null, count: 0 });
  return (
    <Stack space="space.300" testId="automation">
      <LiveAnnouncement message={saveAnnouncement(rulesSave.outcome, rulesSave.count)} testId="auto-link-announcement" />
      <Heading size="medium" as="h2">
        Automation
      </Heading>
      <section aria-labelledby="auto-link-heading">
        <Stack space="space.150">
          <Heading size="small" as="h3" id="auto-link-heading">
            Auto-link rules
          </Heading>
          <Text as="p">
            A new work item without a process inherits its parent’s or epic’s. Otherwise the first rule below that matches links it. Links
            people set are never changed.
          </Text>
          <AutoLinkRulesEditor
            key={settings.autoLinkRules.version}
            stored={settings.autoLinkRules}
            processes={settings.processes}
            canEdit={settings.isJiraAdmin}
            lastOutcome={rulesSave.outcome}
            onSaved={(autoLinkRules, outcome) => {
              setRulesSave((last) => ({ outcome, count: last.count + 1 }));
              onChange({ ...settings, autoLinkRules });
            }}
          />
        </Stack>
      </section>
      <section aria-labelledby="web-trigger-heading">
        <Stack space="space.150">
          <Heading size="small" as="h3" id="web-trigger-heading">
            Web trigger for “Send web request”
          </Heading>
          <WebTriggerSecretPanel
            webTrigger={settings.webTrigger}
            isJiraAdmin={settings.isJiraAdmin}
            onRotated={(webTrigger) => onChange({ ...settings, webTrigger })}
          />
        </Stack>
      </section>
    </Stack>
  );
}
