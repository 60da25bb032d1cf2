import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ImprovementProperty, IssueImprovement } from '../../../common/improvement/improvementTypes';
import { formatScore, scaleLabel } from '../../../common/improvement/scales';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack space="space.025" testId={testId}>
      <Text size="small" weight="semibold" color="color.text.subtle" as="strong">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function measureWords(improvement: ImprovementProperty, process: IssueImprovement['process']): ReactNode {
  const { measure } = improvement;
  if (!measure) {
    return (
      <Text as="p" color="color.text.warning" testId="improvement-no-measure">
        No measure yet: say how you will know it worked before the sprint review.
      </Text>
    );
  }
  const kpi = measure.kpiId ? process?.kpis.find((k) => k.id === measure.kpiId) : undefined;
  const value = (n: number) => `${n.toLocaleString('en-US')} ${measure.unit}`.trim();
  return (
    <Stack space="space.025">
      <Text as="p">
        {measure.description}: from {value(measure.baseline)} to {value(measure.target)}
      </Text>
      {measure.kpiId && (
        <Text size="small" color="color.text.subtle">
          KPI: {kpi?.name ?? 'a KPI no longer in the process'}
        </Text>
      )}
    </Stack>
  );
}

/** The story's user story, hypothesis, measure, benefit and cost, as written when it was created. */
export function ImprovementFacts({ data }: { data: IssueImprovement & { improvement: ImprovementProperty } }) {
  const { improvement, process } = data;
  const { userStory, hypothesis } = improvement;
  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h3">
        Improvement of {process ? `${process.key}: ${process.name}` : improvement.processKey}
      </Heading>
      <Fact label="User story" testId="improvement-user-story">
        <Text as="p">
          As a {userStory.asA} I want {userStory.iWant} so that {userStory.soThat}.
        </Text>
      </Fact>
      <Fact label="Hypothesis" testId="improvement-hypothesis">
        <Text as="p">
          We believe {hypothesis.change} will give {hypothesis.outcome}.
        </Text>
      </Fact>
      <Fact label="Measure" testId="improvement-measure">
        {measureWords(improvement, process)}
      </Fact>
      <Inline space="space.300" shouldWrap>
        <Fact label="Benefit">
          <Text>{scaleLabel('benefit', improvement.benefit)}</Text>
        </Fact>
        <Fact label="Cost">
          <Text>{scaleLabel('cost', improvement.cost)}</Text>
        </Fact>
        <Fact label="Benefit ÷ cost">
          <Text testId="improvement-score">{formatScore(improvement.score)}</Text>
        </Fact>
      </Inline>
    </Stack>
  );
}
