import { token } from '@atlaskit/tokens';
import { InlineChart } from './InlineChart';

/** `incompleteData`: the score rested on incomplete data (a hollow dot); null or absent when not known. */
export type TrendPoint = { sprintName: string; score: number | null; incompleteData?: boolean | null };

const WIDTH = 72;
const HEIGHT = 20;
const PAD = 2;

/** "Health over the last 6 sprints: 72, 80 on incomplete data, no score, 64". Exported for the table's tests and labels. */
export function trendLabel(points: TrendPoint[]): string {
  if (!points.length) return 'No health trend yet: no earlier closed sprints.';
  const values = points.map((point) => {
    if (point.score === null) return 'no score';
    return point.incompleteData ? `${point.score} on incomplete data` : String(point.score);
  });
  return `Health over the last ${points.length} ${points.length === 1 ? 'sprint' : 'sprints'}: ${values.join(', ')}`;
}

/**
 * The health score over the last closed sprints as a tiny inline SVG (0 at the bottom, 100 at the
 * top). A sprint without a score breaks the line instead of pretending it was 0; a score that rested on
 * incomplete data is a hollow dot (the label, also the tooltip, says so in words).
 */
export function Sparkline({ points, testId }: { points: TrendPoint[]; testId?: string }) {
  const label = trendLabel(points);
  if (!points.length) {
    return (
      <span data-testid={testId} aria-label={label} role="img" style={{ color: token('color.text.subtlest') }}>
        —
      </span>
    );
  }
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? PAD + index * step : WIDTH / 2);
  const y = (score: number) => PAD + ((100 - Math.max(0, Math.min(100, score))) / 100) * (HEIGHT - 2 * PAD);
  // Consecutive scored sprints form one segment; a gap starts a new one.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((point, index) => {
    if (point.score === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(index).toFixed(1)},${y(point.score).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));

  return (
    <InlineChart width={WIDTH} height={HEIGHT} label={label} testId={testId} style={{ overflow: 'visible' }}>
      <line x1={0} x2={WIDTH} y1={HEIGHT - PAD} y2={HEIGHT - PAD} style={{ stroke: token('color.border'), strokeWidth: 1 }} />
      {segments.map((segment) => (
        <polyline key={segment} points={segment} style={{ fill: 'none', stroke: token('color.chart.blue.bold'), strokeWidth: 1.5 }} />
      ))}
      {points.map((point, index) =>
        point.score === null ? null : (
          <circle
            key={`${point.sprintName}-${index}`}
            cx={x(index)}
            cy={y(point.score)}
            r={point.incompleteData ? 2.5 : index === points.length - 1 ? 2.5 : 1.5}
            data-incomplete={point.incompleteData ? 'true' : undefined}
            style={
              point.incompleteData
                ? { fill: token('elevation.surface'), stroke: token('color.chart.blue.bolder'), strokeWidth: 1.25 }
                : { fill: token('color.chart.blue.bolder') }
            }
          />
        ),
      )}
    </InlineChart>
  );
}
