import { z } from 'zod';

/**
 * The parts of manifest.yml the server acts on: the Custom UI modules it hosts, their resources, the
 * web triggers it routes, and whether the app declared inline styles (which loosens its CSP).
 */
export type UiModuleType = 'jira:issuePanel' | 'jira:projectPage';

export interface UiModule {
  type: UiModuleType;
  key: string;
  resource: string;
  title: string;
  /** The function that answers this module's `invoke` calls. */
  resolverFunction: string | null;
}

export interface ServerManifest {
  uiModules: UiModule[];
  /** Resource key → folder, relative to the app root. */
  resources: Record<string, string>;
  /** Web trigger module key → function key. */
  webtriggers: Record<string, string>;
  allowsInlineStyles: boolean;
}

const uiModuleSchema = z.object({
  key: z.string(),
  resource: z.string(),
  title: z.string().default('App'),
  resolver: z.object({ function: z.string() }).optional(),
});

const rawManifestSchema = z.object({
  modules: z
    .object({
      'jira:issuePanel': z.array(uiModuleSchema).default([]),
      'jira:projectPage': z.array(uiModuleSchema).default([]),
      webtrigger: z.array(z.object({ key: z.string(), function: z.string() })).default([]),
    })
    .passthrough(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  permissions: z
    .object({ content: z.object({ styles: z.array(z.string()).default([]) }).optional() })
    .passthrough()
    .optional(),
});

export function readServerManifest(raw: unknown): ServerManifest {
  const parsed = rawManifestSchema.parse(raw);
  const uiModules: UiModule[] = [];
  for (const type of ['jira:issuePanel', 'jira:projectPage'] as const) {
    for (const module of parsed.modules[type]) {
      uiModules.push({
        type,
        key: module.key,
        resource: module.resource,
        title: module.title,
        resolverFunction: module.resolver?.function ?? null,
      });
    }
  }
  return {
    uiModules,
    resources: Object.fromEntries(parsed.resources.map((resource) => [resource.key, resource.path])),
    webtriggers: Object.fromEntries(parsed.modules.webtrigger.map((trigger) => [trigger.key, trigger.function])),
    allowsInlineStyles: parsed.permissions?.content?.styles.includes('unsafe-inline') ?? false,
  };
}

export function firstModuleOfType(manifest: ServerManifest, type: UiModuleType): UiModule | null {
  return manifest.uiModules.find((module) => module.type === type) ?? null;
}
