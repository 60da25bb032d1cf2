import { findModule, readManifest } from '../../../../workbench/manifest/readManifest';
import { aManifest } from '../../../support/runtimeFixtures';

describe('readManifest', () => {
  it("reads the app's own manifest.yml", () => {
    const manifest = readManifest();
    expect(manifest.functions).toMatchObject({ 'project-page-resolver': 'index.projectPageResolver' });
    expect(manifest.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.scopes).toEqual(expect.arrayContaining(['storage:app', 'read:jira-work']));
    expect(manifest.entityPropertyAliases).toContainEqual({
      propertyKey: 'process-loop-link',
      path: 'processKey',
      type: 'string',
      searchAlias: 'asmProcess',
    });
    expect(Object.keys(manifest.resources)).toEqual(expect.arrayContaining(['issue-panel', 'project-page']));
    expect(findModule(manifest, 'process-loop-project-page')?.type).toBe('jira:projectPage');
  });

  it('reads triggers, both consumer forms, web triggers, timeouts and entities', () => {
    const manifest = aManifest(
      `  trigger:
    - key: t
      function: f
      events: [avi:jira:created:issue, avi:jira:updated:issue]
      filter: { ignoreSelf: true }
  consumer:
    - key: c1
      queue: q1
      function: f
    - key: c2
      queue: q2
      resolver: { function: f, method: m }
  webtrigger:
    - key: w
      function: f
  function:
    - key: f
      handler: jobs.run
      timeoutSeconds: 600
`,
      `  storage:
    entities:
      - name: task
        attributes: { title: { type: string } }
        indexes: [title]
`,
    );
    expect(manifest.triggers).toEqual([
      { key: 't', function: 'f', events: ['avi:jira:created:issue', 'avi:jira:updated:issue'], ignoreSelf: true },
    ]);
    expect(manifest.consumers).toEqual([
      { key: 'c1', queue: 'q1', function: 'f', method: null },
      { key: 'c2', queue: 'q2', function: 'f', method: 'm' },
    ]);
    expect(manifest.webtriggers).toEqual([{ key: 'w', function: 'f' }]);
    expect(manifest.functionTimeoutSeconds).toEqual({ f: 600 });
    expect(manifest.entities).toEqual([
      { name: 'task', attributes: { title: 'string' }, indexes: [{ name: 'title', range: ['title'], partition: [] }] },
    ]);
  });

  it('names the broken field', () => {
    expect(() => aManifest('  function:\n    - key: f\n')).toThrow(/function f\.handler/);
  });
});
