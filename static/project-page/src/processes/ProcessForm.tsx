import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { usersById, type Catalog, type CatalogProcess } from '../../../common/catalogTypes';
import { ErrorState } from '../../../common/ErrorState';
import { Notice } from '../../../common/Notice';
import { ConflictNotice, type ComparedField } from './ConflictNotice';
import { fieldErrorsFrom } from '../../../common/forms/fieldErrors';
import { useVersionedSave } from '../../../common/forms/useVersionedSave';
import { ProcessBasicsSection } from './ProcessBasicsSection';
import {
  AutomationSection,
  CurrentSituationSection,
  DefinitionOfDoneSection,
  KpiSection,
  PurposeSection,
  RaciSection,
} from './ProcessSections';
import { draftToInput, emptyProcessDraft, processToDraft, type ProcessDraft } from './processDraft';
import { useUnsavedChangesGuard } from '../../../common/unsavedChanges';

function compareWithSaved(draft: ProcessDraft, current: CatalogProcess, catalog: Catalog): ComparedField[] {
  const people = usersById(catalog.users);
  const person = (accountId: string | null) => (accountId ? (people.get(accountId)?.displayName ?? accountId) : '');
  const theirs = processToDraft(current);
  const kpis = (d: ProcessDraft) => d.kpis.map((kpi) => `${kpi.name} ${kpi.target} ${kpi.unit}`).join('; ');
  const list = (items: { text: string }[]) => items.map((item) => item.text).join('; ');
  return [
    { label: 'Name', mine: draft.name, theirs: theirs.name },
    { label: 'Status', mine: draft.status, theirs: theirs.status },
    { label: 'Purpose', mine: draft.purpose, theirs: theirs.purpose },
    { label: 'Current situation', mine: draft.currentSituation, theirs: theirs.currentSituation },
    { label: 'APO', mine: person(draft.apoAccountId), theirs: person(theirs.apoAccountId) },
    { label: 'ASM', mine: person(draft.asmAccountId), theirs: person(theirs.asmAccountId) },
    { label: 'Value stream', mine: draft.valueStreamKey ?? '', theirs: theirs.valueStreamKey ?? '' },
    { label: 'Stage', mine: draft.stageId ?? '', theirs: theirs.stageId ?? '' },
    { label: 'KPIs', mine: kpis(draft), theirs: kpis(theirs) },
    { label: 'RACI steps', mine: draft.raci.map((s) => s.step).join('; '), theirs: theirs.raci.map((s) => s.step).join('; ') },
    { label: 'Definition of Done', mine: list(draft.definitionOfDone), theirs: list(theirs.definitionOfDone) },
    { label: 'Automation candidates', mine: list(draft.automationCandidates), theirs: list(theirs.automationCandidates) },
  ];
}

/**
 * Create or edit a process: every question the catalog asks, validation next to each field,
 * and a conflict view when someone else saved first.
 */
export function ProcessForm(props: {
  catalog: Catalog;
  process: CatalogProcess | null;
  onSaved: (process: CatalogProcess) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { catalog } = props;
  const [baseline, setBaseline] = useState<CatalogProcess | null>(props.process);
  // The last saved (or loaded) values: what the draft is compared with to know whether anything is unsaved.
  const [initial, setInitial] = useState<ProcessDraft>(() =>
    props.process
      ? processToDraft(props.process)
      : emptyProcessDraft({
          apoAccountId: catalog.viewer.accountId,
          valueStreamKey: catalog.viewer.canCreateProcessWithoutStream ? null : (catalog.viewer.processCreationStreamKeys[0] ?? null),
        }),
  );
  const [draft, setDraftState] = useState<ProcessDraft>(initial);
  const headingRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useVersionedSave('saveProcess', {
    newerOf: (answer) => answer.current,
    fieldsOf: (error) => fieldErrorsFrom(error, 'process'),
    focusOnError: summaryRef,
  });
  const { errors, saveError, conflict } = save;

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChangesGuard(dirty);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tell the parent when `dirty` changes, not on each new callback
  useEffect(() => props.onDirtyChange(dirty), [dirty]);
  useEffect(() => headingRef.current?.focus(), []);

  const setDraft = (update: (draft: ProcessDraft) => ProcessDraft) => setDraftState((current) => update(current));
  const people = usersById(catalog.users);
  // A new process defaults its APO to the viewer, whom the catalog's users may not list yet:
  // "You" reads right in the picker, where "Unknown user" looked like a fault.
  if (!people.has(catalog.viewer.accountId))
    people.set(catalog.viewer.accountId, { accountId: catalog.viewer.accountId, displayName: 'You', avatarUrl: null });
  const isNew = baseline === null;
  const streams = isNew
    ? catalog.valueStreams.filter((stream) => catalog.viewer.processCreationStreamKeys.includes(stream.key))
    : catalog.valueStreams;

  async function submit(expectedVersion: number | null) {
    const { input, errors: localErrors } = draftToInput(draft);
    if (Object.keys(localErrors).length > 0) {
      save.rejectLocally(localErrors);
      return;
    }
    const end = await save.save({ process: input, expectedVersion });
    if (end.status !== 'saved') return;
    setInitial(draft); // saved: nothing is unsaved any more
    props.onDirtyChange(false);
    props.onSaved(end.result.record);
  }

  return (
    <form
      aria-labelledby="process-form-heading"
      data-testid="process-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(baseline?.version ?? null);
      }}
    >
      <Stack space="space.300">
        {/* One block, so an empty summary (the usual case) adds no gap under the heading. */}
        <div>
          <div ref={headingRef} tabIndex={-1}>
            <Heading size="medium" as="h2" id="process-form-heading">
              {isNew ? 'Create process' : `Edit ${baseline.key}: ${baseline.name}`}
            </Heading>
          </div>
          <div
            ref={summaryRef}
            tabIndex={-1}
            style={saveError || Object.keys(errors).length > 0 ? { marginBlockStart: 'var(--ds-space-200, 16px)' } : undefined}
          >
            {saveError && <ErrorState error={saveError} />}
            {!saveError && Object.keys(errors).length > 0 && (
              <Notice appearance="error" role="alert" title="Some values need attention">
                <Text as="p">See the messages next to the fields.</Text>
              </Notice>
            )}
          </div>
        </div>
        {conflict && (
          <ConflictNotice
            fields={compareWithSaved(draft, conflict, catalog)}
            savedBy={people.get(conflict.updatedBy)?.displayName ?? 'Someone'}
            pending={save.pending}
            onUseMine={() => void submit(conflict.version)}
            onDiscardMine={() => {
              const theirs = processToDraft(conflict);
              setInitial(theirs);
              setBaseline(conflict);
              setDraftState(theirs);
              save.clearConflict();
            }}
          />
        )}
        <ProcessBasicsSection
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          isNew={isNew}
          valueStreams={streams}
          canChooseNoStream={isNew ? catalog.viewer.canCreateProcessWithoutStream : true}
          people={people}
        />
        <PurposeSection draft={draft} setDraft={setDraft} errors={errors} />
        <KpiSection draft={draft} setDraft={setDraft} errors={errors} />
        <RaciSection draft={draft} setDraft={setDraft} errors={errors} people={people} />
        <AutomationSection draft={draft} setDraft={setDraft} errors={errors} />
        <CurrentSituationSection draft={draft} setDraft={setDraft} errors={errors} />
        <DefinitionOfDoneSection draft={draft} setDraft={setDraft} errors={errors} />
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={save.pending} testId="process-form-save">
            {isNew ? 'Create process' : 'Save changes'}
          </Button>
          <Button onClick={props.onCancel} isDisabled={save.pending} testId="process-form-cancel">
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
