import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ResolverError } from '../../src/contract';
import { describeError } from './errorMessages';

/**
 * A failed load or save: what happened, what to do next, and a retry button only where trying
 * again can help (never for "you may not see this"). Built from primitives rather than
 * SectionMessage, whose dismiss button drags tooltips and popper into the issue panel's bundle.
 */
export function ErrorState({ error, onRetry }: { error: ResolverError; onRetry?: () => void }) {
  const description = describeError(error);
  const showRetry = description.canRetry && onRetry !== undefined;
  const isWarning = error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
  return (
    <Box
      role="alert"
      testId="error-state"
      padding="space.200"
      backgroundColor={isWarning ? 'color.background.warning' : 'color.background.danger'}
    >
      <Stack space="space.100">
        <Text as="strong" weight="semibold">
          {description.title}
        </Text>
        <Text as="p">{description.message}</Text>
        <Text as="p" color="color.text.subtle">
          {description.nextStep}
        </Text>
        {showRetry && (
          <Box>
            <Button onClick={onRetry} testId="error-retry">
              Try again
            </Button>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
