import Spinner from '@atlaskit/spinner';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';

/** Shown while a resolver answers; the live region tells screen readers what is happening. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Inline space="space.100" alignBlock="center" testId="loading-state">
      <Spinner size="small" label={label} />
      <Text color="color.text.subtlest" aria-live="polite">
        {label}
      </Text>
    </Inline>
  );
}
