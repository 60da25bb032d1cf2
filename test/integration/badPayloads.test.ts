import fc from 'fast-check';
import type { z } from 'zod';
import { resolverContract, resolverKeys, type ResolverKey } from '../../src/contract';
import { actionInputSchemas, type AutomationActionKey } from '../../src/automation/actionInputs';
import { surfaceKeys, type Surface } from '../../src/resolvers/surfaces';
import { signRequest } from '../../src/webtrigger/signature';
import { runActionAsRule } from '../../workbench/automation/runAction';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Generated bad input sent to every entry point through the emulated runtime: every resolver key of
 * every surface, every automation action and the web trigger. Each answer must be a clear error
 * (a contract code with a message, never INTERNAL, a 500 or a stack trace), and the site must be as
 * it was: app storage and the Jira stand-in's data compared before and after.
 * The payloads come from each key's own schema (its field names, with values of the wrong kind), so
 * a key added later is covered without touching this file.
 */

jest.setTimeout(120_000);

const RUNS = 25;
const SEED = 20_261_202;

let wb: TestWorkbench;

beforeAll(async () => {
  wb = await createTestWorkbench();
});
afterAll(() => wb.close());

// --- the site before and after ----------------------------------------------------------------------

const WEB_TRIGGER_REPLAY_MARKERS = 'webtrigger-seen:';

/** Everything the workbench keeps (app storage and Jira), but a signed request's replay marker, which is its point. */
function siteSnapshot(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const ns of wb.store.namespaceNames()) {
    for (const [key, value] of wb.store.entries(ns)) {
      if (ns === 'kvs' && key.startsWith(WEB_TRIGGER_REPLAY_MARKERS)) continue;
      rows.set(`${ns} ${key}`, JSON.stringify(value));
    }
  }
  return rows;
}

/** The keys that differ, so a failure names what changed instead of printing the whole site. */
function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

const WRITE_METHODS = new Set(['PUT', 'DELETE', 'PATCH']);
/** Jira requests that change something (POSTs that only read, like searches and permission checks, are not). */
const jiraWrites = () =>
  wb.jira.requestLog.filter(
    (entry) =>
      WRITE_METHODS.has(entry.method) ||
      (entry.method === 'POST' && !/search|permissions\/check|bulkfetch|properties\/multi\/get/.test(entry.path)),
  );

// --- bad values --------------------------------------------------------------------------------------

const HUGE = 'x'.repeat(200_000);

/** Values no field of the contract means: wrong kinds, path tricks, prototype keys, huge and odd strings. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', '../1', '../../etc/passwd', '1/../2', '__proto__'),
  fc.constantFrom<unknown>('constructor', 'prototype', '%2e%2e%2f1', '<script>alert(1)</script>', HUGE, '\u0000', 'ITSM-1\n'),
  fc.constantFrom<unknown>([], [null], ['../1'], {}, { __proto__: null }, { constructor: { prototype: { polluted: true } } }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
);

/** Keys no payload has, and the ones that pollute prototypes when copied naively. */
const junkKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '../1', ''), fc.string({ minLength: 1, maxLength: 8 }));

/** Payloads that are not objects at all (Forge's resolver turns some of them into `{}`). */
const notAnObject = fc.constantFrom<unknown>(false, 0, '', 'x', 42, true, null, [], [{}], ['../1']);

/** An object with some of the schema's own fields set to bad values, and junk keys, built from JSON so `__proto__` is an own key. */
function badObject(fieldNames: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldNames.length ? fc.subarray([...fieldNames], { minLength: 1 }) : fc.constant([] as string[]);
  return fc
    .record({
      fields: fields.chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), badValue)))),
      junk: fc.array(fc.tuple(junkKey, badValue), { maxLength: 2 }),
    })
    .map(({ fields: chosen, junk }) => {
      const entries = [...chosen, ...junk].map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`);
      return JSON.parse(`{${entries.join(',')}}`) as Record<string, unknown>;
    });
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  items?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field names a payload schema reads, through its transforms, wrappers and unions. */
function fieldNamesOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'pipe' && def.in) return fieldNamesOf(def.in);
  if (def.innerType) return fieldNamesOf(def.innerType);
  if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap(fieldNamesOf))];
  return [];
}

/** Bad payloads for one schema: kept only when the schema refuses them, so each is bad by the contract's own rules. */
function badPayloadFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(notAnObject, badObject(fieldNamesOf(schema))).filter((payload) => !schema.safeParse(payload ?? {}).success);
}

/** Strings a schema may well accept that make trouble downstream: paths, prototype names, markup, huge text. */
const HOSTILE_STRINGS = [
  '../1',
  '1/../2',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '<img src=x onerror=alert(1)>',
  HUGE,
  ' ',
  'ITSM-1',
];

/** Values of the right kind for `schema` (so it may accept them), strings and record keys hostile where a schema allows any. */
function wellTypedHostile(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined) => (child && depth < 6 ? wellTypedHostile(child, depth + 1) : fc.constant(undefined));
  switch (def.type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 10 }));
    case 'number':
      return fc.oneof(fc.constantFrom(0, 1, -1, 2 ** 53 - 1, 1e9, 0.5), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, child]) => [key, inner(child)])));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'pipe':
      // z.preprocess is a pipe from a transform: the schema after it says what is accepted.
      return def.in && defOf(def.in).type === 'transform' ? inner(def.out) : inner(def.in);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'record':
      return fc.dictionary(fc.constantFrom('__proto__', 'constructor', '../1', 'INC'), inner(def.valueType), { maxKeys: 2 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => inner(item)));
    case 'null':
      return fc.constant(null);
    default:
      return def.innerType ? inner(def.innerType) : fc.constant(undefined);
  }
}

/** Up to `RUNS` distinct payloads the schema accepts, each as it arrives over the wire (JSON). */
function acceptedHostilePayloads(schema: z.ZodType): unknown[] {
  const candidates = fc.sample(wellTypedHostile(schema), { numRuns: 400, seed: SEED });
  const wire = [...new Set(candidates.map((candidate) => JSON.stringify(candidate ?? {})))].map((json) => JSON.parse(json) as unknown);
  return wire.filter((payload) => schema.safeParse(payload).success).slice(0, RUNS);
}

// --- clear errors ------------------------------------------------------------------------------------

const STACK_TRACE = /\n\s+at |Error:|\.ts:\d+/;

function expectClearResolverError(answer: unknown) {
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
  const { message, fields } = (answer as { error: { message: string; fields?: Record<string, string> } }).error;
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(STACK_TRACE);
  expect(Object.keys(fields ?? {}).length).toBeGreaterThan(0);
}

/** Runs `send` on each generated payload and checks the site is unchanged after each. */
async function expectNothingChanges<T>(arbitrary: fc.Arbitrary<T>, send: (value: T) => Promise<void>) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      const before = siteSnapshot();
      wb.jira.clearRequestLog();
      await send(value);
      expect(jiraWrites()).toEqual([]);
      expect(changedKeys(before, siteSnapshot())).toEqual([]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}

// --- resolvers -----------------------------------------------------------------------------------------

function contextFor(surface: Surface): Record<string, unknown> {
  if (surface === 'projectPage')
    return { extension: { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM', type: 'software' } } };
  if (surface === 'automationConfig') return { moduleKey: 'link-work-item-to-process', extension: { type: 'action' } };
  const issue = wb.jira.issue('ITSM-3');
  if (!issue) throw new Error('The dataset has no ITSM-3.');
  return {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key },
      project: { id: '10000', key: 'ITSM', type: 'software' },
    },
  };
}

const surfaceCases = (Object.keys(surfaceKeys) as Surface[]).flatMap((surface) =>
  surfaceKeys[surface].map((key: ResolverKey) => [surface, key] as const),
);

describe('every resolver key of every surface refuses bad payloads and changes nothing', () => {
  it('covers every key of the contract through some surface', () => {
    const exposed = new Set(surfaceCases.map(([, key]) => key));
    expect(resolverKeys.filter((key) => !exposed.has(key))).toEqual([]);
  });

  it.each(surfaceCases)('%s %s', async (surface, key) => {
    const context = contextFor(surface);
    const schema = resolverContract[key].payload as z.ZodType;
    await expectNothingChanges(
      fc.tuple(badPayloadFor(schema), fc.constantFrom(wb.users.admin, wb.users.apo, wb.users.member)),
      async ([payload, accountId]) => {
        expectClearResolverError(await wb.invoke(accountId, key, payload, context));
      },
    );
  });
});

describe('every resolver key answers well-typed hostile values clearly, polluting nothing', () => {
  afterEach(() => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it.each(surfaceCases)('%s %s', async (surface, key) => {
    const context = contextFor(surface);
    const payloads = acceptedHostilePayloads(resolverContract[key].payload as z.ZodType);
    for (const payload of payloads) {
      const answer = (await wb.invoke(wb.users.admin, key, payload, context)) as { ok: boolean; error?: { code: string; message: string } };
      if (answer.ok) continue;
      // Not found, forbidden, invalid (a rule beyond the schema's) or a conflict are clear answers; a crash is not.
      expect({ key, payload: JSON.stringify(payload).slice(0, 300), error: answer.error }).toEqual({
        key,
        payload: expect.any(String),
        error: expect.objectContaining({ code: expect.not.stringMatching(/^INTERNAL$/), message: expect.not.stringMatching(STACK_TRACE) }),
      });
    }
  });
});

// --- automation actions ----------------------------------------------------------------------------------

describe('every automation action refuses bad inputs and changes nothing', () => {
  const actions = () => wb.platform.manifest.actions.map((action) => action.key);

  it('has an input schema for every action in the manifest', () => {
    expect(actions().filter((key) => !(key in actionInputSchemas))).toEqual([]);
  });

  it.each(Object.keys(actionInputSchemas) as AutomationActionKey[])('%s', async (actionKey) => {
    expect(actions()).toContain(actionKey);
    const schema = actionInputSchemas[actionKey] as z.ZodType;
    const inputs = badObject(fieldNamesOf(schema)).filter((payload) => !schema.safeParse(payload).success);
    await expectNothingChanges(inputs, async (payload) => {
      const run = await runActionAsRule(wb.host, { actionKey, inputs: payload, actorAccountId: wb.users.admin });
      expect(run.outcome).toBe('failed');
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(/the configured inputs are not valid/);
      expect(run.errors[0]).not.toMatch(STACK_TRACE);
    });
  });
});

// --- the web trigger -----------------------------------------------------------------------------------

describe('the web trigger refuses bad bodies and changes nothing', () => {
  let secret: string;
  beforeAll(async () => {
    const rotated = (await wb.invoke(wb.users.admin, 'rotateWebTriggerSecret', {})) as { data: { secret: string } };
    secret = rotated.data.secret;
  });

  it('covers every web trigger of the manifest', () => {
    expect(wb.platform.manifest.webtriggers.map((module) => module.function)).toEqual(['automation-webhook']);
  });

  const bodyFields = ['action', 'issueKey', 'processKey', 'stageId', 'boardId'];
  const knownActions = fc.constantFrom('link-issue', 'process-health');
  /** Bodies with a known action and bad fields, bodies with no known action, and bodies that are not JSON objects. */
  const badBody = fc.oneof(
    fc.tuple(knownActions, badObject(bodyFields)).map(([action, rest]) => JSON.stringify({ ...rest, action })),
    badObject(bodyFields).map((body) => JSON.stringify(body)),
    fc.constantFrom('', 'not json', '{', 'null', '[]', '0', '"x"', '{"__proto__":{"polluted":true},"action":"link-issue"}'),
  );

  it('answers 400 to signed bad bodies, 401 to unsigned ones, never a 500', async () => {
    let sent = 0;
    await expectNothingChanges(fc.tuple(badBody, fc.boolean()), async ([body, signed]) => {
      // A second apart (within the allowed skew), so a body sent twice is not refused as a replay.
      const timestamp = Math.floor(Date.now() / 1000) - sent++;
      const headers: Record<string, string[]> = signed
        ? {
            'x-process-loop-timestamp': [String(timestamp)],
            'x-process-loop-signature': [`sha256=${signRequest(secret, timestamp, body)}`],
          }
        : { 'x-process-loop-timestamp': [String(timestamp)], 'x-process-loop-signature': ['sha256=00'] };
      const response = (await wb.host.invokeFunction('automation-webhook', { method: 'POST', path: '/', body, headers })) as {
        statusCode: number;
        body: string;
      };
      const tooBig = Buffer.byteLength(body, 'utf8') > 8 * 1024;
      expect(response.statusCode).toBe(signed && !tooBig ? 400 : 401);
      const answer = JSON.parse(response.body) as { error: string; message?: string };
      expect(answer.error).toEqual(expect.any(String));
      if (response.statusCode === 400) expect(answer.message).toEqual(expect.any(String));
      expect(response.body).not.toMatch(STACK_TRACE);
    });
  });
});

// --- product events ------------------------------------------------------------------------------------

describe('every product event trigger ignores events with bad ids and changes nothing', () => {
  // The app-installed event carries no ids: it is the only one whose delivery is meant to write.
  const eventTypes = () =>
    [...new Set(wb.platform.manifest.triggers.flatMap((trigger) => trigger.events))].filter((type) => type !== 'avi:forge:installed:app');
  const badId = fc.oneof(fc.constantFrom<unknown>('../1', '1/../2', '', ' ', '__proto__', '-1', '1e3', null, -1, 1.5, {}, []), badValue);
  /** Shapes of issue and sprint events, with a bad id where Jira puts one. */
  const badEvent = fc.oneof(
    badId.map((id) => ({
      issue: { id, key: 'ITSM-3' },
      changelog: { id: '900001', items: [{ field: 'parent', from: null, to: '10001' }] },
    })),
    badId.map((id) => ({ issue: { id, key: 'ITSM-3' }, changelog: { id: '900002', items: [{ field: 'Sprint', from: '17', to: '' }] } })),
    badId.map((id) => ({ sprint: { id, originBoardId: 1 } })),
    badId.map((id) => ({ sprint: { id: 17, originBoardId: id } })),
  );

  it('answers every delivery without an error', async () => {
    // The triggers log each ignored event; hundreds of them would bury the test's own output.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expectNothingChanges(fc.tuple(fc.constantFrom(...eventTypes()), badEvent), async ([eventType, event]) => {
      const deliveries = await wb.deliverEvent(eventType, JSON.parse(JSON.stringify(event)) as Record<string, unknown>);
      await wb.drainQueues();
      expect(deliveries.filter((delivery) => delivery.outcome === 'error')).toEqual([]);
    });
  });
});
