import Lozenge from '@atlaskit/lozenge/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { Notice } from '../../../common/Notice';
import type { TemplateLibrary, TemplateOutcome } from './templateSelection';

const looks = {
  waiting: { label: 'Waiting', appearance: 'default' },
  creating: { label: 'Creating…', appearance: 'inprogress' },
  created: { label: 'Created', appearance: 'success' },
  skipped: { label: 'Skipped', appearance: 'moved' },
  failed: { label: 'Failed', appearance: 'removed' },
} as const;

function detail(outcome: TemplateOutcome): string | null {
  if (outcome.state === 'created') return `Created as ${outcome.key}.`;
  if (outcome.state === 'skipped' || outcome.state === 'failed') return outcome.message;
  return null;
}

/** Each picked template's progress, then what happened to it: created, skipped (key in use) or failed and why. */
export function TemplateResults(props: {
  library: TemplateLibrary;
  order: string[];
  outcomes: Record<string, TemplateOutcome>;
  done: boolean;
  catalogRefreshed: boolean;
  summary: string;
}) {
  const byId = new Map(props.library.templates.map((template) => [template.id, template]));
  const outcomes = props.order.map((id) => props.outcomes[id] ?? ({ state: 'waiting' } as const));
  const allCreated = outcomes.every((outcome) => outcome.state === 'created');
  return (
    <Stack space="space.200">
      {props.done ? (
        <Notice appearance={allCreated ? 'success' : 'warning'} title={`Done: ${props.summary}`} testId="templates-summary">
          <Text as="p">
            {allCreated
              ? 'The catalog lists them now: open one to adapt its KPIs, RACI and Definition of Done.'
              : 'Nothing in the catalog was overwritten. To create a skipped template, open the templates again and give it another key.'}
          </Text>
        </Notice>
      ) : (
        <Text as="p">Creating, one at a time…</Text>
      )}
      {props.done && !props.catalogRefreshed && (
        <Notice appearance="warning" title="The catalog could not be reloaded" testId="templates-refresh-failed">
          <Text as="p">What was created is saved. Reload the page to see it in the catalog.</Text>
        </Notice>
      )}
      <ul style={{ margin: 0, padding: 0 }} data-testid="templates-results">
        {props.order.map((id, index) => {
          const outcome = outcomes[index] ?? ({ state: 'waiting' } as const);
          const look = looks[outcome.state];
          const text = detail(outcome);
          return (
            <li
              key={id}
              style={{ listStyle: 'none', paddingBlock: 'var(--ds-space-075, 6px)' }}
              data-testid={`template-result-${id}`}
              data-state={outcome.state}
            >
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <Lozenge appearance={look.appearance}>{look.label}</Lozenge>
                <Text weight="semibold">{byId.get(id)?.name ?? id}</Text>
                {text && <Text>{text}</Text>}
              </Inline>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
