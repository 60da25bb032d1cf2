import { badRequest } from './kvsErrors';

/**
 * The condition clauses `@forge/kvs` sends (`WhereConditions` / `FilterConditions`): for entity
 * index ranges, entity filters and transaction conditions. One evaluator for all three.
 */
export type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

export interface Clause {
  condition: ConditionName;
  values: unknown[];
}

export interface PropertyClause extends Clause {
  property: string;
}

const ALL_CONDITIONS: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

/** Conditions an index range (`.where(...)`) accepts. */
export const RANGE_CONDITIONS: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

/** Checks a clause's shape; `allowed` narrows the conditions (e.g. ranges). */
export function readClause(raw: unknown, allowed: readonly ConditionName[] = ALL_CONDITIONS): Clause {
  const clause = raw as Partial<Clause> | null;
  if (!clause || typeof clause !== 'object' || !allowed.includes(clause.condition as ConditionName)) {
    throw badRequest(
      'INVALID_FILTER_CONDITION',
      `Unsupported condition ${JSON.stringify(clause?.condition)}; expected one of ${allowed.join(', ')}.`,
    );
  }
  const values = clause.values;
  const expected = clause.condition === 'BETWEEN' ? 2 : 1;
  if (!Array.isArray(values) || values.length !== expected) {
    throw badRequest(
      expected === 2 ? 'INSUFFICIENT_FILTER_VALUES' : 'INVALID_FILTER_VALUES',
      `${clause.condition} takes exactly ${expected} value${expected === 2 ? 's' : ''}.`,
    );
  }
  return { condition: clause.condition as ConditionName, values };
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null; // values of different types never compare
}

export function matchesClause(actual: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  const ordered = (test: (order: number) => boolean) => {
    const order = compare(actual, first);
    return order !== null && test(order);
  };
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return containsValue(actual, first);
    case 'NOT_CONTAINS':
      return !containsValue(actual, first);
    case 'GREATER_THAN':
      return ordered((order) => order > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return ordered((order) => order >= 0);
    case 'LESS_THAN':
      return ordered((order) => order < 0);
    case 'LESS_THAN_EQUAL_TO':
      return ordered((order) => order <= 0);
    case 'BETWEEN': {
      const low = compare(actual, first);
      const high = compare(actual, second);
      return low !== null && high !== null && low >= 0 && high <= 0;
    }
  }
}

function containsValue(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.includes(needle);
  return false;
}

export interface FilterGroup {
  operator: 'and' | 'or';
  clauses: PropertyClause[];
}

/** `{and: [...]}` or `{or: [...]}`, as `Filter` builds it. */
export function readFilterGroup(raw: unknown): FilterGroup {
  const group = (raw ?? {}) as { and?: unknown; or?: unknown };
  if (group.and !== undefined && group.or !== undefined) {
    throw badRequest('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level.');
  }
  const operator = group.and !== undefined ? 'and' : 'or';
  const items = group[operator];
  if (!Array.isArray(items) || items.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  }
  const clauses = items.map((item) => {
    const property = (item as { property?: unknown } | null)?.property;
    if (typeof property !== 'string' || property === '') {
      throw badRequest('INVALID_REQUEST', 'Every filter needs a "property".');
    }
    return { property, ...readClause(item) };
  });
  return { operator, clauses };
}

export function matchesFilterGroup(value: unknown, group: FilterGroup): boolean {
  const attributes = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const test = (clause: PropertyClause) => matchesClause(attributes[clause.property], clause);
  return group.operator === 'and' ? group.clauses.every(test) : group.clauses.some(test);
}
