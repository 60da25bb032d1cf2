import kvs from '@forge/kvs';
import { drawMs, latencyFromEnv, parseLatency } from '../../../../workbench/runtime/latency';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { aMinimalDataset } from '../../../support/minimalDataset';

describe('workbench latency', () => {
  it('reads a number or a range of milliseconds, and refuses anything else by name', () => {
    expect(parseLatency('20', 'X')).toEqual({ minMs: 20, maxMs: 20 });
    expect(parseLatency(' 5-15 ', 'X')).toEqual({ minMs: 5, maxMs: 15 });
    expect(() => parseLatency('fast', 'WORKBENCH_KVS_LATENCY_MS')).toThrow(/WORKBENCH_KVS_LATENCY_MS must be milliseconds/);
    expect(() => parseLatency('15-5', 'X')).toThrow(/ends before it starts/);
    expect(latencyFromEnv({ WORKBENCH_KVS_LATENCY_MS: '5-15' })).toEqual({ kvs: { minMs: 5, maxMs: 15 } });
    expect(latencyFromEnv({})).toEqual({});
  });

  it('draws within the range', () => {
    expect(drawMs({ minMs: 5, maxMs: 15 }, () => 0)).toBe(5);
    expect(drawMs({ minMs: 5, maxMs: 15 }, () => 0.999)).toBe(15);
  });

  describe('on the emulated platform', () => {
    let wb: TestWorkbench | undefined;
    afterEach(() => wb?.close());

    it('delays every KVS call by the configured time', async () => {
      wb = await createTestWorkbench({ dataset: aMinimalDataset() });
      wb.host.kvsLatency = { minMs: 40, maxMs: 40 };
      wb.host.activate();
      const started = Date.now();
      await kvs.set('latency-probe', 1);
      expect(await kvs.get('latency-probe')).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    });
  });
});
