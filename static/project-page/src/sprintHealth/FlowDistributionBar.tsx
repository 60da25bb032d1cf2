import { token } from '@atlaskit/tokens';
import { InlineChart } from './InlineChart';

export type FlowKind = 'feature' | 'defect' | 'risk' | 'debt';
export const FLOW_KIND_ORDER: readonly FlowKind[] = ['feature', 'defect', 'risk', 'debt'];

export const FLOW_KIND_LABEL: Record<FlowKind, string> = {
  feature: 'features',
  defect: 'defects',
  risk: 'risks',
  debt: 'debt / improvement',
};

/** Chart tokens, so the bar follows the light and dark theme. */
const KIND_COLOR: Record<FlowKind, string> = {
  feature: token('color.chart.blue.bold'),
  defect: token('color.chart.red.bold'),
  risk: token('color.chart.orange.bold'),
  debt: token('color.chart.purple.bold'),
};

const WIDTH = 72;
const HEIGHT = 10;

/** "Completed by kind: 3 features (60%), 2 defects (40%)". */
export function distributionLabel(counts: Record<FlowKind, number>): string {
  const total = FLOW_KIND_ORDER.reduce((sum, kind) => sum + counts[kind], 0);
  if (!total) return 'Nothing completed, so no flow distribution.';
  const parts = FLOW_KIND_ORDER.filter((kind) => counts[kind] > 0).map(
    (kind) => `${counts[kind]} ${FLOW_KIND_LABEL[kind]} (${Math.round((counts[kind] / total) * 100)}%)`,
  );
  return `Completed by kind: ${parts.join(', ')}`;
}

/** The share of completed work per kind as one small stacked bar; the label carries the numbers. */
export function FlowDistributionBar({ counts, testId }: { counts: Record<FlowKind, number>; testId?: string }) {
  const label = distributionLabel(counts);
  const total = FLOW_KIND_ORDER.reduce((sum, kind) => sum + counts[kind], 0);
  let offset = 0;
  return (
    <InlineChart width={WIDTH} height={HEIGHT} label={label} testId={testId}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} rx={2} style={{ fill: token('color.background.neutral') }} />
      {total > 0 &&
        FLOW_KIND_ORDER.map((kind) => {
          const width = (counts[kind] / total) * WIDTH;
          const rect =
            width > 0 ? <rect key={kind} x={offset} y={0} width={width} height={HEIGHT} style={{ fill: KIND_COLOR[kind] }} /> : null;
          offset += width;
          return rect;
        })}
    </InlineChart>
  );
}

/** The legend under the help panel, so colours are never the only key. */
export function FlowKindLegend() {
  return (
    <ul
      style={{ display: 'flex', gap: token('space.200'), listStyle: 'none', padding: 0, margin: 0, flexWrap: 'wrap' }}
      aria-label="Flow distribution colours"
    >
      {FLOW_KIND_ORDER.map((kind) => (
        <li key={kind} style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
          <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: KIND_COLOR[kind] }} />
          <span>{FLOW_KIND_LABEL[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
