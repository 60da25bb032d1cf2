/**
 * `npm run size`: JS and CSS bytes, raw and gzipped, of each built Custom UI app (static/*\/build).
 * Fails when static/issue-panel's JS exceeds its gzip budget or when an app has not been built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_DIR = path.resolve(__dirname, '..', 'static');
/** The issue panel opens on every issue view: its budget (gzipped JS) comes from the product issue. */
const BUDGETS: Record<string, number> = { 'issue-panel': 150 * 1024 };

interface Totals {
  raw: number;
  gzip: number;
  files: number;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

function measure(files: string[]): Totals {
  return files.reduce<Totals>(
    (t, file) => {
      const bytes = fs.readFileSync(file);
      return { raw: t.raw + bytes.length, gzip: t.gzip + gzipSync(bytes).length, files: t.files + 1 };
    },
    { raw: 0, gzip: 0, files: 0 },
  );
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Custom UI apps: folders of static/ with an index.html (static/common and static/icons are not apps). */
function customUiApps(): string[] {
  return fs
    .readdirSync(STATIC_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(STATIC_DIR, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

function main(): number {
  const problems: string[] = [];
  const rows: string[][] = [];
  for (const app of customUiApps()) {
    const build = path.join(STATIC_DIR, app, 'build');
    if (!fs.existsSync(build)) {
      problems.push(`static/${app}/build is missing: run \`npm run build\` first`);
      continue;
    }
    const files = filesUnder(build);
    const js = measure(files.filter((f) => /\.m?js$/.test(f)));
    const css = measure(files.filter((f) => f.endsWith('.css')));
    const budget = BUDGETS[app];
    rows.push([app, String(js.files), kb(js.raw), kb(js.gzip), String(css.files), kb(css.raw), kb(css.gzip), budget ? kb(budget) : '-']);
    if (budget !== undefined && js.gzip > budget) {
      problems.push(`static/${app}: JS is ${kb(js.gzip)} gzipped, over its ${kb(budget)} budget by ${kb(js.gzip - budget)}`);
    }
  }
  const header = ['app', 'js files', 'js raw', 'js gzip', 'css files', 'css raw', 'css gzip', 'js gzip budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  for (const p of problems) console.error(`size: ${p}`);
  return problems.length > 0 ? 1 : 0;
}

process.exit(main());
