import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { usersById, type Catalog, type CatalogProcess, type CatalogValueStream } from '../../../common/catalogTypes';
import { ProcessStatusLozenge } from '../../../common/ProcessStatusLozenge';
import { UserAvatarName } from '../../../common/UserAvatarName';

function ProcessCard({ process, onOpen }: { process: CatalogProcess; onOpen: (process: CatalogProcess) => void }) {
  return (
    <li>
      <Box padding="space.100" backgroundColor="color.background.neutral.subtle" testId={`stage-card-${process.key}`}>
        <Inline space="space.075" alignBlock="center">
          <Button appearance="subtle" spacing="compact" onClick={() => onOpen(process)}>
            {process.key}
          </Button>
          <Text color={process.status === 'retired' ? 'color.text.subtlest' : 'color.text'}>{process.name}</Text>
          <ProcessStatusLozenge status={process.status} />
        </Inline>
      </Box>
    </li>
  );
}

function StreamColumns({
  stream,
  processes,
  onOpen,
}: {
  stream: CatalogValueStream;
  processes: CatalogProcess[];
  onOpen: (process: CatalogProcess) => void;
}) {
  const unstaged = processes.filter((process) => !stream.stages.some((stage) => stage.id === process.stageId));
  const columns = [
    ...stream.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      processes: processes.filter((process) => process.stageId === stage.id),
    })),
    ...(unstaged.length ? [{ id: 'no-stage', name: 'No stage', processes: unstaged }] : []),
  ];
  return (
    <ol
      style={{ display: 'flex', gap: 'var(--ds-space-200, 16px)', listStyle: 'none', padding: 0, margin: 0, overflowX: 'auto' }}
      aria-label={`Stages of ${stream.name}, in order`}
    >
      {columns.map((column, index) => (
        <li key={column.id} style={{ minWidth: 200 }}>
          <Stack space="space.100">
            <Heading size="xsmall" as="h4">
              {column.id === 'no-stage' ? column.name : `${index + 1}. ${column.name}`}
            </Heading>
            {column.processes.length === 0 ? (
              <Text color="color.text.subtlest">No process here yet.</Text>
            ) : (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--ds-space-100, 8px)' }}>
                {column.processes.map((process) => (
                  <ProcessCard key={process.key} process={process} onOpen={onOpen} />
                ))}
              </ul>
            )}
          </Stack>
        </li>
      ))}
    </ol>
  );
}

/** Each value stream's stages in order, with the processes at each stage. */
export function ValueStreamBoard(props: {
  catalog: Catalog;
  processes: CatalogProcess[];
  onOpen: (process: CatalogProcess) => void;
  onEditStream: (stream: CatalogValueStream) => void;
}) {
  const { catalog } = props;
  const people = usersById(catalog.users);
  if (catalog.valueStreams.length === 0) return <Text as="p">No value streams yet.</Text>;
  return (
    <Stack space="space.300" testId="value-stream-board">
      {catalog.valueStreams.map((stream) => (
        <section key={stream.key} aria-label={`Value stream ${stream.name}`} data-testid={`value-stream-${stream.key}`}>
          <Stack space="space.150">
            <Inline space="space.150" alignBlock="center" shouldWrap>
              <Heading size="small" as="h3">
                {stream.name} ({stream.key})
              </Heading>
              <Text color="color.text.subtle">Owner:</Text>
              <UserAvatarName accountId={stream.ownerAccountId} user={people.get(stream.ownerAccountId)} />
              {catalog.viewer.editableValueStreamKeys.includes(stream.key) && (
                <Button spacing="compact" onClick={() => props.onEditStream(stream)} aria-label={`Edit value stream ${stream.name}`}>
                  Edit
                </Button>
              )}
            </Inline>
            {stream.description && <Text as="p">{stream.description}</Text>}
            <StreamColumns
              stream={stream}
              processes={props.processes.filter((process) => process.valueStreamKey === stream.key)}
              onOpen={props.onOpen}
            />
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
