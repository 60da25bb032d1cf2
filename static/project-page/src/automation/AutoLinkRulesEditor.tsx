import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ResolverError } from '../../../../src/contract';
import { ErrorState } from '../../../common/ErrorState';
import { Notice } from '../../../common/Notice';
import { useResolverAction } from '../../../common/useResolver';
import type { AutomationSettings } from './automationSettings';
import { ruleButtonNames, type RulesSaveOutcome } from './ruleWording';

type StoredRules = AutomationSettings['autoLinkRules'];
type Rule = StoredRules['rules'][number];
type Kind = Rule['kind'];
interface Option<V extends string> {
  value: V;
  label: string;
}

const KIND_OPTIONS: Option<Kind>[] = [
  { value: 'component', label: 'Component is' },
  { value: 'label', label: 'Label is' },
  { value: 'issueType', label: 'Work type is' },
];

let nextId = 0;
const newRuleId = () => `rule-${Date.now().toString(36)}-${(nextId++).toString(36)}`;

/**
 * The ordered rules: first match wins, so order is editable (move up / down). Jira admins edit; others read.
 * The parent remounts this editor on every new version, so the last save's outcome lives there.
 */
export function AutoLinkRulesEditor(props: {
  stored: StoredRules;
  processes: AutomationSettings['processes'];
  canEdit: boolean;
  lastOutcome: RulesSaveOutcome | null;
  onSaved: (rules: StoredRules, outcome: RulesSaveOutcome) => void;
}) {
  const { stored, processes, canEdit, onSaved } = props;
  const [rules, setRules] = useState<Rule[]>(stored.rules);
  const [error, setError] = useState<ResolverError | null>(null);
  const save = useResolverAction('saveAutoLinkRules');
  const processOptions: Option<string>[] = processes.map((process) => ({ value: process.key, label: `${process.key} · ${process.name}` }));
  const dirty = JSON.stringify(rules) !== JSON.stringify(stored.rules);

  const update = (index: number, patch: Partial<Rule>) =>
    setRules((current) => current.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const move = (index: number, by: -1 | 1) =>
    setRules((current) => {
      const next = [...current];
      const [rule] = next.splice(index, 1);
      if (rule) next.splice(index + by, 0, rule);
      return next;
    });

  const submit = async () => {
    setError(null);
    const response = await save.run({ rules, expectedVersion: stored.version });
    if (!response.ok) return setError(response.error);
    onSaved(response.data.autoLinkRules, response.data.outcome === 'conflict' ? 'conflict' : 'saved');
  };

  if (!canEdit && rules.length === 0) return <Text as="p">No auto-link rules yet. A Jira administrator can add them.</Text>;
  const fieldErrors = Object.keys(error?.fields ?? {}).length > 0;
  return (
    <Stack space="space.150">
      {rules.length > 0 && (
        <ol aria-label="Auto-link rules, first match wins">
          {rules.map((rule, index) => {
            const names = ruleButtonNames(rule, index);
            return (
              <li key={rule.id}>
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <div style={{ minWidth: 170 }}>
                    <Select<Option<Kind>>
                      aria-label={`Rule ${index + 1}: what it matches`}
                      options={KIND_OPTIONS}
                      value={KIND_OPTIONS.find((option) => option.value === rule.kind) ?? null}
                      onChange={(option) => option && update(index, { kind: option.value })}
                      isDisabled={!canEdit}
                    />
                  </div>
                  <Textfield
                    aria-label={`Rule ${index + 1}: value`}
                    value={rule.value}
                    onChange={(event) => update(index, { value: event.currentTarget.value })}
                    isReadOnly={!canEdit}
                    width={200}
                  />
                  <span>→</span>
                  <div style={{ minWidth: 220 }}>
                    <Select<Option<string>>
                      aria-label={`Rule ${index + 1}: process`}
                      options={processOptions}
                      value={
                        processOptions.find((option) => option.value === rule.processKey) ?? {
                          value: rule.processKey,
                          label: rule.processKey,
                        }
                      }
                      onChange={(option) => option && update(index, { processKey: option.value })}
                      isDisabled={!canEdit}
                    />
                  </div>
                  {canEdit && (
                    <>
                      <Button onClick={() => move(index, -1)} isDisabled={index === 0} aria-label={names.moveUp}>
                        Move up
                      </Button>
                      <Button onClick={() => move(index, 1)} isDisabled={index === rules.length - 1} aria-label={names.moveDown}>
                        Move down
                      </Button>
                      <Button
                        appearance="subtle"
                        onClick={() => setRules((current) => current.filter((_, i) => i !== index))}
                        aria-label={names.remove}
                      >
                        Remove
                      </Button>
                    </>
                  )}
                </Inline>
                {error?.fields?.[`rules.${index}.processKey`] && <ErrorMessage>{error.fields[`rules.${index}.processKey`]}</ErrorMessage>}
                {error?.fields?.[`rules.${index}.value`] && <ErrorMessage>{error.fields[`rules.${index}.value`]}</ErrorMessage>}
              </li>
            );
          })}
        </ol>
      )}
      {canEdit && rules.length === 0 && <Text as="p">No rules yet. Add one to link new work by its component, label or work type.</Text>}
      {canEdit && (
        <Inline space="space.100">
          <Button
            onClick={() =>
              setRules((current) => [...current, { id: newRuleId(), kind: 'component', value: '', processKey: processes[0]?.key ?? '' }])
            }
            isDisabled={processes.length === 0}
          >
            Add rule
          </Button>
          <Button appearance="primary" onClick={() => void submit()} isDisabled={!dirty} isLoading={save.pending}>
            Save rules
          </Button>
        </Inline>
      )}
      {props.lastOutcome === 'conflict' && !dirty && (
        // No role: the screen's live region already announces the conflict (twice would be noise).
        <Notice appearance="warning" title="Someone else saved the rules first">
          <Text as="p">Their version is shown. Make your change again.</Text>
        </Notice>
      )}
      {error &&
        (fieldErrors ? (
          <Notice appearance="error" role="alert" title="Some rules need attention">
            <Text as="p">See the messages under the rules.</Text>
          </Notice>
        ) : (
          <ErrorState error={error} />
        ))}
    </Stack>
  );
}
