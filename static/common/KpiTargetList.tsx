import { Text } from '@atlaskit/primitives/compiled/text';
import type { Kpi } from './catalogTypes';
import { formatKpiTarget, kpiDirection } from './kpiFormat';

/** How the process knows it does well: each KPI's target and which way is good. */
export function KpiTargetList({ kpis, testId }: { kpis: readonly Kpi[]; testId?: string }) {
  if (kpis.length === 0) {
    return (
      <Text color="color.text.subtlest" testId={testId}>
        No KPIs yet.
      </Text>
    );
  }
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: 'var(--ds-space-250, 20px)' }}>
      {kpis.map((kpi) => {
        const direction = kpiDirection(kpi.direction);
        return (
          <li key={kpi.id}>
            <Text>
              {kpi.name}: target {formatKpiTarget(kpi)} <span aria-hidden="true">{direction.arrow}</span> ({direction.words})
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
