import { useEffect, useRef, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { stageName, usersById, type Catalog, type CatalogProcess } from '../../../common/catalogTypes';
import { KpiTargetList } from '../../../common/KpiTargetList';
import { ProcessStatusLozenge } from '../../../common/ProcessStatusLozenge';
import { UserAvatarName } from '../../../common/UserAvatarName';

function Answer({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack space="space.050">
      <Heading size="xsmall" as="h3">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

const textOr = (text: string, empty: string) => (
  <Text as="p" color={text ? 'color.text' : 'color.text.subtlest'}>
    {text || empty}
  </Text>
);

/** A process, read-only: what everyone may see; "Edit" only for those who may change it. */
export function ProcessDetails({
  catalog,
  process,
  onEdit,
  onBack,
}: {
  catalog: Catalog;
  process: CatalogProcess;
  onEdit: (() => void) | null;
  onBack: () => void;
}) {
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const people = usersById(catalog.users);
  const stream = catalog.valueStreams.find((candidate) => candidate.key === process.valueStreamKey);
  const party = (p: CatalogProcess['raci'][number]['responsible'][number]) =>
    p.kind === 'role' ? p.name : (people.get(p.accountId)?.displayName ?? 'Unknown user');
  return (
    <Stack space="space.200" testId="process-details">
      <div ref={headingRef} tabIndex={-1}>
        <Inline space="space.100" alignBlock="center">
          <Heading size="medium" as="h2">
            {process.key}: {process.name}
          </Heading>
          <ProcessStatusLozenge status={process.status} />
        </Inline>
      </div>
      <Inline space="space.100">
        <Button onClick={onBack}>Back to the catalog</Button>
        {onEdit && (
          <Button appearance="primary" onClick={onEdit} testId="edit-process">
            Edit
          </Button>
        )}
      </Inline>
      <Inline space="space.300" shouldWrap>
        <Answer title="Value stream / stage">
          {textOr(
            stream ? `${stream.name}${stageName(stream, process.stageId) ? ` / ${stageName(stream, process.stageId)}` : ''}` : '',
            'None',
          )}
        </Answer>
        <Answer title="APO">
          <UserAvatarName accountId={process.apoAccountId} user={people.get(process.apoAccountId)} />
        </Answer>
        <Answer title="ASM">
          <UserAvatarName accountId={process.asmAccountId} user={process.asmAccountId ? people.get(process.asmAccountId) : undefined} />
        </Answer>
      </Inline>
      <Answer title="Purpose: why do we do this?">{textOr(process.purpose, 'Not answered yet.')}</Answer>
      <Answer title="KPIs: how do we know we do well?">
        <KpiTargetList kpis={process.kpis} />
      </Answer>
      <Answer title="RACI: who does what when?">
        {process.raci.length === 0 ? (
          textOr('', 'Not answered yet.')
        ) : (
          <ol>
            {process.raci.map((step) => (
              <li key={step.id}>
                <Text>
                  {step.step}
                  {step.when ? ` (${step.when})` : ''}. R: {step.responsible.map(party).join(', ') || '—'}; A:{' '}
                  {step.accountable.map(party).join(', ') || '—'}; C: {step.consulted.map(party).join(', ') || '—'}; I:{' '}
                  {step.informed.map(party).join(', ') || '—'}
                </Text>
              </li>
            ))}
          </ol>
        )}
      </Answer>
      <Answer title="Automation candidates: what could be automated?">
        {process.automationCandidates.length === 0 ? (
          textOr('', 'Not answered yet.')
        ) : (
          <ul>
            {process.automationCandidates.map((item) => (
              <li key={item.id}>
                <Text>
                  {item.text}
                  {item.done ? ' (automated)' : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Answer>
      <Answer title="Current situation: would a change matter, and to whom?">
        {textOr(process.currentSituation, 'Not answered yet.')}
      </Answer>
      <Answer title="Definition of Done">
        {process.definitionOfDone.length === 0 ? (
          textOr('', 'Not answered yet.')
        ) : (
          <ul>
            {process.definitionOfDone.map((item) => (
              <li key={item.id}>
                <Text>{item.text}</Text>
              </li>
            ))}
          </ul>
        )}
      </Answer>
    </Stack>
  );
}
