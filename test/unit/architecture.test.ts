import fs from 'node:fs';
import path from 'node:path';

/** The app ships to Forge on its own: nothing under src/ may reach into the workbench or tests. */
const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Module specifiers of import/export-from statements, dynamic imports and requires. */
function specifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

function reachesOutside(file: string, specifier: string): boolean {
  if (/(^|\/)workbench(\/|$)/.test(specifier)) return true;
  if (!specifier.startsWith('.')) return false;
  const resolved = path.resolve(path.dirname(file), specifier);
  return !resolved.startsWith(SRC + path.sep) && resolved !== SRC;
}

describe('architecture', () => {
  it('finds the app sources', () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(5);
  });

  it('flags an import of the workbench (the check itself works)', () => {
    const file = path.join(SRC, 'index.ts');
    expect(specifiers("import { x } from '../workbench/platform';").some((s) => reachesOutside(file, s))).toBe(true);
    expect(specifiers("const y = require('../test/support/x');").some((s) => reachesOutside(file, s))).toBe(true);
    expect(specifiers("import './resolvers/defineResolvers';").some((s) => reachesOutside(file, s))).toBe(false);
  });

  it('keeps src/ free of imports from workbench/ or anything else outside src/', () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => reachesOutside(file, specifier))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});

/** Relative imports (type-only ones included) resolved to files, for the cycle check. */
function importGraph(roots: string[]): Map<string, string[]> {
  const files = roots.flatMap((root) => sourceFiles(root)).filter((file) => !file.includes(`${path.sep}build${path.sep}`));
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | null => {
    const base = path.resolve(path.dirname(from), specifier);
    const candidates = [base, ...['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending)];
    return candidates.find((candidate) => known.has(candidate)) ?? null;
  };
  return new Map(
    files.map((file) => [
      file,
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .flatMap((specifier) => resolve(file, specifier) ?? []),
    ]),
  );
}

/** Strongly connected components with more than one module (or a self-import): the import cycles. */
function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowLinks.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
    }
    if (lowLinks.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

describe('import cycles (type imports counted)', () => {
  const ROOT = path.resolve(SRC, '..');

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has none in src/ and static/', () => {
    const cycles = importCycles(importGraph([SRC, path.join(ROOT, 'static')])).map((cycle) =>
      cycle.map((file) => path.relative(ROOT, file)).join(' → '),
    );
    expect(cycles).toEqual([]);
  });
});

/** Code without its comments (a comment may name the endpoint a function wraps). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('Jira REST paths', () => {
  it('appear only in src/jira/', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.startsWith(path.join(SRC, 'jira') + path.sep))
      .filter((file) => /['"`]\/rest\/(api|agile)\//.test(withoutComments(fs.readFileSync(file, 'utf8'))))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
