import fs from 'node:fs';
import path from 'node:path';

/** Minimal shapes of the parts of an OpenAPI 3.0 document the contract checks read. */
export type JsonSchema = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  style?: string;
  explode?: boolean;
  $ref?: string;
}

export interface ScopeAlternativeEntry {
  scheme?: string;
  scopes: string[];
  state?: string;
}

export interface OperationObject {
  operationId?: string;
  deprecated?: boolean;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }>; $ref?: string };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }>; $ref?: string }>;
  security?: Record<string, string[]>[];
  'x-atlassian-oauth2-scopes'?: ScopeAlternativeEntry[];
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

/** The two descriptions the app's calls are checked against, each under a name used in messages and schema ids. */
export interface JiraSpecs {
  specDir: string;
  documents: { name: 'platform' | 'software'; file: string; doc: OpenApiDocument }[];
}

export const SPEC_FILES = { platform: 'jira-platform.v3.json', software: 'jira-software.v3.json' } as const;

/** The repository root: this file lives in workbench/contract/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SPEC_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'jira-openapi');

/** Thrown, with one actionable sentence, when the descriptions beside the project are absent. */
export class SharedSpecsMissingError extends Error {
  constructor(specDir: string, missing: string[]) {
    super(
      `../shared/jira-openapi is missing: clone the repo beside shared/ so that ${specDir} holds ` +
        `${missing.join(' and ')} (the Jira OpenAPI descriptions the contract checks and the offline Forge lint read).`,
    );
    this.name = 'SharedSpecsMissingError';
  }
}

export function resolveSpecDir(specDir?: string): string {
  return specDir === undefined ? DEFAULT_SPEC_DIR : path.resolve(REPO_ROOT, specDir);
}

function missingFiles(dir: string): string[] {
  return Object.values(SPEC_FILES).filter((file) => !fs.existsSync(path.join(dir, file)));
}

export function sharedSpecsAvailable(specDir?: string): boolean {
  return missingFiles(resolveSpecDir(specDir)).length === 0;
}

/** Throws SharedSpecsMissingError unless both descriptions are there; returns their absolute paths. */
export function requireSpecFiles(specDir?: string): { platform: string; software: string } {
  const dir = resolveSpecDir(specDir);
  const missing = missingFiles(dir);
  if (missing.length > 0) throw new SharedSpecsMissingError(dir, missing);
  return { platform: path.join(dir, SPEC_FILES.platform), software: path.join(dir, SPEC_FILES.software) };
}

// Parsing 3 MB of JSON costs ~30 ms; every guard in the process shares one copy per folder.
const loaded = new Map<string, JiraSpecs>();

export function loadJiraSpecs(specDir?: string): JiraSpecs {
  const dir = resolveSpecDir(specDir);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const files = requireSpecFiles(dir);
  const read = (file: string): OpenApiDocument => JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
  const specs: JiraSpecs = {
    specDir: dir,
    documents: [
      { name: 'platform', file: files.platform, doc: withKnownCorrections(read(files.platform)) },
      { name: 'software', file: files.software, doc: withKnownSoftwareCorrections(read(files.software)) },
    ],
  };
  loaded.set(dir, specs);
  return specs;
}

/**
 * Where the published description and Jira Cloud's observed answers disagree, the check follows
 * Jira, and says so here, one line each:
 * - ChangeDetails `from`/`fromString`/`to`/`toString` are declared plain strings, but Jira sends
 *   `null` for an empty side of a change (a field set for the first time, a flag cleared).
 */
function withKnownCorrections(doc: OpenApiDocument): OpenApiDocument {
  const changeDetails = (doc.components?.schemas as Record<string, { properties?: Record<string, JsonSchema> }> | undefined)?.ChangeDetails;
  for (const name of ['from', 'fromString', 'to', 'toString']) {
    const property = changeDetails?.properties?.[name];
    if (property) property.nullable = true;
  }
  return doc;
}

/**
 * The Agile description (2022) predates Jira Software's granular scopes for some operations and
 * lists none; Atlassian's current reference (developer.atlassian.com, Jira Software Cloud REST API,
 * "Get all boards") requires `read:board-scope:jira-software` and `read:project:jira`, and Jira
 * Software accepts no classic scopes. The checks follow the current reference.
 */
const CURRENT_SOFTWARE_SCOPES: Record<string, Record<string, string[]>> = {
  '/rest/agile/1.0/board': { get: ['read:board-scope:jira-software', 'read:project:jira'] },
};

function withKnownSoftwareCorrections(doc: OpenApiDocument): OpenApiDocument {
  for (const [path, methods] of Object.entries(CURRENT_SOFTWARE_SCOPES)) {
    for (const [method, scopes] of Object.entries(methods)) {
      const operation = doc.paths[path]?.[method] as { security?: Record<string, string[]>[] } | undefined;
      if (operation) operation.security = [{ OAuth2: scopes }];
    }
  }
  return doc;
}
