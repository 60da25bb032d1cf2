import DynamicTable from '@atlaskit/dynamic-table';
import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives/compiled/text';
import { stageName, usersById, type Catalog, type CatalogProcess } from '../../../common/catalogTypes';
import { ProcessStatusLozenge } from '../../../common/ProcessStatusLozenge';
import { TooltipText } from '../../../common/TooltipText';
import { UserAvatarName } from '../../../common/UserAvatarName';

const head = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true },
    { key: 'name', content: 'Name', isSortable: true },
    { key: 'status', content: 'Status', isSortable: true },
    { key: 'stream', content: 'Value stream / stage', isSortable: true },
    { key: 'apo', content: 'APO', isSortable: true },
    { key: 'asm', content: 'ASM', isSortable: true },
    { key: 'open', content: 'Open linked issues', isSortable: true },
    { key: 'kpis', content: 'KPIs', isSortable: true },
  ],
};

function OpenIssueCount({ counts, processKey }: { counts: Catalog['openIssueCounts']; processKey: string }) {
  if (counts === null) {
    return (
      <TooltipText tooltip="Jira could not count right now" label="Unknown: Jira could not count right now">
        —
      </TooltipText>
    );
  }
  return <Text>{counts[processKey] ?? 0}</Text>;
}

/** The catalog as a sortable table; a process's key opens it. Retired rows are muted. */
export function CatalogTable({
  catalog,
  processes,
  onOpen,
}: {
  catalog: Catalog;
  processes: CatalogProcess[];
  onOpen: (process: CatalogProcess) => void;
}) {
  const people = usersById(catalog.users);
  const streams = new Map(catalog.valueStreams.map((stream) => [stream.key, stream]));
  const rows = processes.map((process) => {
    const stream = process.valueStreamKey ? streams.get(process.valueStreamKey) : undefined;
    const where = stream ? `${stream.name}${stageName(stream, process.stageId) ? ` / ${stageName(stream, process.stageId)}` : ''}` : '—';
    const muted = process.status === 'retired';
    const text = (value: string) => <Text color={muted ? 'color.text.subtlest' : 'color.text'}>{value}</Text>;
    const apo = people.get(process.apoAccountId);
    const asm = process.asmAccountId ? people.get(process.asmAccountId) : undefined;
    return {
      key: process.key,
      testId: `process-row-${process.key}`,
      cells: [
        {
          key: process.key,
          content: (
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onOpen(process)}
              testId={`open-process-${process.key}`}
              aria-label={`Open ${process.key}: ${process.name}`}
            >
              {process.key}
            </Button>
          ),
        },
        { key: process.name.toLowerCase(), content: text(process.name) },
        { key: process.status, content: <ProcessStatusLozenge status={process.status} /> },
        { key: where.toLowerCase(), content: text(where) },
        { key: (apo?.displayName ?? '').toLowerCase(), content: <UserAvatarName accountId={process.apoAccountId} user={apo} /> },
        { key: (asm?.displayName ?? '').toLowerCase(), content: <UserAvatarName accountId={process.asmAccountId} user={asm} /> },
        {
          key: catalog.openIssueCounts?.[process.key] ?? -1,
          content: <OpenIssueCount counts={catalog.openIssueCounts} processKey={process.key} />,
        },
        { key: process.kpis.length, content: text(String(process.kpis.length)) },
      ],
    };
  });
  return (
    <DynamicTable
      caption="Processes"
      head={head}
      rows={rows}
      defaultSortKey="key"
      defaultSortOrder="ASC"
      testId="catalog-table"
      emptyView={<Text>No process matches these filters.</Text>}
    />
  );
}
