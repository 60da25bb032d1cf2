import { matchesProcessSearch, processOptions, stageOptions } from '../../../static/issue-panel/src/linkOptions';
import type { LinkableProcess } from '../../../static/common/catalogTypes';

function aLinkableProcess(overrides: Partial<LinkableProcess> = {}): LinkableProcess {
  return {
    key: 'INC',
    name: 'Incident management',
    status: 'active',
    valueStreamKey: 'RUN',
    valueStreamName: 'Run the service',
    stageId: null,
    stages: [{ id: 'detect', name: 'Detect' }],
    ...overrides,
  };
}

describe('processOptions', () => {
  it('labels each process by key and name, with its value stream when it has one', () => {
    const [withStream, without] = processOptions([
      aLinkableProcess(),
      aLinkableProcess({ key: 'CHG', name: 'Change', valueStreamKey: null, valueStreamName: null }),
    ]);
    expect(withStream?.label).toBe('INC · Incident management (Run the service)');
    expect(without?.label).toBe('CHG · Change');
  });
});

describe('matchesProcessSearch', () => {
  const [option] = processOptions([aLinkableProcess()]);

  it('matches when every typed word appears in key, name or value stream, in any case', () => {
    expect(matchesProcessSearch(option!, 'inc')).toBe(true);
    expect(matchesProcessSearch(option!, '  SERVICE   incident ')).toBe(true);
    expect(matchesProcessSearch(option!, '')).toBe(true);
  });

  it('does not match when any word is missing', () => {
    expect(matchesProcessSearch(option!, 'incident change')).toBe(false);
  });
});

describe('stageOptions', () => {
  it('offers the process’s stages, and none without a process', () => {
    expect(stageOptions(aLinkableProcess())).toEqual([{ value: 'detect', label: 'Detect' }]);
    expect(stageOptions(undefined)).toEqual([]);
  });
});
