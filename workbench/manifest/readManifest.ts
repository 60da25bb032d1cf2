import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readEntityDefinitions, type EntityDefinition } from '../kvs/customEntities';
import type { EntityPropertyAlias } from '../jira/types';

/**
 * The parts of manifest.yml the workbench acts on. The workbench reads the same file `forge deploy`
 * reads, so a module the manifest does not declare does not exist here either.
 */
export interface ManifestTrigger {
  key: string;
  function: string;
  events: string[];
  ignoreSelf: boolean;
}

/** `consumer`: either the older resolver form (`resolver: {function, method}`) or `function: key`. */
export interface ManifestConsumer {
  key: string;
  queue: string;
  function: string;
  /** Set for the resolver form: the resolver definition the event is delivered to. */
  method: string | null;
}

export interface ManifestKeyedFunction {
  key: string;
  function: string;
}

export interface Manifest {
  raw: Record<string, unknown>;
  /** Function key → handler reference as written (`index.projectPageResolver`). */
  functions: Record<string, string>;
  /** `timeoutSeconds` of function modules that set it (async event consumers may run up to 900 s). */
  functionTimeoutSeconds: Record<string, number>;
  triggers: ManifestTrigger[];
  consumers: ManifestConsumer[];
  webtriggers: ManifestKeyedFunction[];
  actions: ManifestKeyedFunction[];
  entityPropertyAliases: EntityPropertyAlias[];
  entities: EntityDefinition[];
  scopes: string[];
  /** Resource key → path relative to the app root. */
  resources: Record<string, string>;
  /** Module type → the module entries as written. */
  modules: Record<string, Array<Record<string, unknown>>>;
  /** `app.id` without the `ari:cloud:ecosystem::app/` prefix, as Forge's appContext carries it. */
  appId: string;
}

export const DEFAULT_MANIFEST_FILE = path.resolve(__dirname, '..', '..', 'manifest.yml');

export function readManifest(file: string = DEFAULT_MANIFEST_FILE): Manifest {
  return parseManifest(fs.readFileSync(file, 'utf8'), file);
}

export function parseManifest(text: string, source = 'manifest.yml'): Manifest {
  const raw = (parse(text) ?? {}) as Record<string, unknown>;
  const modules = (raw.modules ?? {}) as Record<string, Array<Record<string, unknown>>>;
  const list = (type: string) => (Array.isArray(modules[type]) ? modules[type] : []);
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  const str = (value: unknown, where: string): string =>
    typeof value === 'string' && value !== '' ? value : fail(`${where} must be a string`);

  const functions: Record<string, string> = {};
  const functionTimeoutSeconds: Record<string, number> = {};
  for (const fn of list('function')) {
    const key = str(fn.key, 'function.key');
    functions[key] = str(fn.handler, `function ${key}.handler`);
    if (typeof fn.timeoutSeconds === 'number') functionTimeoutSeconds[key] = fn.timeoutSeconds;
  }

  const triggers = list('trigger').map((module): ManifestTrigger => {
    const events = module.events;
    const eventList = Array.isArray(events) ? events.map(String) : fail(`trigger ${String(module.key)}.events must be a list`);
    return {
      key: str(module.key, 'trigger.key'),
      function: str(module.function, `trigger ${String(module.key)}.function`),
      events: eventList,
      ignoreSelf: (module.filter as { ignoreSelf?: unknown } | undefined)?.ignoreSelf === true,
    };
  });

  const consumers = list('consumer').map((module): ManifestConsumer => {
    const resolver = module.resolver as { function?: unknown; method?: unknown } | undefined;
    return {
      key: str(module.key, 'consumer.key'),
      queue: str(module.queue, `consumer ${String(module.key)}.queue`),
      function: str(resolver ? resolver.function : module.function, `consumer ${String(module.key)} function`),
      method: resolver ? str(resolver.method, `consumer ${String(module.key)}.resolver.method`) : null,
    };
  });

  const keyed = (type: string) =>
    list(type).map((module) => ({
      key: str(module.key, `${type}.key`),
      function: str(module.function, `${type} ${String(module.key)}.function`),
    }));

  const entityPropertyAliases: EntityPropertyAlias[] = list('jira:entityProperty').flatMap((module) =>
    (Array.isArray(module.values) ? (module.values as Array<Record<string, unknown>>) : []).map((value) => ({
      propertyKey: str(module.propertyKey, `jira:entityProperty ${String(module.key)}.propertyKey`),
      path: str(value.path, 'jira:entityProperty value path'),
      type: value.type as EntityPropertyAlias['type'],
      searchAlias: str(value.searchAlias, 'jira:entityProperty value searchAlias'),
    })),
  );

  const resources: Record<string, string> = {};
  for (const resource of (Array.isArray(raw.resources) ? raw.resources : []) as Array<Record<string, unknown>>) {
    resources[str(resource.key, 'resources.key')] = str(resource.path, `resource ${String(resource.key)}.path`);
  }

  const app = (raw.app ?? {}) as { id?: unknown };
  const permissions = (raw.permissions ?? {}) as { scopes?: unknown };
  return {
    raw,
    functions,
    functionTimeoutSeconds,
    triggers,
    consumers,
    webtriggers: keyed('webtrigger'),
    actions: keyed('action'),
    entityPropertyAliases,
    entities: readEntityDefinitions(raw),
    scopes: Array.isArray(permissions.scopes) ? permissions.scopes.map(String) : [],
    resources,
    modules,
    appId: str(app.id, 'app.id').replace(/^ari:cloud:ecosystem::app\//, ''),
  };
}

/** The module (of any type) with this key, and its type. */
export function findModule(manifest: Manifest, moduleKey: string): { type: string; module: Record<string, unknown> } | null {
  for (const [type, entries] of Object.entries(manifest.modules)) {
    if (!Array.isArray(entries)) continue;
    const module = entries.find((entry) => entry.key === moduleKey);
    if (module) return { type, module };
  }
  return null;
}
