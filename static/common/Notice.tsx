import type { ReactNode } from 'react';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import StatusInformationIcon from '@atlaskit/icon/core/status-information';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';

export type NoticeAppearance = 'error' | 'warning' | 'success' | 'information';

const looks = {
  error: { background: 'color.background.danger', Icon: StatusErrorIcon, iconColor: 'var(--ds-icon-danger)', label: 'Error' },
  warning: { background: 'color.background.warning', Icon: StatusWarningIcon, iconColor: 'var(--ds-icon-warning)', label: 'Warning' },
  success: { background: 'color.background.success', Icon: StatusSuccessIcon, iconColor: 'var(--ds-icon-success)', label: 'Success' },
  information: {
    background: 'color.background.information',
    Icon: StatusInformationIcon,
    iconColor: 'var(--ds-icon-information)',
    label: 'Information',
  },
} as const;

/**
 * A section message as Jira draws one (tinted box, rounded corners, status icon, bold title) from
 * primitives: Atlaskit's SectionMessage pulls tooltips and popper into the issue panel's bundle.
 */
export function Notice(props: {
  appearance: NoticeAppearance;
  title: ReactNode;
  children?: ReactNode;
  role?: 'alert' | 'status';
  testId?: string;
}) {
  const look = looks[props.appearance];
  return (
    <Box
      role={props.role}
      testId={props.testId}
      padding="space.200"
      backgroundColor={look.background}
      style={{ borderRadius: 'var(--ds-radius-medium, 6px)' }}
    >
      <Inline space="space.150" alignBlock="start">
        <Box style={{ flexShrink: 0, lineHeight: 0, paddingBlockStart: 'var(--ds-space-025, 2px)' }}>
          <look.Icon label={look.label} color={look.iconColor} />
        </Box>
        <Stack space="space.100" grow="fill">
          <Text as="strong" weight="semibold">
            {props.title}
          </Text>
          {props.children}
        </Stack>
      </Inline>
    </Box>
  );
}
