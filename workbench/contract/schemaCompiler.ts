import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JiraSpecs, JsonSchema, OpenApiDocument } from './specFiles';

/** Requests ignore `readOnly` properties, responses ignore `writeOnly` ones (OpenAPI 3.0 §4.7.25). */
export type Direction = 'request' | 'response' | 'parameter';

// Jira writes offsets without a colon (`2025-01-02T10:00:00.000+0000`); real Jira does, so the stand-in may too.
const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const INT32 = (n: number): boolean => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

/**
 * Rewrites OpenAPI 3.0 schema dialect into what ajv (draft-07) understands:
 * `nullable: true` → `anyOf [schema, null]`; `readOnly`/`writeOnly` properties leave `required` on the side that
 * never sees them; local `$ref`s point into the components document registered under `rootId`.
 */
function toAjvSchema(node: unknown, direction: Direction, rootId: string | null): unknown {
  if (Array.isArray(node)) return node.map((n) => toAjvSchema(n, direction, rootId));
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example' || key === 'xml') continue;
    if (key === '$ref' && typeof value === 'string' && rootId !== null && value.startsWith('#/')) {
      out.$ref = `${rootId}${value}`;
      continue;
    }
    out[key] = toAjvSchema(value, direction, rootId);
  }
  const properties = source.properties as Record<string, Record<string, unknown>> | undefined;
  if (Array.isArray(source.required) && properties && typeof properties === 'object') {
    const hidden = direction === 'request' ? 'readOnly' : direction === 'response' ? 'writeOnly' : null;
    if (hidden) out.required = (source.required as string[]).filter((name) => properties[name]?.[hidden] !== true);
  }
  if (source.nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function newAjv(direction: Direction): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    validateSchema: false,
    // Without it a missing `toString` property (ChangeItemBean has one) reads Object.prototype.toString.
    ownProperties: true,
    coerceTypes: direction === 'parameter' ? 'array' : false,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', JIRA_DATE_TIME);
  ajv.addFormat('int32', { type: 'number', validate: INT32 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  for (const loose of ['binary', 'byte', 'password', 'url', 'URL']) ajv.addFormat(loose, true);
  return ajv;
}

/** Compiles schemas lazily, one ajv per direction, each caching by (spec, schema object). */
export class SchemaCompiler {
  private readonly ajvs = new Map<Direction, Ajv>();
  private readonly cache = new Map<Direction, WeakMap<object, ValidateFunction>>();

  constructor(private readonly specs: JiraSpecs) {}

  private ajvFor(direction: Direction): Ajv {
    let ajv = this.ajvs.get(direction);
    if (!ajv) {
      ajv = newAjv(direction);
      // Registering only the components (not 3 MB of paths) and converting them once per direction: ~50 ms.
      for (const { name, doc } of this.specs.documents) {
        ajv.addSchema({ $id: rootId(name, direction), components: withAnyJsonNode(toAjvSchema(doc.components ?? {}, direction, null)) });
      }
      this.ajvs.set(direction, ajv);
    }
    return ajv;
  }

  validator(specName: string, schema: JsonSchema, direction: Direction): ValidateFunction {
    let perSchema = this.cache.get(direction);
    if (!perSchema) {
      perSchema = new WeakMap();
      this.cache.set(direction, perSchema);
    }
    const hit = perSchema.get(schema);
    if (hit) return hit;
    const compiled = this.ajvFor(direction).compile(toAjvSchema(schema, direction, rootId(specName, direction)) as object);
    perSchema.set(schema, compiled);
    return compiled;
  }

  docOf(specName: string): OpenApiDocument | undefined {
    return this.specs.documents.find((d) => d.name === specName)?.doc;
  }
}

/**
 * `JsonNode` describes Jackson's Java class (its getters: `array`, `bigDecimal`, …), not JSON: where the
 * descriptions use it (entity property values, e.g. "Bulk set issue properties by issue"), Jira takes
 * any JSON value, as the operations' own examples show. It is validated as "any JSON".
 */
function withAnyJsonNode(components: unknown): unknown {
  const schemas = (components as { schemas?: Record<string, unknown> }).schemas;
  if (schemas && 'JsonNode' in schemas) schemas.JsonNode = {};
  return components;
}

function rootId(specName: string, direction: Direction): string {
  return `https://process-loop.local/${specName}-${direction}.json`;
}

/** ajv errors in words a person fixing the stand-in or the app can act on; at most `limit` of them. */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string, limit = 8): string[] {
  if (!errors) return [];
  // anyOf from `nullable` reports the null branch too; keep the branch that explains the real mismatch.
  const meaningful = errors.filter(
    (e) => !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null') && e.keyword !== 'anyOf',
  );
  const shown = (meaningful.length > 0 ? meaningful : errors).slice(0, limit).map((e) => {
    const at = `${where}${e.instancePath}`;
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'additionalProperties') return `${at} has property "${String(params.additionalProperty)}" the schema does not allow`;
    if (e.keyword === 'required') return `${at} lacks required property "${String(params.missingProperty)}"`;
    return `${at} ${e.message ?? e.keyword}`;
  });
  const more = (meaningful.length > 0 ? meaningful : errors).length - shown.length;
  return more > 0 ? [...shown, `${where}: and ${more} more schema errors`] : shown;
}
