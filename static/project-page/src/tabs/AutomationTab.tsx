import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { AutomationScreen } from '../automation/AutomationScreen';

/** Automation: auto-link rules (issue created / parent changed) and the signed web trigger's secret. */
export function AutomationTab() {
  const settings = useResolver('getAutomationSettings', {});
  const { state } = settings;
  if (state.status === 'loading') return <LoadingState label="Loading the automation settings…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={settings.reload} />;
  return <AutomationScreen settings={state.data} onChange={settings.update} />;
}
