/**
 * `npm run lint:forge`: Atlassian's own Forge linter (@forge/lint, what `forge lint` runs), offline.
 *
 *   npx tsx scripts/forge-lint.ts                      # lint this app
 *   npx tsx scripts/forge-lint.ts --manifest /tmp/m.yml # lint this app's code against another manifest
 *   npx tsx scripts/forge-lint.ts --root /tmp/app       # lint a copy of the app (src/, static/, manifest.yml)
 *
 * The linter reads `manifest.yml` and `tsconfig.json` from the working directory, so it runs in a temporary
 * folder that links to the app's code: that lets `--manifest` try variants without touching the real file, and
 * lets the TypeScript sources be linted at all (see tsconfigForLint).
 * Exit status: 0 clean, 1 problems, 2 cannot run (e.g. ../shared/jira-openapi missing).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { requireSpecFiles, SharedSpecsMissingError } from '../workbench/contract/specFiles';

const REPO_ROOT = path.resolve(__dirname, '..');
// Linked into the lint folder; `static` for resource paths and Custom UI sources, `node_modules` for imports.
const LINKED = ['src', 'static', 'node_modules', 'package.json'];
const SOURCE_DIRS = ['src', 'static'];
// The handler linter reports a manifest function with no matching export only as a warning; it breaks the app.
const FATAL_WARNINGS = [/Cannot find exported function/];
// A linter that throws is reported through logger.info and its findings are dropped: every check it owns is lost.
// (E.g. the permission linter throws "Unknown product" on any call named like /request(Jira|Confluence|Bitbucket)/
// that is not one of those three, such as a helper called requestJiraJson.)
const LINTER_FAILED = /Could not perform some linting actions/;

interface Problem {
  level: 'error' | 'warning' | 'approval';
  file: string;
  line: number;
  column: number;
  message: string;
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const APP_ROOT = path.resolve(argValue('--root') ?? REPO_ROOT);

function listSources(dir: string, rel = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return ['node_modules', 'build', 'dist'].includes(entry.name) ? [] : listSources(path.join(dir, entry.name), relPath);
    return /\.(t|j)sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relPath] : [];
  });
}

/**
 * @forge/lint only parses a .ts file whose absolute path is in the glob expansion of tsconfig `include`; an entry
 * naming a folder (`"src"`) expands to the folder itself, so every .ts file would be skipped without a word.
 * The lint folder gets a tsconfig whose folder entries are spelled as `folder/**\/*`.
 */
function tsconfigForLint(): { config: Record<string, unknown>; widened: string[] } {
  const tsconfig = [APP_ROOT, REPO_ROOT].map((d) => path.join(d, 'tsconfig.json')).find((f) => fs.existsSync(f)) ?? '';
  const real = JSON.parse(fs.readFileSync(tsconfig, 'utf8')) as { include?: string[]; exclude?: string[] };
  const widened: string[] = [];
  const include = (real.include ?? []).map((entry) => {
    if (/[*?]|\.[a-z]+$/i.test(entry.split('/').pop() ?? '')) return entry;
    widened.push(entry);
    return `${entry}/**/*`;
  });
  return { config: { include, exclude: ['node_modules', 'static/*/build/**/*'] }, widened };
}

function prepareLintFolder(manifestFile: string): { dir: string; widened: string[]; emptySpec: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-'));
  for (const name of LINKED) {
    const from = name === 'node_modules' && !fs.existsSync(path.join(APP_ROOT, name)) ? REPO_ROOT : APP_ROOT;
    if (fs.existsSync(path.join(from, name))) fs.symlinkSync(path.join(from, name), path.join(dir, name));
  }
  fs.copyFileSync(manifestFile, path.join(dir, 'manifest.yml'));
  const { config, widened } = tsconfigForLint();
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  const emptySpec = path.join(dir, 'empty-openapi.json');
  fs.writeFileSync(emptySpec, '{"paths":{}}');
  return { dir, widened, emptySpec };
}

/**
 * Each of @forge/lint's five manifest linters builds its own ajv and compiles @forge/manifest's whole manifest
 * schema (~6 s each on this machine). Same schema, same options: compile it once and hand out the same validator.
 * Each processor gets its own `__importStar` copy of the JSON module, whose nested objects are shared: key on those.
 */
function shareManifestSchemaCompilation(): void {
  const requireFromManifest = createRequire(require.resolve('@forge/manifest'));
  const ajvModule = requireFromManifest('ajv') as { default: { prototype: { compile: (schema: unknown, meta?: boolean) => unknown } } };
  const proto = ajvModule.default.prototype;
  const original = proto.compile;
  const compiled = new WeakMap<object, unknown>();
  proto.compile = function compileOnce(this: unknown, schema: unknown, meta?: boolean) {
    if (typeof schema !== 'object' || schema === null) return original.call(this, schema, meta);
    const { properties } = schema as { properties?: unknown };
    const key = typeof properties === 'object' && properties !== null ? properties : schema;
    if (!compiled.has(key)) compiled.set(key, original.call(this, schema, meta));
    return compiled.get(key);
  };
}

/** What @forge/lint asks of Statsig (feature gates) when nobody is logged in: every gate closed. */
const offlineStatsig = new Proxy<Record<string, () => Promise<unknown>>>(
  {
    checkGate: () => Promise.resolve(false),
    getDynamicConfig: () => Promise.resolve(null),
    getDeprecatedRuntimes: () => Promise.resolve([]),
  },
  { get: (target, key) => (key in target ? target[key as string] : key === 'then' ? undefined : () => Promise.resolve(false)) },
);

async function main(): Promise<number> {
  let specs: { platform: string; software: string };
  try {
    specs = requireSpecFiles();
  } catch (error) {
    if (error instanceof SharedSpecsMissingError) {
      console.error(`forge-lint: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const manifestFile = path.resolve(argValue('--manifest') ?? path.join(APP_ROOT, 'manifest.yml'));
  if (!fs.existsSync(manifestFile)) {
    console.error(`forge-lint: ${manifestFile} does not exist`);
    return 2;
  }

  const { dir, widened, emptySpec } = prepareLintFolder(manifestFile);
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: specs.platform,
    LOCAL_JSW_SWAGGER: specs.software,
    LOCAL_JSM_SWAGGER: emptySpec,
    LOCAL_CONF_SWAGGER: emptySpec,
    LOCAL_CONF_V2_SWAGGER: emptySpec,
    LOCAL_BB_SWAGGER: emptySpec,
  });
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    // Loaded after the environment is set and from inside the lint folder, as the forge CLI would be.
    shareManifestSchemaCompilation();
    const { lint } = await import('@forge/lint');
    const manifest = parse(fs.readFileSync('manifest.yml', 'utf8')) as Parameters<typeof lint>[1];
    // Paths relative to the app root: the handler check silently does nothing with absolute ones.
    const files = SOURCE_DIRS.flatMap((d) => listSources(path.join(dir, d)).map((f) => `${d}/${f}`));
    const logged: string[] = [];
    const logger = { info: (message: string): void => void logged.push(stripAnsi(message)) };
    const results = await lint(files, manifest, 'development', logger, offlineStatsig as never, { linter: { mode: 'client-side' } });
    const linterFailures: Problem[] = logged
      .filter((m) => LINTER_FAILED.test(m))
      .map((m) => ({
        level: 'error',
        file: '(linter)',
        line: 0,
        column: 0,
        message:
          `${m.trim()} Its checks did not run.` +
          (m.includes('Unknown product')
            ? ' Cause: a function or method whose name contains requestJira/requestConfluence/requestBitbucket but is none of them (e.g. requestJiraJson); rename it.'
            : ''),
      }));

    const problems: Problem[] = linterFailures.concat(
      results.flatMap((result) =>
        (['errors', 'warnings', 'approvals'] as const).flatMap((kind) =>
          result[kind].map(
            (rule) =>
              ({
                level:
                  kind === 'errors'
                    ? 'error'
                    : kind === 'warnings'
                      ? FATAL_WARNINGS.some((re) => re.test(rule.message))
                        ? 'error'
                        : 'warning'
                      : 'approval',
                file: result.file,
                line: rule.line,
                column: rule.column,
                message: rule.message,
              }) satisfies Problem,
          ),
        ),
      ),
    );
    for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}  ${p.level.padEnd(8)} ${p.message}`);
    if (widened.length > 0) {
      console.log(
        `note: tsconfig.json "include" names folders (${widened.join(', ')}); the real \`forge lint\` then skips every .ts file. ` +
          'This script lints them anyway; spelling them as "src/**/*" fixes the CLI too.',
      );
    }
    const errors = problems.filter((p) => p.level !== 'warning').length;
    const warnings = problems.length - errors;
    console.log(
      `forge lint (offline, @forge/lint client-side, ${files.length} files, manifest ${path.relative(cwd, manifestFile) || manifestFile}): ${errors} errors, ${warnings} warnings`,
    );
    return errors > 0 ? 1 : 0;
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('forge-lint: the linter could not run:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
