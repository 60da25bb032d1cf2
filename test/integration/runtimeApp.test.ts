import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * The app's own resolver (src/index.ts) through the emulated runtime and the real Jira stand-in:
 * the calls it makes arrive as the right caller, cost the configured latency, and an invocation
 * without a signed-in user is refused.
 */
let wb: TestWorkbench;
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

describe('the app on the workbench runtime', () => {
  it("reaches Jira as the invoking user for the user's view of the catalog", async () => {
    wb = await createTestWorkbench();
    const result = await wb.invoke(wb.users.member, 'getCatalog', {});
    expect(result).toMatchObject({ ok: true });
    const callers = new Set(wb.jira.requestLog.map((entry) => entry.caller));
    expect(callers.has('user')).toBe(true);
  });

  it('refuses an invocation without a user', async () => {
    wb = await createTestWorkbench();
    expect(await wb.invoke(null, 'getCatalog', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pays the configured latency on each Jira request', async () => {
    wb = await createTestWorkbench({ latencyMs: 40 });
    const started = Date.now();
    await wb.invoke(wb.users.member, 'getCatalog', {});
    const elapsed = Date.now() - started;
    expect(wb.jira.requestLog.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(38);
  });

  it('gives each test its own in-memory site', async () => {
    wb = await createTestWorkbench();
    expect(wb.store.size('kvs')).toBe(0);
    expect(wb.jira.hasData()).toBe(true);
    expect(Object.values(wb.users).every((accountId) => wb.jira.users().some((user) => user.accountId === accountId))).toBe(true);
  });
});
