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
