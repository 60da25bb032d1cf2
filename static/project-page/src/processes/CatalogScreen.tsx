import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { Catalog, CatalogProcess, CatalogValueStream } from '../../../common/catalogTypes';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { CatalogFilters } from './CatalogFilters';
import { defaultCatalogFilter, filterProcesses, type CatalogFilter } from './catalogFilters';
import { CatalogTable } from './CatalogTable';
import { ProcessDetails } from './ProcessDetails';
import { ProcessForm } from './ProcessForm';
import { confirmDiscard } from '../../../common/unsavedChanges';
import { LinkSuggestionsButton } from '../linkSuggestions/LinkSuggestionsButton';
import { ValueStreamBoard } from './ValueStreamBoard';
import { ValueStreamForm } from './ValueStreamForm';
import { LazyProcessTemplatesScreen, TemplatesButton } from '../templates/TemplatesEntry';

type Screen =
  | { kind: 'list'; layout: 'table' | 'streams' }
  | { kind: 'process'; key: string }
  | { kind: 'edit-process'; process: CatalogProcess | null }
  | { kind: 'edit-stream'; stream: CatalogValueStream | null }
  | { kind: 'templates' };

function withSaved<T extends { key: string }>(items: T[], saved: T): T[] {
  return items.some((item) => item.key === saved.key)
    ? items.map((item) => (item.key === saved.key ? saved : item))
    : [...items, saved].sort((a, b) => a.key.localeCompare(b.key));
}

/** Mirrors the backend's rule (admins, or the process's APO) so the new or changed row shows the right buttons at once. */
function afterProcessSave(catalog: Catalog, saved: CatalogProcess): Catalog {
  const { viewer } = catalog;
  const editable = viewer.isJiraAdmin || saved.apoAccountId === viewer.accountId;
  const editableProcessKeys = viewer.editableProcessKeys.filter((key) => key !== saved.key).concat(editable ? [saved.key] : []);
  return { ...catalog, processes: withSaved(catalog.processes, saved), viewer: { ...viewer, editableProcessKeys } };
}

function afterStreamSave(catalog: Catalog, saved: CatalogValueStream): Catalog {
  const { viewer } = catalog;
  const owns = viewer.isJiraAdmin || saved.ownerAccountId === viewer.accountId;
  const drop = (keys: string[]) => keys.filter((key) => key !== saved.key).concat(owns ? [saved.key] : []);
  return {
    ...catalog,
    valueStreams: withSaved(catalog.valueStreams, saved),
    viewer: {
      ...viewer,
      editableValueStreamKeys: drop(viewer.editableValueStreamKeys),
      processCreationStreamKeys: drop(viewer.processCreationStreamKeys),
    },
  };
}

/** The Processes tab once the catalog is loaded: list (table or by value stream), details and forms. */
export function CatalogScreen({ catalog, onCatalog }: { catalog: Catalog; onCatalog: (catalog: Catalog) => void }) {
  const [screen, setScreen] = useState<Screen>({ kind: 'list', layout: 'table' });
  const [filter, setFilter] = useState<CatalogFilter>(defaultCatalogFilter);
  const [announcement, setAnnouncement] = useState('');
  const dirty = useRef(false);
  const listHeadingRef = useRef<HTMLDivElement>(null);
  const { viewer } = catalog;
  const canCreateProcess = viewer.canCreateProcessWithoutStream || viewer.processCreationStreamKeys.length > 0;

  useEffect(() => {
    if (screen.kind === 'list') listHeadingRef.current?.focus();
  }, [screen.kind]);

  const go = (next: Screen) => {
    if (!confirmDiscard(dirty.current)) return;
    dirty.current = false;
    setScreen(next);
  };
  const backToList = () => go({ kind: 'list', layout: 'table' });
  const onDirtyChange = (value: boolean) => {
    dirty.current = value;
  };

  if (screen.kind === 'edit-process') {
    return (
      <ProcessForm
        catalog={catalog}
        process={screen.process}
        onDirtyChange={onDirtyChange}
        onCancel={() => (screen.process ? go({ kind: 'process', key: screen.process.key }) : backToList())}
        onSaved={(saved) => {
          onCatalog(afterProcessSave(catalog, saved));
          setAnnouncement(`Saved ${saved.key}`);
          dirty.current = false;
          setScreen({ kind: 'process', key: saved.key });
        }}
      />
    );
  }
  if (screen.kind === 'templates') {
    return <LazyProcessTemplatesScreen catalog={catalog} onCatalog={onCatalog} onDirtyChange={onDirtyChange} onClose={backToList} />;
  }
  if (screen.kind === 'edit-stream') {
    return (
      <ValueStreamForm
        catalog={catalog}
        stream={screen.stream}
        onDirtyChange={onDirtyChange}
        onCancel={() => go({ kind: 'list', layout: 'streams' })}
        onSaved={(saved) => {
          onCatalog(afterStreamSave(catalog, saved));
          setAnnouncement(`Saved value stream ${saved.name}`);
          dirty.current = false;
          setScreen({ kind: 'list', layout: 'streams' });
        }}
      />
    );
  }
  const opened = screen.kind === 'process' ? catalog.processes.find((process) => process.key === screen.key) : undefined;
  if (opened) {
    return (
      <>
        <LiveAnnouncement message={announcement} />
        <ProcessDetails
          catalog={catalog}
          process={opened}
          onBack={backToList}
          onEdit={viewer.editableProcessKeys.includes(opened.key) ? () => go({ kind: 'edit-process', process: opened }) : null}
        />
      </>
    );
  }

  const layout = screen.kind === 'list' ? screen.layout : 'table';
  const createProcessButton = canCreateProcess && (
    <Button appearance="primary" onClick={() => go({ kind: 'edit-process', process: null })} testId="create-process">
      Create process
    </Button>
  );
  const templatesButton = (
    <TemplatesButton emptyCatalog={catalog.processes.length === 0} canCreate={canCreateProcess} onOpen={() => go({ kind: 'templates' })} />
  );
  const visible = filterProcesses(catalog.processes, filter);
  return (
    <Stack space="space.200">
      <LiveAnnouncement message={announcement} />
      <div ref={listHeadingRef} tabIndex={-1}>
        <Heading size="medium" as="h2">
          Process catalog
        </Heading>
      </div>
      <Inline space="space.100" shouldWrap>
        {createProcessButton}
        {catalog.processes.length > 0 && templatesButton}
        {viewer.canCreateValueStream && (
          <Button onClick={() => go({ kind: 'edit-stream', stream: null })} testId="create-value-stream">
            Create value stream
          </Button>
        )}
        <LinkSuggestionsButton />
        <Button
          appearance="subtle"
          isSelected={layout === 'table'}
          aria-pressed={layout === 'table'}
          onClick={() => setScreen({ kind: 'list', layout: 'table' })}
          testId="layout-table"
        >
          Table
        </Button>
        <Button
          appearance="subtle"
          isSelected={layout === 'streams'}
          aria-pressed={layout === 'streams'}
          onClick={() => setScreen({ kind: 'list', layout: 'streams' })}
          testId="layout-streams"
        >
          By value stream
        </Button>
      </Inline>
      {catalog.processes.length === 0 ? (
        <div data-testid="catalog-empty">
          <EmptyState
            header="No processes yet"
            headingLevel={3}
            description="A process is a repeatable piece of work (incident handling, onboarding, a release) with an owner (APO), a purpose, KPIs that say whether it goes well, and a Definition of Done. Link issues to it to see how it performs each sprint."
            primaryAction={templatesButton}
          />
          {!canCreateProcess && <Text>Ask a Jira admin or a value stream owner to create the first process.</Text>}
        </div>
      ) : layout === 'table' ? (
        <Stack space="space.200">
          <CatalogFilters catalog={catalog} filter={filter} onChange={setFilter} />
          <CatalogTable catalog={catalog} processes={visible} onOpen={(process) => go({ kind: 'process', key: process.key })} />
        </Stack>
      ) : null}
      {layout === 'streams' && (
        <ValueStreamBoard
          catalog={catalog}
          processes={catalog.processes}
          onOpen={(process) => go({ kind: 'process', key: process.key })}
          onEditStream={(stream) => go({ kind: 'edit-stream', stream })}
        />
      )}
    </Stack>
  );
}
