import type { OperationObject } from './specFiles';

/** One set of OAuth 2.0 scopes that, declared together, allow an operation. */
export interface ScopeAlternative {
  /** `Current` (classic scopes such as read:jira-work), `Beta` (granular), or `security` (Agile description). */
  state: string;
  scopes: string[];
}

/**
 * The scope sets that allow an operation, any one of which is enough.
 * The platform description lists them in `x-atlassian-oauth2-scopes` (a classic and a granular set); the older Agile
 * description and a few platform operations only have `security: [{OAuth2: [...]}, {basicAuth: []}, {}]`, where each
 * OAuth2 entry is one set and basic auth or the empty entry say nothing about scopes.
 */
export function scopeAlternatives(operation: OperationObject): ScopeAlternative[] {
  const listed = operation['x-atlassian-oauth2-scopes'];
  if (listed && listed.length > 0) {
    return listed.map((entry) => ({ state: entry.state ?? 'Current', scopes: [...entry.scopes] }));
  }
  return (operation.security ?? [])
    .filter((requirement) => Array.isArray(requirement.OAuth2))
    .map((requirement) => ({ state: 'security', scopes: [...(requirement.OAuth2 ?? [])] }));
}

/** The first alternative all of whose scopes are declared (classic ones first, as the descriptions list them). */
export function satisfiedAlternative(alternatives: ScopeAlternative[], declared: Iterable<string>): ScopeAlternative | undefined {
  const have = new Set(declared);
  return alternatives.find((alt) => alt.scopes.every((scope) => have.has(scope)));
}

export function describeAlternatives(alternatives: ScopeAlternative[]): string {
  return alternatives.map((alt) => `${alt.state}: [${alt.scopes.join(', ')}]`).join(' or ');
}
