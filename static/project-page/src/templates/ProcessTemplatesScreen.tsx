import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import Button from '@atlaskit/button/new';
import { Fieldset } from '@atlaskit/form/fieldset';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { RadioGroup } from '@atlaskit/radio';
import Textfield from '@atlaskit/textfield';
import type { PayloadOf } from '../../../../src/contract';
import { usersById, type Catalog } from '../../../common/catalogTypes';
import { ErrorState } from '../../../common/ErrorState';
import { invokeResolver } from '../../../common/invokeResolver';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { Notice } from '../../../common/Notice';
import { useUnsavedChangesGuard } from '../../../common/unsavedChanges';
import { useResolver } from '../../../common/useResolver';
import { FormField } from '../../../common/forms/FormField';
import { UserPicker } from '../processes/UserPicker';
import { TemplateCard } from './TemplateCard';
import { TemplateResults } from './TemplateResults';
import {
  checkSelection,
  groupTemplates,
  planCreation,
  runPlan,
  type Choices,
  type Selection,
  type TemplateLibrary,
  type TemplateOutcome,
} from './templateSelection';

export type ProcessTemplatesScreenProps = {
  catalog: Catalog;
  /** The catalog reloaded after creating, so the list shows the new processes with the right rights. */
  onCatalog: (catalog: Catalog) => void;
  onClose: () => void;
  onDirtyChange: (dirty: boolean) => void;
};

type Phase =
  | { kind: 'choosing' }
  | { kind: 'creating' | 'done'; order: string[]; outcomes: Record<string, TemplateOutcome>; catalogRefreshed?: boolean };

const cardGrid: CSSProperties = {
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: 'var(--ds-space-150, 12px)',
  gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))',
};

type ValueStreamPayload = PayloadOf<'saveValueStream'>;
type ProcessPayload = PayloadOf<'saveProcess'>;

const pickedCount = (count: number) => `${count} ${count === 1 ? 'process' : 'processes'}`;

function summary(outcomes: TemplateOutcome[]): string {
  const count = (state: TemplateOutcome['state']) => outcomes.filter((outcome) => outcome.state === state).length;
  const parts = [`${count('created')} created`];
  if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return parts.join(', ');
}

/**
 * Start a catalog from templates: pick practices, name their APO and ASM, create. Each stream and
 * process is one ordinary save (the catalog's own permission and conflict rules); nothing in the
 * catalog is overwritten.
 */
function ProcessTemplatesChooser(props: ProcessTemplatesScreenProps & { library: TemplateLibrary }) {
  const { catalog, library } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>({});
  const [choices, setChoices] = useState<Choices>({ apoAccountId: catalog.viewer.accountId, asmAccountId: null, status: 'active' });
  const [showErrors, setShowErrors] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [announcement, setAnnouncement] = useState('');
  // Named as opened: the catalog refreshed after creating is no longer empty, but this is still the same screen.
  const [title] = useState(catalog.processes.length === 0 ? 'Start from templates' : 'Add from templates');
  const headingRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const people = usersById(catalog.users);
  // The default APO is the viewer, whom the catalog's users may not list yet (as in the process form).
  const viewerId = catalog.viewer.accountId;
  if (!people.has(viewerId)) people.set(viewerId, { accountId: viewerId, displayName: 'You', avatarUrl: null });
  const groups = useMemo(() => groupTemplates(library, query), [library, query]);
  const check = checkSelection(library, selection, choices);
  const picked = library.templates.filter((template) => template.id in selection);
  const newStreams = library.valueStreams.filter((stream) => picked.some((t) => t.streamMissing && t.valueStreamKey === stream.key));
  const dirty = phase.kind === 'choosing' && picked.length > 0;
  const canCreate = library.viewer.canCreateProcesses;

  useUnsavedChangesGuard(dirty || phase.kind === 'creating');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tell the parent when `dirty` changes, not on each new callback
  useEffect(() => props.onDirtyChange(dirty), [dirty]);
  // Focus moves to the heading when the screen opens and when the picker gives way to the results.
  const choosing = phase.kind === 'choosing';
  useEffect(() => headingRef.current?.focus(), [choosing]);

  const toggle = (templateId: string, key: string, on: boolean) =>
    setSelection((current) => {
      const next = { ...current };
      if (on) next[templateId] = key;
      else delete next[templateId];
      return next;
    });

  async function create() {
    setShowErrors(true);
    if (Object.keys(check.errors).length > 0 || !choices.apoAccountId) {
      summaryRef.current?.focus();
      return;
    }
    const plan = planCreation(library, selection, { ...choices, apoAccountId: choices.apoAccountId });
    const order = plan.processes.map((entry) => entry.template.id);
    const waiting: TemplateOutcome = { state: 'waiting' };
    let outcomes: Record<string, TemplateOutcome> = Object.fromEntries(order.map((templateId) => [templateId, waiting]));
    setPhase({ kind: 'creating', order, outcomes });
    setAnnouncement(`Creating ${pickedCount(order.length)}…`);
    const saves = {
      saveValueStream: (payload: ValueStreamPayload) => invokeResolver('saveValueStream', payload),
      saveProcess: (payload: ProcessPayload) => invokeResolver('saveProcess', payload),
    };
    await runPlan(plan, saves, (templateId, outcome) => {
      outcomes = { ...outcomes, [templateId]: outcome };
      setPhase({ kind: 'creating', order, outcomes });
    });
    props.onDirtyChange(false);
    const refreshed = await invokeResolver('getCatalog', {});
    if (refreshed.ok) props.onCatalog(refreshed.data);
    setPhase({ kind: 'done', order, outcomes, catalogRefreshed: refreshed.ok });
    setAnnouncement(`Done: ${summary(Object.values(outcomes))}.`);
  }

  const heading = (
    <div ref={headingRef} tabIndex={-1}>
      <Heading size="medium" as="h2" id={`${id}-heading`}>
        {title}
      </Heading>
    </div>
  );

  if (phase.kind !== 'choosing') {
    return (
      <Stack space="space.300" testId="templates-results-screen">
        <LiveAnnouncement message={announcement} testId="templates-announcement" />
        {heading}
        <TemplateResults
          library={library}
          order={phase.order}
          outcomes={phase.outcomes}
          done={phase.kind === 'done'}
          catalogRefreshed={phase.catalogRefreshed ?? true}
          summary={summary(Object.values(phase.outcomes))}
        />
        <Inline space="space.100">
          <Button appearance="primary" isDisabled={phase.kind === 'creating'} onClick={props.onClose} testId="templates-back">
            Back to the catalog
          </Button>
        </Inline>
      </Stack>
    );
  }

  const errorCount = showErrors ? Object.keys(check.errors).length : 0;
  return (
    <form
      aria-labelledby={`${id}-heading`}
      data-testid="templates-screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <Stack space="space.300">
        <LiveAnnouncement message={announcement} testId="templates-announcement" />
        <div>
          {heading}
          <Text as="p" color="color.text.subtle">
            Pick the practices you run. Each starts with a purpose, KPIs with targets, a starter RACI, a Definition of Done for its
            improvements and ideas for automation, placed in a value stream. Adapt them afterwards like any process.
          </Text>
          <div ref={summaryRef} tabIndex={-1} style={errorCount > 0 ? { marginBlockStart: 'var(--ds-space-200, 16px)' } : undefined}>
            {errorCount > 0 && (
              <Notice appearance="error" role="alert" title="Some choices need attention" testId="templates-errors">
                <Text as="p">{check.errors.selection ?? check.errors.apo ?? 'See the messages next to the keys.'}</Text>
              </Notice>
            )}
          </div>
        </div>
        {!canCreate && (
          <Notice appearance="information" title="You can browse the templates, but not create processes" testId="templates-read-only">
            <Text as="p">{library.viewer.whoCanCreate}</Text>
          </Notice>
        )}
        {canCreate && (
          <Stack space="space.150">
            <Heading size="small" as="h3">
              Owners and status for the new processes
            </Heading>
            <Inline space="space.200" shouldWrap alignBlock="start">
              <FormField
                id={`${id}-apo`}
                label="APO (process owner)"
                error={showErrors ? check.errors.apo : undefined}
                help="Owns the processes and their improvement backlog."
              >
                <div data-testid="templates-apo" style={{ minInlineSize: 260 }}>
                  <UserPicker
                    inputId={`${id}-apo`}
                    value={choices.apoAccountId}
                    knownUsers={people}
                    isInvalid={showErrors && !!check.errors.apo}
                    describedBy={`${id}-apo-message`}
                    onChange={(accountId) => setChoices((c) => ({ ...c, apoAccountId: accountId }))}
                  />
                </div>
              </FormField>
              <FormField
                id={`${id}-asm`}
                label="ASM (service manager, optional)"
                help="Keeps the team on its practice and removes impediments."
              >
                <div data-testid="templates-asm" style={{ minInlineSize: 260 }}>
                  <UserPicker
                    inputId={`${id}-asm`}
                    value={choices.asmAccountId}
                    knownUsers={people}
                    isClearable
                    describedBy={`${id}-asm-message`}
                    onChange={(accountId) => setChoices((c) => ({ ...c, asmAccountId: accountId }))}
                  />
                </div>
              </FormField>
              <Fieldset legend="Status">
                <RadioGroup
                  name={`${id}-status`}
                  value={choices.status}
                  options={[
                    { name: `${id}-status`, value: 'active', label: 'Active: in use now', testId: 'templates-status-active' },
                    { name: `${id}-status`, value: 'draft', label: 'Draft: still being designed', testId: 'templates-status-draft' },
                  ]}
                  onChange={(event) => {
                    const status = event.currentTarget.value === 'draft' ? 'draft' : 'active';
                    setChoices((c) => ({ ...c, status }));
                  }}
                />
              </Fieldset>
            </Inline>
          </Stack>
        )}
        <FormField id={`${id}-search`} label="Search templates" help="By name, key, purpose or KPI.">
          <div style={{ maxInlineSize: 360 }}>
            <Textfield
              id={`${id}-search`}
              type="search"
              value={query}
              testId="templates-search"
              aria-describedby={`${id}-search-message`}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
        </FormField>
        {groups.length === 0 && (
          <Text as="p" testId="templates-none">
            No template matches “{query}”.
          </Text>
        )}
        {groups.map(({ stream, templates }) => (
          <section key={stream.key} aria-labelledby={`${id}-stream-${stream.key}`}>
            <Stack space="space.150">
              <Stack space="space.050">
                <Inline space="space.100" alignBlock="center">
                  <Heading size="small" as="h3" id={`${id}-stream-${stream.key}`}>
                    {stream.name}
                  </Heading>
                  {!stream.exists && <Lozenge appearance="new">New value stream</Lozenge>}
                </Inline>
                <Text color="color.text.subtle">{stream.stages.map((stage) => stage.name).join(' → ')}</Text>
              </Stack>
              <ul style={cardGrid}>
                {templates.map((template) => (
                  <TemplateCard
                    key={template.id}
                    template={template}
                    stream={stream}
                    pickedKey={selection[template.id]}
                    disabled={!template.canCreate}
                    error={showErrors ? check.errors[template.id] : undefined}
                    warning={check.warnings[template.id]}
                    onToggle={(on) => toggle(template.id, template.key, on)}
                    onKey={(key) => setSelection((current) => ({ ...current, [template.id]: key }))}
                  />
                ))}
              </ul>
            </Stack>
          </section>
        ))}
        {canCreate && (
          <Stack space="space.100">
            {newStreams.length > 0 && (
              <Text as="p" testId="templates-new-streams">
                Also creates the value {newStreams.length === 1 ? 'stream' : 'streams'} {newStreams.map((stream) => stream.name).join(', ')}
                , owned by the APO.
              </Text>
            )}
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isDisabled={picked.length === 0} testId="templates-create">
                {picked.length === 0 ? 'Create processes' : `Create ${pickedCount(picked.length)}`}
              </Button>
              <Button onClick={props.onClose} testId="templates-cancel">
                Cancel
              </Button>
            </Inline>
          </Stack>
        )}
        {!canCreate && (
          <Inline space="space.100">
            <Button onClick={props.onClose} testId="templates-cancel">
              Back to the catalog
            </Button>
          </Inline>
        )}
      </Stack>
    </form>
  );
}

/** Loads the library (from the backend, as the viewer sees it) and hands it to the chooser. */
export default function ProcessTemplatesScreen(props: ProcessTemplatesScreenProps) {
  const library = useResolver('getProcessTemplates', {});
  const { state } = library;
  if (state.status === 'loading') return <LoadingState label="Loading the templates…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={library.reload} />;
  return <ProcessTemplatesChooser {...props} library={state.data} />;
}
