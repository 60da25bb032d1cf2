import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { token } from '@atlaskit/tokens';
import { FlowKindLegend } from './FlowDistributionBar';
import { criterionHelp, METRIC_KEYS, metricHelp } from './metricWording';

/** Every metric's long explanation, collapsed until asked for. */
export function HelpPanel() {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <Box testId="sprint-health-help">
      <Button
        appearance="subtle"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={regionId}
        testId="sprint-health-help-toggle"
      >
        {open ? 'Hide how the numbers are worked out' : 'How the numbers are worked out'}
      </Button>
      {open && (
        <section id={regionId} aria-label="How the numbers are worked out" style={{ marginTop: token('space.100') }}>
          <Box padding="space.200" backgroundColor="color.background.neutral.subtle">
            <Stack space="space.200">
              <dl style={{ margin: 0 }}>
                {METRIC_KEYS.map((key) => (
                  <div key={key} style={{ marginBottom: token('space.150') }} data-testid={`help-${key}`}>
                    <dt>
                      <Text weight="semibold">{metricHelp[key].label}</Text>
                    </dt>
                    <dd style={{ margin: 0 }}>
                      <Text as="p">{metricHelp[key].long}</Text>
                    </dd>
                  </div>
                ))}
              </dl>
              <Heading size="xsmall" as="h3">
                Health criteria
              </Heading>
              <ul style={{ margin: 0, paddingInlineStart: token('space.300') }}>
                {Object.values(criterionHelp).map((criterion) => (
                  <li key={criterion.label}>
                    <Text>
                      <Text weight="semibold">{criterion.label}:</Text> {criterion.rule}
                    </Text>
                  </li>
                ))}
              </ul>
              <FlowKindLegend />
            </Stack>
          </Box>
        </section>
      )}
    </Box>
  );
}
