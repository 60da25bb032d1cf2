import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { seedIncidentProcess } from '../support/improvementSeed';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Many people saving the same record at once, with storage and Jira answering as slowly as on Forge (every KVS
 * call and Jira request is a network round trip there, so concurrent saves interleave). Of the editors who all
 * start from one version, exactly one is told "saved" and that save is what is stored; every other one is told
 * of the conflict with the winner's values. No write is acknowledged and then lost.
 */
const EDITORS = 10;
const ROUNDS = 5;

let wb: TestWorkbench;
const { ok } = resolverAnswers(() => wb);

beforeEach(async () => {
  wb = await createTestWorkbench();
  await seedIncidentProcess(wb);
  // Latency only once the catalog is seeded: the races are what is slow, not the set-up.
  wb.host.kvsLatency = { minMs: 5, maxMs: 15 };
  wb.host.jiraLatency = { minMs: 20, maxMs: 20 };
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

/** What a save answered, reduced to what the race is about: the version and the one value each editor chose. */
interface Told {
  outcome: 'saved' | 'conflict';
  version: number;
  value: string;
}

interface Race {
  startVersion: number;
  /** The value editor `editor` saves in round `round` (a round's values differ from each other). */
  valueOf: (round: number, editor: number) => string;
  save: (value: string, expectedVersion: number) => Promise<Told>;
  /** The record as stored now, told as a conflict would tell it. */
  stored: () => Promise<Told>;
}

/** Rounds of `EDITORS` concurrent saves from the same version; each round must have one winner, stored as told. */
async function race({ startVersion, valueOf, save, stored }: Race) {
  let version = startVersion;
  for (let round = 1; round <= ROUNDS; round++) {
    const values = Array.from({ length: EDITORS }, (_, editor) => valueOf(round, editor));
    const answers = await Promise.all(values.map((value) => save(value, version)));
    const winners = answers.filter((answer) => answer.outcome === 'saved');
    expect(winners).toHaveLength(1);
    const winner = { outcome: 'saved', version: version + 1, value: winners[0]!.value };
    expect(winners[0]).toEqual(winner);
    expect(answers.filter((answer) => answer.outcome === 'conflict')).toEqual(
      Array.from({ length: EDITORS - 1 }, () => ({ ...winner, outcome: 'conflict' })),
    );
    expect(await stored()).toEqual({ ...winner, outcome: 'conflict' });
    version += 1;
  }
}

/** A catalog entry's race: the entry's name is what each editor changes. */
function catalogRace(
  valueOf: Race['valueOf'],
  save: (name: string, expectedVersion: number) => Promise<{ outcome: Told['outcome']; record?: Entry; current?: Entry }>,
  stored: (catalog: { processes: Entry[]; valueStreams: Entry[] }) => Entry | undefined,
) {
  // A missing entry tells version -1, which no expectation accepts.
  const told = (outcome: Told['outcome'], entry: Entry | undefined): Told => ({
    outcome,
    version: entry?.version ?? -1,
    value: entry?.name ?? '',
  });
  return race({
    startVersion: 1,
    valueOf,
    save: async (name, expectedVersion) => {
      const answer = await save(name, expectedVersion);
      return told(answer.outcome, answer.record ?? answer.current);
    },
    stored: async () => told('conflict', stored(await ok(wb.users.admin, 'getCatalog', {}))),
  });
}
interface Entry {
  key: string;
  version: number;
  name: string;
}

describe('concurrent saves under Forge-like latency', () => {
  it('keeps every acknowledged save of a process', async () => {
    const { admin, apo, asm } = wb.users;
    await catalogRace(
      (round, editor) => `Incidents, round ${round}, editor ${editor}`,
      (name, expectedVersion) =>
        ok(admin, 'saveProcess', { process: aProcessInput({ apoAccountId: apo, asmAccountId: asm, name }), expectedVersion }),
      (catalog) => catalog.processes.find((process) => process.key === 'INC'),
    );
  });

  it('keeps every acknowledged save of a value stream', async () => {
    const { admin } = wb.users;
    await catalogRace(
      (round, editor) => `Run the service, round ${round}, editor ${editor}`,
      (name, expectedVersion) =>
        ok(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin, name }), expectedVersion }),
      (catalog) => catalog.valueStreams.find((stream) => stream.key === 'RUN'),
    );
  });

  it('keeps every acknowledged save of the health settings', async () => {
    const { admin } = wb.users;
    const { defaults } = await ok(admin, 'getHealthSettings', {});
    // Each editor of a round sets its own green band, so the stored settings say whose save they are.
    const told = (outcome: Told['outcome'], record: { version: number; settings: { bands: { green: number } } }) => ({
      outcome,
      version: record.version,
      value: String(record.settings.bands.green),
    });
    await race({
      startVersion: 0,
      valueOf: (_round, editor) => String(defaults.bands.amber + 10 + editor),
      async save(green, expectedVersion) {
        const settings = { ...defaults, bands: { ...defaults.bands, green: Number(green) } };
        const answer = await ok(admin, 'saveHealthSettings', { settings, expectedVersion });
        return told(answer.outcome, answer.outcome === 'saved' ? answer.record : answer.current);
      },
      async stored() {
        return told('conflict', (await ok(admin, 'getHealthSettings', {})).record);
      },
    });
  });

  it('keeps every acknowledged save of the auto-link rules', async () => {
    const { admin } = wb.users;
    const told = (outcome: Told['outcome'], ruleSet: { version: number; rules: Array<{ value: string }> }) => ({
      outcome,
      version: ruleSet.version,
      value: ruleSet.rules[0]!.value,
    });
    await race({
      startVersion: 0,
      valueOf: (round, editor) => `outage-round-${round}-editor-${editor}`,
      async save(label, expectedVersion) {
        const rules = [{ id: 'outages', kind: 'label', value: label, processKey: 'INC' }];
        const answer = await ok(admin, 'saveAutoLinkRules', { rules, expectedVersion });
        return told(answer.outcome, answer.autoLinkRules);
      },
      async stored() {
        return told('conflict', (await ok(admin, 'getAutomationSettings', {})).autoLinkRules);
      },
    });
  });

  it('keeps every acknowledged save of a sprint review, each with its own history entry', async () => {
    const { apo } = wb.users;
    const { sprint } = await ok(apo, 'getSprintReview', { processKey: 'INC' });
    const told = (outcome: Told['outcome'], review: { version: number; achieved: string } | null) => ({
      outcome,
      version: review?.version ?? -1,
      value: review?.achieved ?? '',
    });
    const payload = { processKey: 'INC', sprintId: sprint.id, next: '', kpiReadings: [], storyOutcomes: [] };
    await race({
      startVersion: 0,
      valueOf: (round, editor) => `Round ${round}: editor ${editor}'s notes`,
      async save(achieved, expectedVersion) {
        const answer = await ok(apo, 'saveSprintReview', { ...payload, achieved, expectedVersion: expectedVersion || null });
        return told(answer.outcome, answer.view.review);
      },
      async stored() {
        return told('conflict', (await ok(apo, 'getSprintReview', { processKey: 'INC', sprintId: sprint.id })).review);
      },
    });
    const { history } = await ok(apo, 'getSprintReview', { processKey: 'INC', sprintId: sprint.id });
    expect(history.map((entry) => entry.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
