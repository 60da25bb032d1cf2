import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One place in the app's source that sends a request to Jira. */
export interface JiraCallSite {
  file: string;
  line: number;
  /** The path with each `${...}` replaced by `{param}` and the query dropped, e.g. `/rest/api/3/issue/{param}`. */
  path: string;
  /** From the call's `init.method`; `GET` when the call has no init or no method; null when it cannot be seen. */
  method: string | null;
  source: string;
}

const PLACEHOLDER = '{param}';

function listSourceFiles(dir: string, accept: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'build' ? [] : listSourceFiles(full, accept);
    return accept(full) ? [full] : [];
  });
}

/** src/**\/*.ts and static/*\/src/**\/*.ts(x), plus static/common (shared by the Custom UI apps). */
export function appSourceFiles(rootDir: string): string[] {
  const ts_ = (f: string): boolean => /\.tsx?$/.test(f) && !f.endsWith('.d.ts');
  const staticDir = path.join(rootDir, 'static');
  const staticApps = fs.existsSync(staticDir)
    ? fs.readdirSync(staticDir).flatMap((name) => listSourceFiles(path.join(staticDir, name, 'src'), ts_))
    : [];
  return [...listSourceFiles(path.join(rootDir, 'src'), ts_), ...staticApps, ...listSourceFiles(path.join(staticDir, 'common'), ts_)];
}

function templateText(node: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => PLACEHOLDER + span.literal.text).join('');
}

/** The query is checked at run time by the guard; here only the operation matters. */
function withoutQuery(raw: string): string {
  return raw.split('?')[0] ?? '';
}

/** `method` of the init that follows the path argument; GET when there is no init or it has no method (fetch's
 * default, and callJiraJson's), null when the init is not an object literal. */
function methodOfCall(call: ts.CallExpression, pathArg: ts.Node): string | null {
  const init = call.arguments[call.arguments.indexOf(pathArg as ts.Expression) + 1];
  if (!init) return 'GET';
  if (!ts.isObjectLiteralExpression(init)) return null;
  for (const prop of init.properties) {
    if (ts.isPropertyAssignment(prop) && prop.name.getText() === 'method') {
      return ts.isStringLiteralLike(prop.initializer) ? prop.initializer.text.toUpperCase() : null;
    }
  }
  return 'GET';
}

/** The call a route value flows into: directly as an argument, or through a conditional or a `const path = ...`. */
function enclosingCall(node: ts.Node, sourceFile: ts.SourceFile): { call: ts.CallExpression; arg: ts.Node } | null {
  let current: ts.Node = node;
  while (ts.isConditionalExpression(current.parent) || ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) return { call: parent, arg: current };
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const name = parent.name.text;
    let found: { call: ts.CallExpression; arg: ts.Node } | null = null;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const arg = n.arguments.find((a) => ts.isIdentifier(a) && a.text === name);
        if (arg) found = { call: n, arg };
      }
      ts.forEachChild(n, visit);
    };
    visit(parent.parent.parent.parent ?? sourceFile);
    return found;
  }
  return null;
}

/** Finds route`...` tagged templates and requestJira(`...`) calls in the app's source. */
export function scanJiraCallSites(rootDir: string): JiraCallSite[] {
  const sites: JiraCallSite[] = [];
  for (const file of appSourceFiles(rootDir)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('route`') && !text.includes('requestJira(')) continue;
    const sourceFile = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.ES2022,
      true,
      file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const record = (template: ts.TemplateLiteral, anchor: ts.Node, method: string | null): void => {
      const raw = templateText(template);
      if (!raw.startsWith('/')) return;
      sites.push({
        file: path.relative(rootDir, file),
        line: sourceFile.getLineAndCharacterOfPosition(anchor.getStart()).line + 1,
        path: withoutQuery(raw),
        method,
        source: anchor.getText(),
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'route') {
        const call = enclosingCall(node, sourceFile);
        record(node.template, node, call ? methodOfCall(call.call, call.arg) : null);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const first = node.arguments[0];
        if (name === 'requestJira' && first && (ts.isTemplateExpression(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          record(first, first, methodOfCall(node, first));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return sites;
}
