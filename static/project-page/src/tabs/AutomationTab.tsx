import { AutomationScreen } from '../automation/AutomationScreen';
import { TabLoader } from './TabLoader';

/** Automation: auto-link rules (issue created / parent changed) and the signed web trigger's secret. */
export function AutomationTab() {
  return (
    <TabLoader resolver="getAutomationSettings" payload={{}} loadingLabel="Loading the automation settings…">
      {(settings, update) => <AutomationScreen settings={settings} onChange={update} />}
    </TabLoader>
  );
}
