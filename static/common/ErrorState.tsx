import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ResolverError } from '../../src/contract';
import { describeError } from './errorMessages';
import { Notice } from './Notice';

/**
 * A failed load or save: what happened, what to do next, and a retry button only where trying
 * again can help (never for "you may not see this").
 */
export function ErrorState({ error, onRetry }: { error: ResolverError; onRetry?: () => void }) {
  const description = describeError(error);
  const showRetry = description.canRetry && onRetry !== undefined;
  const isWarning = error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
  return (
    <Notice appearance={isWarning ? 'warning' : 'error'} role="alert" testId="error-state" title={description.title}>
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
    </Notice>
  );
}
