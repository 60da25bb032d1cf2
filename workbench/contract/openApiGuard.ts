import type { JiraContractGuard } from '../jira/types';
import { OperationIndex, type OperationMatch } from './operationIndex';
import { describeAlternatives, satisfiedAlternative, scopeAlternatives, type ScopeAlternative } from './operationScopes';
import { describeErrors, SchemaCompiler } from './schemaCompiler';
import { loadJiraSpecs, type JiraSpecs, type JsonSchema, type ParameterObject } from './specFiles';

export { sharedSpecsAvailable, SharedSpecsMissingError, DEFAULT_SPEC_DIR } from './specFiles';
export type { ScopeAlternative } from './operationScopes';

export interface OpenApiGuardOptions {
  /** Folder holding jira-platform.v3.json and jira-software.v3.json; default `../shared/jira-openapi` beside the repo. */
  specDir?: string;
  /** `permissions.scopes` of manifest.yml. */
  manifestScopes: string[];
}

interface Contract {
  specs: JiraSpecs;
  index: OperationIndex;
  compiler: SchemaCompiler;
}

// One index and one set of compiled validators per spec folder, shared by every guard in the process.
const contracts = new Map<string, Contract>();

function contractFor(specDir?: string): Contract {
  const specs = loadJiraSpecs(specDir);
  let contract = contracts.get(specs.specDir);
  if (!contract) {
    contract = { specs, index: new OperationIndex(specs), compiler: new SchemaCompiler(specs) };
    contracts.set(specs.specDir, contract);
  }
  return contract;
}

function splitPathAndQuery(pathWithQuery: string): { path: string; query: Map<string, string[]> } {
  const at = pathWithQuery.indexOf('?');
  const path = at < 0 ? pathWithQuery : pathWithQuery.slice(0, at);
  const query = new Map<string, string[]>();
  if (at >= 0) {
    for (const [name, value] of new URLSearchParams(pathWithQuery.slice(at + 1))) {
      query.set(name, [...(query.get(name) ?? []), value]);
    }
  }
  return { path, query };
}

function jsonSchemaOf(content: Record<string, { schema?: JsonSchema }> | undefined): JsonSchema | undefined {
  if (!content) return undefined;
  const json = content['application/json'] ?? Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  return json?.schema;
}

function parseBody(body: unknown): { value: unknown; present: boolean; error?: string } {
  if (body === undefined || body === null || body === '') return { value: undefined, present: false };
  if (typeof body !== 'string') return { value: body, present: true };
  try {
    return { value: JSON.parse(body) as unknown, present: true };
  } catch {
    return { value: body, present: true, error: 'is not JSON' };
  }
}

function label(method: string, template: string): string {
  return `${method.toUpperCase()} ${template}`;
}

/** Query and path values arrive as strings; arrays come repeated (`a=1&a=2`) or comma-separated, both of which Jira reads. */
function parameterValue(param: ParameterObject, raw: string[]): unknown {
  const schema = param.schema ?? {};
  if (schema.type === 'array') return raw.flatMap((v) => v.split(','));
  return raw.length === 1 ? raw[0] : raw;
}

function checkParameters(contract: Contract, match: OperationMatch, query: Map<string, string[]>): string[] {
  const where = label(match.method, match.template);
  const violations: string[] = [];
  const declared = new Set(match.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of query.keys()) {
    if (!declared.has(name)) {
      violations.push(`${where}: query parameter "${name}" is not declared (declared: ${[...declared].join(', ') || 'none'})`);
    }
  }
  for (const param of match.parameters) {
    if (param.in !== 'query' && param.in !== 'path') continue;
    const raw =
      param.in === 'path'
        ? match.pathParams[param.name] === undefined
          ? undefined
          : [match.pathParams[param.name] ?? '']
        : query.get(param.name);
    if (raw === undefined || (param.in === 'path' && raw[0] === '')) {
      if (param.required) violations.push(`${where}: required ${param.in} parameter "${param.name}" is missing`);
      continue;
    }
    if (!param.schema || (match.specName === 'software' && param.in === 'query' && isUntypedObject(param.schema))) continue;
    // Wrapped in an object so ajv can coerce the string in place.
    const wrapper = { type: 'object', properties: { [param.name]: param.schema } };
    const validate = contract.compiler.validator(match.specName, wrapperFor(param, wrapper), 'parameter');
    const data = { [param.name]: parameterValue(param, raw) };
    if (!validate(data)) violations.push(...describeErrors(validate.errors, `${where}: ${param.in} parameter `));
  }
  return violations;
}

/**
 * The Agile description (2022) types multi-value query parameters such as `type`, `state` and
 * `fields` as `{type: object}` (or arrays of it), a generator artefact: Jira reads them as
 * comma-separated strings, so there is nothing to check them against.
 */
function isUntypedObject(schema: JsonSchema): boolean {
  const target = schema.type === 'array' && schema.items ? (schema.items as JsonSchema) : schema;
  return target.type === 'object' && !target.properties;
}

// The wrapper must be the same object each time for the compiled-validator cache to hit.
const wrappers = new WeakMap<ParameterObject, JsonSchema>();
function wrapperFor(param: ParameterObject, fresh: JsonSchema): JsonSchema {
  const known = wrappers.get(param);
  if (known) return known;
  wrappers.set(param, fresh);
  return fresh;
}

function checkScopes(match: OperationMatch, manifestScopes: string[]): string[] {
  const alternatives = scopeAlternatives(match.operation);
  const where = label(match.method, match.template);
  if (alternatives.length === 0) return [`${where} declares no OAuth 2.0 scopes: a Forge app cannot call it`];
  if (satisfiedAlternative(alternatives, manifestScopes)) return [];
  return [
    `${where} needs the scopes of one of ${describeAlternatives(alternatives)} in manifest.yml (declared: ${manifestScopes.join(', ') || 'none'})`,
  ];
}

function findOrExplain(contract: Contract, method: string, path: string): { match: OperationMatch } | { violation: string } {
  const found = contract.index.find(method, path);
  if ('match' in found) return found;
  if (found.error === 'no-path') return { violation: `${method.toUpperCase()} ${path}: no Jira REST operation has this path` };
  return { violation: `${method.toUpperCase()} ${path}: ${found.templates.join(', ')} has no ${method.toUpperCase()} operation` };
}

export function createOpenApiGuard(options: OpenApiGuardOptions): JiraContractGuard {
  const contract = contractFor(options.specDir);
  const manifestScopes = [...options.manifestScopes];

  return {
    checkRequest({ method, pathWithQuery, body }) {
      const { path, query } = splitPathAndQuery(pathWithQuery);
      const found = findOrExplain(contract, method, path);
      if ('violation' in found) return [found.violation];
      const { match } = found;
      const where = label(match.method, match.template);
      const violations: string[] = [];
      if (match.operation.deprecated)
        violations.push(`${where} is deprecated (${match.operation.operationId ?? 'no operationId'}); use its replacement`);
      violations.push(...checkParameters(contract, match, query));
      violations.push(...checkScopes(match, manifestScopes));

      const parsed = parseBody(body);
      const requestBody = match.operation.requestBody;
      const schema = jsonSchemaOf(requestBody?.content);
      if (parsed.error) violations.push(`${where}: request body ${parsed.error}`);
      else if (!parsed.present) {
        if (requestBody?.required) violations.push(`${where}: request body is required`);
      } else if (!requestBody) {
        violations.push(`${where} takes no request body`);
      } else if (schema) {
        const validate = contract.compiler.validator(match.specName, schema, 'request');
        if (!validate(parsed.value)) violations.push(...describeErrors(validate.errors, `${where}: request body`));
      }
      return violations;
    },

    checkResponse({ method, pathWithQuery }, { status, body }) {
      const { path } = splitPathAndQuery(pathWithQuery);
      const found = findOrExplain(contract, method, path);
      if ('violation' in found) return [found.violation];
      const { match } = found;
      const where = `${label(match.method, match.template)} → ${status}`;
      const responses = match.operation.responses ?? {};
      const declared = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
      if (!declared) {
        // Jira answers 429/5xx on any operation without listing them; an undeclared success is the stand-in's invention.
        return status >= 200 && status < 300
          ? [`${where}: status ${status} is not a documented response (documented: ${Object.keys(responses).join(', ')})`]
          : [];
      }
      const schema = jsonSchemaOf(declared.content);
      const parsed = parseBody(body);
      if (!schema || !parsed.present) {
        if (schema && status !== 204 && status >= 200 && status < 300 && Object.keys(schema).length > 0) {
          return [`${where}: response body is missing (the description documents one)`];
        }
        return [];
      }
      if (parsed.error) return [`${where}: response body ${parsed.error}`];
      const validate = contract.compiler.validator(match.specName, schema, 'response');
      return validate(parsed.value) ? [] : describeErrors(validate.errors, `${where}: response body`);
    },
  };
}

/** The scope sets that allow `method path` (any one suffices), or null when no operation matches. */
export function listOperationScopes(method: string, path: string, specDir?: string): ScopeAlternative[] | null {
  const found = contractFor(specDir).index.find(method, splitPathAndQuery(path).path);
  return 'match' in found ? scopeAlternatives(found.match.operation) : null;
}

/** The operation `method path` maps to: its template, description and whether it is deprecated; null when none. */
export function findJiraOperation(
  method: string,
  path: string,
  specDir?: string,
): { template: string; method: string; spec: 'platform' | 'software'; deprecated: boolean; scopes: ScopeAlternative[] } | null {
  const found = contractFor(specDir).index.find(method, splitPathAndQuery(path).path);
  if (!('match' in found)) return null;
  const { match } = found;
  return {
    template: match.template,
    method: match.method.toUpperCase(),
    spec: match.specName,
    deprecated: match.operation.deprecated === true,
    scopes: scopeAlternatives(match.operation),
  };
}

/** Every operation whose template fits `path`, whatever the method (for call sites whose method is not visible). */
export function findJiraOperationsAnyMethod(path: string, specDir?: string): NonNullable<ReturnType<typeof findJiraOperation>>[] {
  return contractFor(specDir)
    .index.findAnyMethod(splitPathAndQuery(path).path)
    .map((match) => ({
      template: match.template,
      method: match.method.toUpperCase(),
      spec: match.specName,
      deprecated: match.operation.deprecated === true,
      scopes: scopeAlternatives(match.operation),
    }));
}
