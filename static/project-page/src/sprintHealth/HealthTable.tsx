import type { ReactNode } from 'react';
import { Text } from '@atlaskit/primitives/compiled/text';
import { token } from '@atlaskit/tokens';
import { CriteriaPopup } from './CriteriaPopup';
import { FlowDistributionBar } from './FlowDistributionBar';
import { criteriaOnIncompleteData, flowTimeLines, healthText, formatDurationShort, formatPct, issues } from './format';
import { HealthLozenge, IncompleteDataMarker } from './HealthLozenge';
import { MetricButton } from './MetricButton';
import { TooltipText } from '../../../common/TooltipText';
import { describeDuration, metricHelp } from './metricWording';
import { Sparkline } from './Sparkline';
import type { CriterionKey, DrillDownKey, HealthRow, HealthTotals, MetricKey, RowRef } from './types';

type Metrics = HealthRow['metrics'];

/** One number column: how it reads in the cell and in words for screen readers. */
type Column = {
  key: DrillDownKey;
  cell: (m: Metrics) => ReactNode;
  words: (m: Metrics) => string;
};

const pctWords = (value: number | null) => (value === null ? 'not applicable' : `${Math.round(value)}%`);
const duration = (ms: number | null) => (ms === null ? 'none' : describeDuration(ms));

const COLUMNS: Column[] = [
  { key: 'committed', cell: (m) => m.committed, words: (m) => issues(m.committed) },
  { key: 'added', cell: (m) => m.added, words: (m) => issues(m.added) },
  { key: 'removed', cell: (m) => m.removed, words: (m) => issues(m.removed) },
  { key: 'completed', cell: (m) => m.completed, words: (m) => issues(m.completed) },
  { key: 'sayDo', cell: (m) => formatPct(m.sayDoPct), words: (m) => pctWords(m.sayDoPct) },
  { key: 'scopeChange', cell: (m) => formatPct(m.scopeChangePct), words: (m) => pctWords(m.scopeChangePct) },
  { key: 'carryOver', cell: (m) => m.carryOver, words: (m) => issues(m.carryOver) },
  {
    key: 'flowTime',
    cell: (m) => {
      const lines = flowTimeLines(m.flowTimeP50Ms, m.flowTimeP85Ms);
      return lines ? <TwoLines first={lines[0]} second={lines[1]} /> : '—';
    },
    // The visible text leads the label (WCAG "label in name"), the long form follows.
    words: (m) =>
      m.flowTimeSamples
        ? `${formatDurationShort(m.flowTimeP50Ms)} / ${formatDurationShort(m.flowTimeP85Ms)}: median ${duration(m.flowTimeP50Ms)}, 85th percentile ${duration(m.flowTimeP85Ms)}`
        : 'none, no completed issue has a flow time',
  },
  { key: 'flowLoad', cell: (m) => m.flowLoad, words: (m) => issues(m.flowLoad) },
  { key: 'flowEfficiency', cell: (m) => formatPct(m.flowEfficiencyPct), words: (m) => pctWords(m.flowEfficiencyPct) },
  {
    key: 'impediments',
    cell: (m) => (m.impedimentsOpen ? <TwoLines first={String(m.impediments)} second={`${m.impedimentsOpen} open`} /> : m.impediments),
    words: (m) =>
      m.impedimentsOpen
        ? `${m.impediments}, ${m.impedimentsOpen} open: ${issues(m.impediments)} flagged, ${m.impedimentsOpen} still flagged`
        : `${issues(m.impediments)} flagged`,
  },
  { key: 'improvementsDone', cell: (m) => m.improvementsDone, words: (m) => issues(m.improvementsDone) },
  {
    key: 'flowDistribution',
    cell: (m) => <FlowDistributionBar counts={m.flowDistribution} />,
    words: (m) => {
      const d = m.flowDistribution;
      return `${d.feature} features, ${d.defect} defects, ${d.risk} risks, ${d.debt} debt or improvement`;
    },
  },
];

/**
 * Header words short enough for the grid to fit a 1280 px screen. The full label stays in the
 * header's accessible name (visually hidden text) and its tooltip, so "Imped." is never all anyone gets.
 */
const SHORT_HEADER: Partial<Record<MetricKey, string>> = {
  impediments: 'Imped.',
  improvementsDone: 'Improv. done',
  flowDistribution: 'Flow mix',
};

/** Under the label, what the cell's two lines are. */
const HEADER_DETAIL: Partial<Record<MetricKey, { short: string; full: string }>> = {
  flowTime: { short: 'p50 / p85', full: 'median / 85th percentile' },
};

const visuallyHidden = {
  position: 'absolute' as const,
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap' as const,
};

/** A cell of the table, header or not: start-aligned, with a rule of `ruleWidth` under it. */
const cell = (ruleWidth: string) => ({
  paddingBlock: token('space.050'),
  textAlign: 'start' as const,
  borderBlockEnd: `${ruleWidth} solid ${token('color.border')}`,
});
const th = {
  ...cell('2px'),
  // Lines the header up with the text of the cell buttons below (cell padding + button padding).
  paddingInline: token('space.100'),
  verticalAlign: 'bottom' as const,
  color: token('color.text.subtle'),
  font: token('font.heading.xxsmall'),
};
const td = { ...cell('1px'), paddingInline: token('space.025'), verticalAlign: 'middle' as const, whiteSpace: 'nowrap' as const };

/** The process column stays in view while the numbers scroll sideways. */
const sticky = { position: 'sticky' as const, insetInlineStart: 0, zIndex: 1, backgroundColor: token('elevation.surface') };

/**
 * Two short lines in a cell: the main figure, and the second one quieter ("78d 6h", "2 open"). The
 * space between keeps the button's text "7d 23h 78d 6h" for its label-in-name match, not "7d 23h78d 6h".
 */
function TwoLines({ first, second }: { first: string; second: string }) {
  return (
    <>
      <span>{first}</span> <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{second}</span>
    </>
  );
}

const TREND_HELP =
  "Health in this process's last closed sprints of the board, oldest first. A hollow dot: that score rested on incomplete data.";

function HeaderCell({ metric }: { metric: MetricKey | 'trend' | 'process' }) {
  if (metric === 'process')
    return (
      <th scope="col" style={{ ...th, ...sticky, paddingInline: token('space.075') }}>
        Process
      </th>
    );
  if (metric === 'trend') {
    return (
      <th scope="col" style={th}>
        <TooltipText tooltip={TREND_HELP}>Trend</TooltipText>
      </th>
    );
  }
  const full = metricHelp[metric].label;
  const short = SHORT_HEADER[metric];
  const detail = HEADER_DETAIL[metric];
  return (
    <th scope="col" style={th}>
      <TooltipText
        tooltip={`${full}${detail ? ` (${detail.full})` : ''}: ${metricHelp[metric].short}`}
        style={{ textDecoration: `underline dotted ${token('color.border.bold')}` }}
      >
        {short ? (
          <>
            <span aria-hidden>{short}</span>
            <span style={visuallyHidden}>{full}</span>
          </>
        ) : (
          full
        )}
        {detail && (
          <span style={{ display: 'block', font: token('font.body.small'), whiteSpace: 'nowrap' }}>
            <span aria-hidden>{detail.short}</span>
            <span style={visuallyHidden}>{`, ${detail.full}`}</span>
          </span>
        )}
      </TooltipText>
    </th>
  );
}

export function rowLabel(row: { processKey: string | null; processName: string | null }): string {
  if (row.processKey === null) return 'unlinked work';
  return row.processKey;
}

export function rowTestId(processKey: string | null): string {
  return `health-row-${processKey ?? 'unlinked'}`;
}

type Props = {
  rows: HealthRow[];
  totals: HealthTotals;
  /** The criteria resting on numbers that may be undercounted (the view's `completeness.incompleteCriteria`). */
  incompleteCriteria: readonly CriterionKey[];
  onDrillDown: (row: RowRef, metric: DrillDownKey) => void;
};

/** The health lozenge opening the criteria, marked when the score counts criteria resting on incomplete data. */
function HealthCell({
  rowLabel: label,
  row,
  incompleteKeys,
  testId,
}: {
  rowLabel: string;
  row: Pick<HealthRow, 'criteria' | 'health'>;
  incompleteKeys: readonly CriterionKey[];
  testId: string;
}) {
  const incomplete = criteriaOnIncompleteData(row.criteria, incompleteKeys).length > 0;
  return (
    <>
      <CriteriaPopup
        rowLabel={label}
        criteria={row.criteria}
        incompleteKeys={incompleteKeys}
        testId={testId}
        summary={healthText(row.health.score, row.health.band, incomplete)}
      >
        <HealthLozenge score={row.health.score} band={row.health.band} />
      </CriteriaPopup>
      {incomplete && <IncompleteDataMarker />}
    </>
  );
}

function MetricCells({ metrics, row, onDrillDown }: { metrics: Metrics; row: RowRef; onDrillDown: Props['onDrillDown'] }) {
  return (
    <>
      {COLUMNS.map((column) => {
        const label = metricHelp[column.key].label;
        return (
          <td key={column.key} style={td} data-testid={`metric-${column.key}`}>
            <MetricButton
              label={`${label} for ${row.label}: ${column.words(metrics)}, show the issues`}
              help={metricHelp[column.key].short}
              onOpen={() => onDrillDown(row, column.key)}
            >
              {column.cell(metrics)}
            </MetricButton>
          </td>
        );
      })}
    </>
  );
}

/**
 * The metrics grid: a real table (row headers per process, column headers per metric) so screen
 * readers announce "INC, Committed, 12". Every number is a button that opens its issues.
 */
export function HealthTable({ rows, totals, incompleteCriteria, onDrillDown }: Props) {
  return (
    <div
      role="region"
      aria-label="Sprint health per process (scrolls sideways)"
      tabIndex={0}
      style={{ overflowX: 'auto', maxWidth: '100%' }}
      data-testid="sprint-health-table-region"
    >
      <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="sprint-health-table">
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          Sprint health per process. Every number opens the issues behind it.
        </caption>
        <thead>
          <tr>
            <HeaderCell metric="process" />
            <HeaderCell metric="health" />
            <HeaderCell metric="trend" />
            {COLUMNS.map((column) => (
              <HeaderCell key={column.key} metric={column.key} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const ref: RowRef = { processKey: row.processKey, label: rowLabel(row) };
            return (
              <tr key={row.processKey ?? '(unlinked)'} data-testid={rowTestId(row.processKey)}>
                <th
                  scope="row"
                  style={{ ...td, ...sticky, paddingInline: token('space.075'), whiteSpace: 'normal', minWidth: 96, maxWidth: 140 }}
                >
                  {row.processKey === null ? (
                    <Text weight="semibold">Unlinked work</Text>
                  ) : (
                    <span style={{ display: 'flex', flexDirection: 'column' }}>
                      <Text weight="semibold">{row.processKey}</Text>
                      {row.processName && (
                        <Text color="color.text.subtle" size="small">
                          {row.processName}
                        </Text>
                      )}
                    </span>
                  )}
                </th>
                <td style={td} data-testid="metric-health">
                  <HealthCell
                    rowLabel={ref.label}
                    row={row}
                    incompleteKeys={incompleteCriteria}
                    testId={`criteria-${row.processKey ?? 'unlinked'}`}
                  />
                </td>
                <td style={td} data-testid="metric-trend">
                  <Sparkline points={row.trend} testId="health-trend" />
                </td>
                <MetricCells metrics={row.metrics} row={ref} onDrillDown={onDrillDown} />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="health-row-totals">
            <th scope="row" style={{ ...td, ...sticky, paddingInline: token('space.075'), borderBlockEnd: 'none' }}>
              <Text weight="semibold">Whole sprint</Text>
            </th>
            <td style={{ ...td, borderBlockEnd: 'none' }} data-testid="metric-health">
              <HealthCell rowLabel="the whole sprint" row={totals} incompleteKeys={incompleteCriteria} testId="criteria-totals" />
            </td>
            <td style={{ ...td, borderBlockEnd: 'none' }}>
              <Text color="color.text.subtlest">—</Text>
            </td>
            <MetricCells metrics={totals.metrics} row={{ processKey: undefined, label: 'the whole sprint' }} onDrillDown={onDrillDown} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
