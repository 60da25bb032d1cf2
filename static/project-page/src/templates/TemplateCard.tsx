import { useId, type CSSProperties } from 'react';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { HelperMessage } from '@atlaskit/form/helper-message';
import { Label } from '@atlaskit/form/label/default';
import Lozenge from '@atlaskit/lozenge/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Textfield from '@atlaskit/textfield';
import { KpiTargetList } from '../../../common/KpiTargetList';
import type { ProcessTemplateView, ValueStreamTemplateView } from './templateSelection';

const card: CSSProperties = { border: '1px solid var(--ds-border, #091E4224)', borderRadius: 'var(--ds-radius-medium, 6px)' };
const cell: CSSProperties = {
  textAlign: 'start',
  verticalAlign: 'top',
  padding: 'var(--ds-space-050, 4px) var(--ds-space-100, 8px)',
  borderBlockEnd: '1px solid var(--ds-border, #091E4224)',
};

const parties = (list: ProcessTemplateView['raci'][number]['responsible']) =>
  list.map((party) => (party.kind === 'role' ? party.name : party.accountId)).join(', ') || '—';

/** The rest of the template, folded: the starter RACI, the Definition of Done and what could be automated. */
function TemplateMore({ template }: { template: ProcessTemplateView }) {
  return (
    <details>
      <summary style={{ cursor: 'pointer', color: 'var(--ds-link, #0C66E4)' }}>RACI, Definition of Done and automation ideas</summary>
      <Stack space="space.150">
        <table style={{ borderCollapse: 'collapse', width: '100%', marginBlockStart: 'var(--ds-space-100, 8px)' }}>
          <caption style={{ textAlign: 'start', fontWeight: 600 }}>Who does what when</caption>
          <thead>
            <tr>
              {['Step', 'When', 'Responsible', 'Accountable', 'Consulted', 'Informed'].map((header) => (
                <th key={header} scope="col" style={cell}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {template.raci.map((step) => (
              <tr key={step.id}>
                <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                  {step.step}
                </th>
                <td style={cell}>{step.when || '—'}</td>
                <td style={cell}>{parties(step.responsible)}</td>
                <td style={cell}>{parties(step.accountable)}</td>
                <td style={cell}>{parties(step.consulted)}</td>
                <td style={cell}>{parties(step.informed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Stack space="space.050">
          <Text weight="semibold">Definition of Done for its improvements</Text>
          <ul style={{ margin: 0 }}>
            {template.definitionOfDone.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </Stack>
        <Stack space="space.050">
          <Text weight="semibold">Could be automated</Text>
          <ul style={{ margin: 0 }}>
            {template.automationCandidates.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </Stack>
      </Stack>
    </details>
  );
}

/** One template to pick: what it is for and how it is measured up front, the key to create it with once picked. */
export function TemplateCard(props: {
  template: ProcessTemplateView;
  stream: ValueStreamTemplateView;
  pickedKey: string | undefined;
  disabled: boolean;
  error?: string;
  warning?: string;
  onToggle: (picked: boolean) => void;
  onKey: (key: string) => void;
}) {
  const { template, stream } = props;
  const id = useId();
  const picked = props.pickedKey !== undefined;
  const stage = stream.stages.find((candidate) => candidate.id === template.stageId);
  return (
    <li
      style={{ listStyle: 'none' }}
      data-testid={`template-${template.id}`}
      data-template-key={template.key}
      data-key-in-use={String(template.keyInUse)}
    >
      <Box padding="space.200" style={card}>
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Checkbox
              label={template.name}
              isChecked={picked}
              isDisabled={props.disabled}
              onChange={(event) => props.onToggle(event.currentTarget.checked)}
              aria-describedby={`${id}-about`}
              testId={`template-pick-${template.id}`}
            />
            <Lozenge>{template.key}</Lozenge>
            {template.keyInUse && template.nameUsedBy === template.key ? (
              <Lozenge appearance="moved">In the catalog</Lozenge>
            ) : (
              <>
                {template.keyInUse && <Lozenge appearance="moved">Key in use</Lozenge>}
                {template.nameUsedBy && <Lozenge appearance="inprogress">{`Name used by ${template.nameUsedBy}`}</Lozenge>}
              </>
            )}
          </Inline>
          <div id={`${id}-about`}>
            <Stack space="space.100">
              <Text as="p" color="color.text.subtle">
                {template.practice === template.name ? '' : `${template.practice} · `}
                {stage ? `${stream.name}, stage ${stage.name}` : `${stream.name} (no matching stage: pick one later)`}
              </Text>
              <Text as="p">{template.purpose}</Text>
            </Stack>
          </div>
          <KpiTargetList kpis={template.kpis} />
          <TemplateMore template={template} />
          {picked && (
            <Stack space="space.050">
              <Label htmlFor={`${id}-key`}>{`Key for ${template.name}`}</Label>
              <div style={{ maxInlineSize: 200 }}>
                <Textfield
                  id={`${id}-key`}
                  value={props.pickedKey}
                  isInvalid={!!props.error}
                  isRequired
                  aria-describedby={`${id}-key-message`}
                  testId={`template-key-${template.id}`}
                  onChange={(event) => props.onKey(event.currentTarget.value.toUpperCase())}
                />
              </div>
              <div id={`${id}-key-message`}>
                {props.error ? (
                  <ErrorMessage>{props.error}</ErrorMessage>
                ) : props.warning ? (
                  <ErrorMessage>{props.warning}</ErrorMessage>
                ) : (
                  <HelperMessage>2–10 letters or digits; it cannot change later.</HelperMessage>
                )}
              </div>
            </Stack>
          )}
        </Stack>
      </Box>
    </li>
  );
}
