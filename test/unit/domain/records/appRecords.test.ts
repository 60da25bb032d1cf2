import { addDays } from 'date-fns';
import type { ProcessLink } from '../../../../src/domain/catalog/processLink';
import type { ImprovementProperty } from '../../../../src/domain/improvements/improvementProperty';
import { tickDod, withOutcome } from '../../../../src/domain/improvements/improvementStory';
import {
  checkImprovement,
  checkLink,
  improvementRecordOf,
  linkRecordOf,
  removedLinkRecord,
  recordAfterWrite,
  recordedProperty,
} from '../../../../src/domain/records/appRecords';
import { LONG_AGO } from '../../../builders/datasetBuilders';
import { anImprovementProperty } from '../../../builders/improvementBuilders';

const APO = 'acc-apo';
const MEMBER = 'acc-member';
const at = (days: number) => addDays(new Date(LONG_AGO), days);
const dod = [
  { itemId: 'runbook', text: 'Runbook updated', done: false, doneBy: null, doneAt: null },
  { itemId: 'measured', text: 'Measured', done: false, doneBy: null, doneAt: null },
];

/** A story the app wrote: the APO ticked the runbook item and recorded "refuted". */
function appWritten(): { property: ImprovementProperty; record: ReturnType<typeof improvementRecordOf> } {
  const created = anImprovementProperty({ dod });
  const ticked = tickDod(created, null, 'runbook', true, APO, at(1));
  const property = withOutcome(ticked, { value: 'refuted', note: 'No change in MTTR' }, APO, at(2));
  return { property, record: improvementRecordOf(property) };
}

describe('the compare rule for improvement stories', () => {
  it('verifies a property that says what the app recorded, crediting the recorded authors', () => {
    const { property, record } = appWritten();
    const checked = checkImprovement(property, record);
    expect(checked.state).toBe('verified');
    expect(checked.changed).toEqual([]);
    expect(checked.outcome).toEqual({ value: 'refuted', note: 'No change in MTTR', by: APO, at: at(2).toISOString() });
    expect(checked.dod.find((line) => line.itemId === 'runbook')).toMatchObject({ done: true, doneBy: APO });
  });

  it('shows the record, not the property, when a member rewrote the outcome "by" the APO', () => {
    const { property, record } = appWritten();
    const forged = { ...property, outcome: { value: 'confirmed' as const, note: 'Worked', by: APO, at: at(3).toISOString() } };
    const checked = checkImprovement(forged, record);
    expect(checked.state).toBe('changed-outside');
    expect(checked.changed).toEqual(['outcome']);
    expect(checked.outcome?.value).toBe('refuted');
    expect(checked.propertySays?.outcome).toMatchObject({ value: 'confirmed', by: APO });
    expect(recordedProperty(forged, record).outcome?.value).toBe('refuted');
  });

  it('marks DoD ticks added or removed outside the app, and keeps the recorded ticks', () => {
    const { property, record } = appWritten();
    const forged = {
      ...property,
      dod: property.dod.map((line) =>
        line.itemId === 'measured' ? { ...line, done: true, doneBy: APO, doneAt: at(4).toISOString() } : { ...line, done: false },
      ),
    };
    const checked = checkImprovement(forged, record);
    expect(checked.changed).toEqual(['dod']);
    expect(checked.propertySays?.dodDoneItemIds).toEqual(['measured']);
    expect(checked.dod.map((line) => [line.itemId, line.done, line.doneBy])).toEqual([
      ['runbook', true, APO],
      ['measured', false, null],
    ]);
  });

  it('credits nobody for a property without a record (written before the app kept records)', () => {
    const { property } = appWritten();
    const checked = checkImprovement(property, null);
    expect(checked.state).toBe('unverified');
    expect(checked.outcome).toEqual({ value: 'refuted', note: 'No change in MTTR', by: null, at: null });
    expect(checked.dod.find((line) => line.itemId === 'runbook')).toMatchObject({ done: true, doneBy: null, doneAt: null });
  });

  it('adopts old values as unverified on the first app write, crediting only what that write changed', () => {
    const { property: old } = appWritten();
    const next = tickDod(old, null, 'measured', true, MEMBER, at(5));
    const record = recordAfterWrite(next, old, null);
    const checked = checkImprovement(next, record);
    expect(checked.state).toBe('verified');
    expect(checked.outcome).toMatchObject({ value: 'refuted', by: null });
    expect(checked.dod.map((line) => [line.itemId, line.doneBy])).toEqual([
      ['runbook', null],
      ['measured', MEMBER],
    ]);
  });

  it('keeps a recorded author when a later write leaves that value alone', () => {
    const { property, record } = appWritten();
    const next = tickDod(property, null, 'measured', true, MEMBER, at(5));
    const after = recordAfterWrite(next, property, record);
    expect(after.outcome).toMatchObject({ by: APO });
    expect(after.outcome?.unverified).toBeUndefined();
    expect(after.dodTicks.map((tick) => tick.by)).toEqual([APO, MEMBER]);
  });
});

describe('the compare rule for process links', () => {
  const link = (overrides: Partial<ProcessLink> = {}): ProcessLink => ({
    schemaVersion: 1,
    processKey: 'INC',
    valueStreamKey: 'RUN',
    stageId: null,
    stageName: null,
    linkedBy: MEMBER,
    linkedAt: at(1).toISOString(),
    source: 'person',
    ...overrides,
  });

  it('verifies the link the app wrote and credits who linked it', () => {
    const checked = checkLink(link(), linkRecordOf(link()));
    expect(checked).toMatchObject({ state: 'verified', linkedBy: MEMBER, processKey: 'INC', propertySays: null });
  });

  it('never credits the claimed author of a link rewritten outside the app', () => {
    const record = linkRecordOf(link());
    const checked = checkLink(link({ processKey: 'CHG', linkedBy: APO }), record);
    expect(checked).toMatchObject({ state: 'changed-outside', linkedBy: MEMBER, processKey: 'INC' });
    expect(checked.propertySays).toMatchObject({ processKey: 'CHG', linkedBy: APO });
  });

  it('marks a link removed outside the app, and one that reappears after the app removed it', () => {
    expect(checkLink(null, linkRecordOf(link())).state).toBe('changed-outside');
    const removed = checkLink(link({ linkedBy: APO }), removedLinkRecord(MEMBER, at(2).toISOString()));
    expect(removed).toMatchObject({ state: 'changed-outside', linkedBy: null, processKey: null });
  });

  it('shows a link without a record unverified, crediting nobody', () => {
    expect(checkLink(link(), null)).toMatchObject({ state: 'unverified', linkedBy: null, processKey: 'INC' });
  });
});
