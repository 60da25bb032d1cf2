import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { stageName, usersById, type IssueProcessPanelData } from '../../common/catalogTypes';
import { KpiTargetList } from '../../common/KpiTargetList';
import { ProcessStatusLozenge } from '../../common/ProcessStatusLozenge';
import { UserAvatarName } from '../../common/UserAvatarName';
import { formatDateTime } from '../../common/dateFormat';

/** Who made the link, as Process Loop recorded it: a person, an automation, or the app itself; never the property's claim. */
function LinkedBy({ panel, people }: { panel: IssueProcessPanelData; people: ReturnType<typeof usersById> }) {
  const { linkedBy, linkedAt, source, state } = panel.linkCheck;
  if (state === 'unverified' || !linkedBy) {
    return (
      <Text color="color.text.subtle" testId="linked-by">
        Linked before Process Loop kept its own record of who linked what, so who linked it is not verified.
      </Text>
    );
  }
  const when = linkedAt ? ` on ${formatDateTime(linkedAt)}` : '';
  if (source === 'inherited' || source === 'auto-rule') {
    const how = source === 'inherited' ? 'from the parent or epic' : 'by an auto-link rule';
    return <Text testId="linked-by">{`Process Loop, ${how}${when}`}</Text>;
  }
  const person = people.get(linkedBy);
  if (!person) return <Text testId="linked-by">{`${source === 'automation' ? 'An automation' : 'Unknown user'}${when}`}</Text>;
  return <Text testId="linked-by">{`${person.displayName}${source === 'automation' ? ' (automation rule)' : ''}${when}`}</Text>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack space="space.025">
      <Text size="small" weight="semibold" color="color.text.subtle" as="strong">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The process that owns this issue, as the catalog describes it. */
export function LinkedProcessSummary({ panel }: { panel: IssueProcessPanelData }) {
  const { link, process, valueStream } = panel;
  if (!link) return null;
  if (!process) {
    return (
      <Text as="p" testId="process-missing">
        Linked to <span data-testid="process-key">{link.processKey}</span>, which is no longer in the process catalog. Pick another process
        below.
      </Text>
    );
  }
  const people = usersById(panel.users);
  const stage = link.stageName ?? stageName(valueStream, link.stageId);
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="bold" testId="process-key">
          {process.key}
        </Text>
        <Heading size="xsmall" as="h3" testId="process-name">
          {process.name}
        </Heading>
        <ProcessStatusLozenge status={process.status} testId="process-status" />
      </Inline>
      <Inline space="space.300" shouldWrap>
        <Fact label="Value stream">
          <Text testId="value-stream">{valueStream?.name ?? 'None'}</Text>
        </Fact>
        <Fact label="Stage">
          <Text testId="stage">{stage ?? 'None'}</Text>
        </Fact>
      </Inline>
      <Inline space="space.300" shouldWrap>
        <Fact label="APO (process owner)">
          <UserAvatarName accountId={process.apoAccountId} user={people.get(process.apoAccountId)} testId="apo" />
        </Fact>
        <Fact label="ASM (service manager)">
          <UserAvatarName
            accountId={process.asmAccountId}
            user={process.asmAccountId ? people.get(process.asmAccountId) : undefined}
            testId="asm"
          />
        </Fact>
      </Inline>
      <Fact label="Linked by">
        <LinkedBy panel={panel} people={people} />
      </Fact>
      <Fact label="Purpose">
        <Text as="p" testId="purpose">
          {process.purpose || 'No purpose written yet.'}
        </Text>
      </Fact>
      <Fact label="KPI targets">
        <KpiTargetList kpis={process.kpis} testId="kpi-list" />
      </Fact>
    </Stack>
  );
}
