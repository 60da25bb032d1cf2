import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Popup from '@atlaskit/popup';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { token } from '@atlaskit/tokens';
import Lozenge from '@atlaskit/lozenge';
import { criteriaOnIncompleteData } from './format';
import { INCOMPLETE_DATA_FALLBACK, INCOMPLETE_HEALTH, incompleteDataHelp } from './metricWording';
import type { CriterionKey, HealthRow } from './types';

export type CriterionView = HealthRow['criteria'][number];

const round = (value: number) => String(Math.round(value * 10) / 10);

/** "Say/do 62% < 80%: failed" — the one-line verdict; the explanation follows in full. */
export function criterionVerdict(criterion: CriterionView): string {
  if (criterion.passed === null || criterion.value === null) return `${criterion.label}: not applicable`;
  const unit = criterion.unit === '%' ? '%' : '';
  const holds = criterion.comparison === 'atLeast' ? criterion.value >= criterion.target : criterion.value <= criterion.target;
  const sign = criterion.comparison === 'atLeast' ? (holds ? '≥' : '<') : holds ? '≤' : '>';
  return `${criterion.label} ${round(criterion.value)}${unit} ${sign} ${round(criterion.target)}${unit}: ${criterion.passed ? 'passed' : 'failed'}`;
}

const MARK = { true: '✓', false: '✗', null: '–' } as const;

/**
 * Why this row scored what it did: the health lozenge opens each criterion's verdict, weight and
 * plain-words explanation.
 */
export function CriteriaPopup({
  rowLabel,
  criteria,
  incompleteKeys,
  testId,
  children,
  summary,
}: {
  rowLabel: string;
  criteria: CriterionView[];
  /** Criteria resting on numbers that may be undercounted: each is marked, and the score with them. */
  incompleteKeys: readonly CriterionKey[];
  testId: string;
  children: ReactNode;
  summary: string;
}) {
  const [open, setOpen] = useState(false);
  const scoreIncomplete = criteriaOnIncompleteData(criteria, incompleteKeys).length > 0;
  return (
    <Popup
      isOpen={open}
      onClose={() => setOpen(false)}
      placement="bottom-start"
      role="dialog"
      label={`Health criteria for ${rowLabel}`}
      testId={`${testId}-popup`}
      content={() => (
        <Box padding="space.200" style={{ maxWidth: 460 }}>
          <Stack space="space.150">
            <Text weight="semibold">Health criteria for {rowLabel}</Text>
            {scoreIncomplete && (
              <Text as="p" size="small" color="color.text.warning" testId={`${testId}-incomplete`}>
                {INCOMPLETE_HEALTH}
              </Text>
            )}
            <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
              {criteria.map((criterion) => (
                <li key={criterion.key} style={{ marginBlockEnd: token('space.100') }} data-testid={`criterion-${criterion.key}`}>
                  <Text weight="semibold">
                    <span
                      aria-hidden
                      style={{
                        color:
                          criterion.passed === null
                            ? token('color.text.subtlest')
                            : criterion.passed
                              ? token('color.text.success')
                              : token('color.text.danger'),
                      }}
                    >
                      {MARK[String(criterion.passed) as keyof typeof MARK]}{' '}
                    </span>
                    {criterionVerdict(criterion)}
                  </Text>
                  {incompleteKeys.includes(criterion.key) && (
                    <span style={{ marginInlineStart: token('space.075') }}>
                      <Lozenge appearance="moved" testId={`criterion-${criterion.key}-incomplete`}>
                        incomplete data
                      </Lozenge>
                    </span>
                  )}
                  <Text as="p" size="small" color="color.text.subtle">
                    {criterion.explanation}{' '}
                    {incompleteKeys.includes(criterion.key) && `${incompleteDataHelp[criterion.key] ?? INCOMPLETE_DATA_FALLBACK} `}
                    {criterion.passed === null
                      ? 'Left out of the score.'
                      : `Weight ${criterion.weight} (${Math.round(criterion.effectiveWeight)} of 100 for this row).`}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        </Box>
      )}
      trigger={(triggerProps) => (
        <Button
          {...triggerProps}
          appearance="subtle"
          spacing="compact"
          onClick={() => setOpen((value) => !value)}
          isSelected={open}
          aria-label={`Health for ${rowLabel}: ${summary}. Show why`}
          testId={testId}
        >
          {children}
        </Button>
      )}
    />
  );
}
