import type { JiraSpecs, OpenApiDocument, OperationObject, ParameterObject } from './specFiles';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface OperationMatch {
  /** Which description holds it: `platform` or `software`. */
  specName: 'platform' | 'software';
  doc: OpenApiDocument;
  method: string;
  /** The path template as the description spells it, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  operation: OperationObject;
  /** Path-level parameters followed by the operation's own, `$ref`s resolved, operation-level ones winning. */
  parameters: ParameterObject[];
  pathParams: Record<string, string>;
}

interface Template {
  specName: 'platform' | 'software';
  doc: OpenApiDocument;
  template: string;
  segments: { literal: string | null; param: string | null }[];
  item: Record<string, unknown>;
}

export interface PathLookup {
  /** Templates matching the path, most specific first (literal segments beat `{params}` from the left). */
  templates: Template[];
}

function parseTemplate(template: string): Template['segments'] {
  return template
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      return param ? { literal: null, param: param[1] ?? '' } : { literal: segment, param: null };
    });
}

function resolveRef<T>(doc: OpenApiDocument, value: T & { $ref?: string }): T {
  const ref = value.$ref;
  if (!ref?.startsWith('#/')) return value;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node ?? value) as T;
}

/** Finds operations by method and concrete path in the loaded descriptions. Built once per spec set. */
export class OperationIndex {
  private readonly bySegmentCount = new Map<number, Template[]>();

  constructor(specs: JiraSpecs) {
    for (const { name, doc } of specs.documents) {
      for (const [template, item] of Object.entries(doc.paths)) {
        const segments = parseTemplate(template);
        const list = this.bySegmentCount.get(segments.length) ?? [];
        list.push({ specName: name, doc, template, segments, item });
        this.bySegmentCount.set(segments.length, list);
      }
    }
  }

  /** `path` without its query; its segments are percent-decoded before matching. */
  lookupPath(path: string): PathLookup {
    const rawSegments = path.split('/').slice(1);
    // A trailing slash names the same resource in Jira.
    if (rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();
    const segments = rawSegments.map(safeDecode);
    const candidates = (this.bySegmentCount.get(segments.length) ?? []).filter((t) =>
      t.segments.every((s, i) => s.literal === null || s.literal === segments[i]),
    );
    const specificity = (t: Template): string => t.segments.map((s) => (s.literal === null ? '1' : '0')).join('');
    candidates.sort((a, b) => specificity(a).localeCompare(specificity(b)));
    return { templates: candidates };
  }

  /** The most specific template that defines `method`, or why there is none. */
  find(method: string, path: string): { match: OperationMatch } | { error: 'no-path' } | { error: 'no-method'; templates: string[] } {
    const lower = method.toLowerCase();
    const { templates } = this.lookupPath(path);
    if (templates.length === 0) return { error: 'no-path' };
    const segments = path.split('/').slice(1).map(safeDecode);
    for (const t of templates) {
      const operation = t.item[lower] as OperationObject | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const pathParams: Record<string, string> = {};
      t.segments.forEach((s, i) => {
        if (s.param !== null) pathParams[s.param] = segments[i] ?? '';
      });
      const merged = new Map<string, ParameterObject>();
      const pathLevel = (t.item.parameters as ParameterObject[] | undefined) ?? [];
      for (const p of [...pathLevel, ...(operation.parameters ?? [])]) {
        const resolved = resolveRef(t.doc, p);
        merged.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      return {
        match: {
          specName: t.specName,
          doc: t.doc,
          method: lower,
          template: t.template,
          operation,
          parameters: [...merged.values()],
          pathParams,
        },
      };
    }
    return { error: 'no-method', templates: templates.map((t) => t.template) };
  }

  /** Every operation whose template matches `path`, whatever its method (for call sites whose method is unknown). */
  findAnyMethod(path: string): OperationMatch[] {
    const { templates } = this.lookupPath(path);
    const first = templates[0];
    if (!first) return [];
    return HTTP_METHODS.flatMap((m) => {
      const found = this.find(m, path);
      return 'match' in found ? [found.match] : [];
    });
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function resolveDocRef<T>(doc: OpenApiDocument, value: T & { $ref?: string }): T {
  return resolveRef(doc, value);
}
