import fs from 'node:fs';
import { appSourceFiles, type JiraCallSite } from './callSites';
import { findJiraOperation, findJiraOperationsAnyMethod } from './openApiGuard';
import { describeAlternatives, satisfiedAlternative, type ScopeAlternative } from './operationScopes';

export interface CallSiteScopes {
  site: JiraCallSite;
  /** `METHOD template` of the operation(s) the site maps to; empty when none does. */
  operations: string[];
  /** The scope set the manifest satisfies, or null. */
  satisfiedBy: ScopeAlternative | null;
  problem: string | null;
}

export interface ScopeAudit {
  sites: CallSiteScopes[];
  /** Every problem with a call site: no operation, deprecated operation, scopes missing from the manifest. */
  problems: string[];
  /** Declared scopes no call site needs (least privilege), storage scopes excluded. */
  unusedScopes: string[];
  /** Scopes needed by platform APIs other than Jira REST (`storage:app` for @forge/kvs), and why. */
  platformScopes: { scope: string; reason: string }[];
}

/** Declared scopes that back Forge platform features rather than Jira REST calls. */
export function platformScopesUsed(rootDir: string): { scope: string; reason: string }[] {
  const usesKvs = appSourceFiles(rootDir).some((file) => /from ['"]@forge\/kvs['"]/.test(fs.readFileSync(file, 'utf8')));
  return usesKvs ? [{ scope: 'storage:app', reason: '@forge/kvs is imported by the app' }] : [];
}

function where(site: JiraCallSite): string {
  return `${site.file}:${site.line} ${site.method ?? '(method not visible)'} ${site.path}`;
}

/** Maps each call site to its OpenAPI operation and checks its scopes against `manifestScopes`. */
export function auditScopes(options: {
  sites: JiraCallSite[];
  manifestScopes: string[];
  platformScopes?: { scope: string; reason: string }[];
  specDir?: string;
}): ScopeAudit {
  const { sites, manifestScopes, specDir } = options;
  const used = new Set<string>();
  const audited: CallSiteScopes[] = sites.map((site) => {
    const candidates = site.method
      ? [findJiraOperation(site.method, site.path, specDir)].filter((op) => op !== null)
      : findJiraOperationsAnyMethod(site.path, specDir);
    const operations = candidates.map((op) => `${op.method} ${op.template}`);
    if (candidates.length === 0) {
      return { site, operations, satisfiedBy: null, problem: `${where(site)}: no Jira REST operation matches` };
    }
    const deprecated = candidates.find((op) => op.deprecated);
    if (deprecated && candidates.length === 1) {
      return { site, operations, satisfiedBy: null, problem: `${where(site)}: ${deprecated.method} ${deprecated.template} is deprecated` };
    }
    // With the method unknown, the call is fine if any of the operations it could be is allowed.
    for (const op of candidates) {
      const satisfied = satisfiedAlternative(op.scopes, manifestScopes);
      if (satisfied) {
        satisfied.scopes.forEach((scope) => used.add(scope));
        return { site, operations, satisfiedBy: satisfied, problem: null };
      }
    }
    const needs = candidates.map((op) => `${op.method} ${op.template} needs ${describeAlternatives(op.scopes)}`).join('; ');
    return { site, operations, satisfiedBy: null, problem: `${where(site)}: manifest.yml lacks scopes: ${needs}` };
  });
  const platformScopes = options.platformScopes ?? [];
  const platform = new Set(platformScopes.map((p) => p.scope));
  return {
    sites: audited,
    problems: audited.flatMap((a) => (a.problem ? [a.problem] : [])),
    unusedScopes: manifestScopes.filter((scope) => !used.has(scope) && !platform.has(scope)),
    platformScopes,
  };
}
