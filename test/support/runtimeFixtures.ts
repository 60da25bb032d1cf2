import { readEntityDefinitions, type EntityDefinition } from '../../workbench/kvs/customEntities';
import { KvsService } from '../../workbench/kvs/kvsService';
import { parseManifest, type Manifest } from '../../workbench/manifest/readManifest';
import { AppHost, type AppHostOptions } from '../../workbench/runtime/appHost';
import { DurableStore } from '../../workbench/store/durableStore';
import { FakeJira } from './fakeJira';
import { aMinimalDataset } from './minimalDataset';

/** A manifest for runtime tests: only what a test names, around a fixed app id. */
export function aManifest(modulesYaml = '', appYaml = ''): Manifest {
  return parseManifest(
    `modules:\n${modulesYaml || '  function: []\n'}app:\n  id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555\n${appYaml}`,
  );
}

export const TASK_ENTITY_YAML = `  storage:
    entities:
      - name: task
        attributes:
          title: { type: string }
          priority: { type: integer }
          team: { type: string }
          done: { type: boolean }
        indexes:
          - priority
          - name: by-team
            range: [priority]
            partition: [team]
`;

export function taskEntities(): EntityDefinition[] {
  return readEntityDefinitions(aManifest('', TASK_ENTITY_YAML).raw);
}

export interface RuntimeRig {
  store: DurableStore;
  jira: FakeJira;
  kvs: KvsService;
  host: AppHost;
  clock: { now: Date };
}

/** A host with the fake Jira and the real storage service, Forge globals pointing at it. */
export function aRuntimeRig(
  options: { manifest?: Manifest; handlers?: Record<string, unknown> } & Partial<AppHostOptions> = {},
): RuntimeRig {
  const store = DurableStore.open(null);
  const clock = { now: new Date('2026-11-02T09:00:00.000Z') };
  const manifest = options.manifest ?? aManifest('', TASK_ENTITY_YAML);
  const kvs = new KvsService(store, manifest.entities, { now: () => clock.now });
  const jira = new FakeJira(store);
  jira.loadDataset(aMinimalDataset());
  const handlers = options.handlers ?? {};
  const host = new AppHost({
    jira,
    kvs,
    manifest,
    loadHandler: (ref) => handlers[ref],
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    ...(options.maxEventAttempts === undefined ? {} : { maxEventAttempts: options.maxEventAttempts }),
    ...(options.webTriggerBaseUrl === undefined ? {} : { webTriggerBaseUrl: options.webTriggerBaseUrl }),
  });
  return { store, jira, kvs, host, clock };
}
