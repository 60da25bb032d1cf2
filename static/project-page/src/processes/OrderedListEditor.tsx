import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';

/**
 * Items in order with buttons to add, remove and move up/down: everything reachable by keyboard,
 * nothing drag-only. `describe` names an item for the buttons' accessible labels.
 */
export function OrderedListEditor<T extends { id: string }>(props: {
  items: T[];
  onChange: (items: T[]) => void;
  create: () => T;
  addLabel: string;
  describe: (item: T, index: number) => string;
  renderItem: (item: T, index: number, update: (item: T) => void) => ReactNode;
  testId: string;
  max?: number;
}) {
  const { items, onChange } = props;
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <Stack space="space.100" testId={props.testId}>
      <ol style={{ margin: 0, paddingInlineStart: 'var(--ds-space-300, 24px)' }}>
        {items.map((item, index) => (
          <li key={item.id}>
            <Box paddingBlock="space.075">
              <Stack space="space.075">
                {props.renderItem(item, index, (updated) =>
                  onChange(items.map((candidate) => (candidate.id === item.id ? updated : candidate))),
                )}
                <Inline space="space.050">
                  <Button
                    spacing="compact"
                    isDisabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={`Move ${props.describe(item, index)} up`}
                  >
                    Move up
                  </Button>
                  <Button
                    spacing="compact"
                    isDisabled={index === items.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={`Move ${props.describe(item, index)} down`}
                  >
                    Move down
                  </Button>
                  <Button
                    spacing="compact"
                    appearance="subtle"
                    onClick={() => onChange(items.filter((candidate) => candidate.id !== item.id))}
                    aria-label={`Remove ${props.describe(item, index)}`}
                  >
                    Remove
                  </Button>
                </Inline>
              </Stack>
            </Box>
          </li>
        ))}
      </ol>
      <Box>
        <Button
          onClick={() => onChange([...items, props.create()])}
          isDisabled={props.max !== undefined && items.length >= props.max}
          testId={`${props.testId}-add`}
        >
          {props.addLabel}
        </Button>
      </Box>
    </Stack>
  );
}
