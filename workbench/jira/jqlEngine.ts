import { JastBuilder, type Clause, type Jast, type Operand, type OrderByField, type TerminalClause } from '@atlaskit/jql-ast';
import { endOfDay, endOfMonth, endOfWeek, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { PRIORITIES, STATUS_CATEGORIES } from './beans';
import { JqlError, UnsupportedError } from './jiraErrors';
import type { JiraState, StoredIssue } from './jiraState';
import { jqlDate } from './jqlDates';
import type { EntityPropertyAlias, JiraCaller } from './types';

export interface JqlContext {
  caller: JiraCaller;
  now: Date;
}

export interface CompiledJql {
  /** False for queries without a search restriction (`order by key`), which the enhanced search refuses. */
  bounded: boolean;
  // Plain functions (no `this`): callers pass them around, e.g. to `Array.prototype.sort`.
  matches: (issue: StoredIssue) => boolean;
  compare: (a: StoredIssue, b: StoredIssue) => number;
}

type Matcher = (issue: StoredIssue) => boolean;

/**
 * How one JQL field reads an issue. `set` fields compare resolved ids (status names become ids
 * when the query is compiled); `text` fields take `~`; `date` and `number` fields take ranges.
 */
type FieldReader =
  | { kind: 'set'; name: string; values: (issue: StoredIssue) => string[]; resolve: (value: string) => string[]; caseInsensitive?: boolean }
  | { kind: 'text'; name: string; values: (issue: StoredIssue) => string[] }
  | { kind: 'date'; name: string; values: (issue: StoredIssue) => number[] }
  | { kind: 'number'; name: string; values: (issue: StoredIssue) => number[] };

const MAX_PARSE_CACHE = 500;

/** JQL over the stand-in's issues, parsed by Atlassian's own `@atlaskit/jql-ast`. */
export class JqlEngine {
  private readonly parsed = new Map<string, Jast>();

  constructor(
    private readonly state: JiraState,
    private readonly aliases: readonly EntityPropertyAlias[],
  ) {}

  /** Throws `JqlError` (Jira's 400 wording) or `UnsupportedError` (a construct the stand-in lacks). */
  compile(jql: string, context: JqlContext): CompiledJql {
    const jast = this.parse(jql);
    const firstError = jast.errors[0];
    if (firstError) {
      const where = firstError as unknown as { line?: number; charPositionInLine?: number };
      throw new JqlError(
        `Error in the JQL Query: ${firstError.message}${where.line !== undefined ? ` (line ${where.line}, character ${(where.charPositionInLine ?? 0) + 1})` : ''}`,
      );
    }
    const query = jast.query;
    const compiler = new ClauseCompiler(this.state, this.aliases, context);
    const where = query ? query.where : undefined;
    const matches: Matcher = where ? compiler.clause(where) : () => true;
    const orderFields = query && query.orderBy ? query.orderBy.fields : [];
    return { bounded: Boolean(where), matches, compare: orderComparator(orderFields) };
  }

  private parse(jql: string): Jast {
    let jast = this.parsed.get(jql);
    if (!jast) {
      jast = new JastBuilder().build(jql);
      if (this.parsed.size >= MAX_PARSE_CACHE) this.parsed.clear();
      this.parsed.set(jql, jast);
    }
    return jast;
  }
}

class ClauseCompiler {
  constructor(
    private readonly state: JiraState,
    private readonly aliases: readonly EntityPropertyAlias[],
    private readonly context: JqlContext,
  ) {}

  clause(clause: Clause): Matcher {
    switch (clause.clauseType) {
      case 'compound': {
        const parts = clause.clauses.map((child) => this.clause(child));
        return clause.operator.value === 'and'
          ? (issue) => parts.every((part) => part(issue))
          : (issue) => parts.some((part) => part(issue));
      }
      case 'not': {
        const inner = this.clause(clause.clause);
        return (issue) => !inner(issue);
      }
      case 'terminal':
        return this.terminal(clause);
    }
  }

  private terminal(clause: TerminalClause): Matcher {
    if (clause.predicates.length > 0)
      throw new UnsupportedError(`JQL predicates (${clause.predicates.map((p) => p.operator.value).join(', ')})`);
    const fieldName = clause.field.value;
    if (clause.field.properties && clause.field.properties.length > 0)
      throw new UnsupportedError(`the JQL field '${clause.field.text}' with property access`);
    const operator = clause.operator ? clause.operator.value.toLowerCase() : '';
    const operand = clause.operand || undefined;
    if (!operand) throw new JqlError(`Error in the JQL Query: Expecting an operand after '${operator}' for field '${fieldName}'.`);
    const reader = this.reader(fieldName);

    if (operator === 'is' || operator === 'is not') {
      if (operand.operandType !== 'keyword')
        throw new JqlError(`The operator '${operator.toUpperCase()}' only supports EMPTY or NULL, not '${operandText(operand)}'.`);
      const empty = (issue: StoredIssue) => reader.values(issue).length === 0;
      return operator === 'is' ? empty : (issue) => !empty(issue);
    }
    if (operand.operandType === 'keyword') {
      // `field = EMPTY` means `field is EMPTY` in Jira.
      if (operator === '=' || operator === 'in') return (issue) => reader.values(issue).length === 0;
      if (operator === '!=' || operator === 'not in') return (issue) => reader.values(issue).length > 0;
    }
    switch (reader.kind) {
      case 'set':
        return this.setClause(reader, operator, operand);
      case 'text':
        return this.textClause(reader, operator, operand);
      case 'date':
      case 'number':
        return this.rangeClause(reader, operator, operand);
    }
  }

  private setClause(reader: Extract<FieldReader, { kind: 'set' }>, operator: string, operand: Operand): Matcher {
    const listy = operator === 'in' || operator === 'not in';
    if (!['=', '!=', 'in', 'not in'].includes(operator))
      throw new UnsupportedError(`the operator '${operator.toUpperCase()}' on field '${reader.name}'`);
    if (listy !== (operand.operandType === 'list' || operand.operandType === 'function')) {
      if (listy)
        throw new JqlError(`The operator '${operator.toUpperCase()}' can only be used with a list of values for field '${reader.name}'.`);
      if (operand.operandType === 'list')
        throw new JqlError(`The operator '${operator}' does not support the list value for field '${reader.name}'.`);
    }
    const wanted = new Set<string>();
    for (const value of this.operandValues(operand, reader.name)) {
      for (const id of value === null ? [] : reader.resolve(value)) wanted.add(reader.caseInsensitive ? id.toLowerCase() : id);
    }
    const norm = (value: string) => (reader.caseInsensitive ? value.toLowerCase() : value);
    const hit = (issue: StoredIssue) => reader.values(issue).some((value) => wanted.has(norm(value)));
    if (operator === '=' || operator === 'in') return hit;
    return (issue) => reader.values(issue).length > 0 && !hit(issue);
  }

  private textClause(reader: Extract<FieldReader, { kind: 'text' }>, operator: string, operand: Operand): Matcher {
    if (operator !== '~' && operator !== '!~')
      throw new UnsupportedError(`the operator '${operator.toUpperCase()}' on the text field '${reader.name}'`);
    if (operand.operandType !== 'value')
      throw new JqlError(`The operator '${operator}' is not supported with a list or function for field '${reader.name}'.`);
    // Jira's text search matches words; the stand-in asks that every word occurs, ignoring case.
    const terms = splitWords(operand.value.toLowerCase());
    const contains = (issue: StoredIssue) =>
      reader.values(issue).some((text) => {
        const lower = text.toLowerCase();
        return terms.every((term) => lower.includes(term));
      });
    return operator === '~' ? contains : (issue) => !contains(issue);
  }

  private rangeClause(reader: Extract<FieldReader, { kind: 'date' | 'number' }>, operator: string, operand: Operand): Matcher {
    const toNumber = (text: string): number => {
      if (reader.kind === 'date') return jqlDate(text, reader.name, this.context.now);
      const number = Number(text);
      if (!Number.isFinite(number)) throw new JqlError(`The value '${text}' for field '${reader.name}' is not a number.`);
      return number;
    };
    const targets = (operand.operandType === 'list' ? operand.values : [operand]).map((single) => {
      if (single.operandType === 'function') return this.dateFunction(single.function.value, reader.name);
      if (single.operandType !== 'value') throw new JqlError(`Invalid value for field '${reader.name}'.`);
      return toNumber(single.value);
    });
    const first = targets[0] ?? 0;
    const compare: Record<string, (value: number) => boolean> = {
      '=': (value) => value === first,
      '!=': (value) => value !== first,
      '>': (value) => value > first,
      '>=': (value) => value >= first,
      '<': (value) => value < first,
      '<=': (value) => value <= first,
      in: (value) => targets.includes(value),
      'not in': (value) => !targets.includes(value),
    };
    const test = compare[operator];
    if (!test) throw new UnsupportedError(`the operator '${operator.toUpperCase()}' on field '${reader.name}'`);
    return (issue) => reader.values(issue).some(test);
  }

  private dateFunction(name: string, field: string): number {
    const now = this.context.now;
    const known: Record<string, () => Date> = {
      now: () => now,
      startofday: () => startOfDay(now),
      endofday: () => endOfDay(now),
      startofweek: () => startOfWeek(now),
      endofweek: () => endOfWeek(now),
      startofmonth: () => startOfMonth(now),
      endofmonth: () => endOfMonth(now),
    };
    const fn = known[name.toLowerCase()];
    if (!fn) throw new UnsupportedError(`the JQL function ${name}() on field '${field}'`);
    return fn().getTime();
  }

  /** Operand values as strings; `null` for EMPTY inside a list. Functions expand to values. */
  private operandValues(operand: Operand, field: string): Array<string | null> {
    switch (operand.operandType) {
      case 'value':
        return [operand.value];
      case 'keyword':
        return [null];
      case 'list':
        return operand.values.flatMap((value) => this.operandValues(value, field));
      case 'function':
        return this.listFunction(operand.function.value, field);
    }
  }

  private listFunction(name: string, field: string): string[] {
    const lower = name.toLowerCase();
    const caller = this.context.caller;
    if (lower === 'currentuser') return caller.kind === 'user' ? [caller.accountId] : [];
    const sprintStates: Record<string, string[]> = {
      opensprints: ['active', 'future'],
      closedsprints: ['closed'],
      futuresprints: ['future'],
    };
    const states = sprintStates[lower];
    if (states && field === 'sprint') {
      return [...this.state.sprints.values()].filter((sprint) => states.includes(sprint.state)).map((sprint) => String(sprint.id));
    }
    throw new UnsupportedError(`the JQL function ${name}() on field '${field}'`);
  }

  private reader(fieldName: string): FieldReader {
    const lower = fieldName.toLowerCase();
    const state = this.state;
    const unknownValue = (value: string, field: string): never => {
      throw new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
    };
    switch (lower) {
      case 'project':
        return {
          kind: 'set',
          name: 'project',
          values: (issue) => [issue.projectKey],
          resolve: (value) => {
            const project =
              state.projectByIdOrKey(value) ?? [...state.projects.values()].find((p) => p.name.toLowerCase() === value.toLowerCase());
            // A project the caller cannot browse does not exist for them, in the same words.
            return project && this.mayBrowse(project.permissions.browse) ? [project.key] : unknownValue(value, 'project');
          },
        };
      case 'key':
      case 'issuekey':
      case 'id':
      case 'issue':
        return {
          kind: 'set',
          name: 'key',
          values: (issue) => [issue.id],
          // Jira answers 400 for a key that does not exist; an id that does not exist simply matches nothing.
          resolve: (value) => {
            const issue = state.issueByIdOrKey(value);
            if (issue) return [issue.id];
            return /* digits are ids */ isDigits(value) ? [] : unknownValue(value, 'key');
          },
        };
      case 'summary':
        return { kind: 'text', name: 'summary', values: (issue) => [issue.summary] };
      case 'description':
        return { kind: 'text', name: 'description', values: (issue) => (issue.description ? [issue.description] : []) };
      case 'text':
        return { kind: 'text', name: 'text', values: (issue) => [issue.summary, issue.description] };
      case 'status':
        return {
          kind: 'set',
          name: 'status',
          values: (issue) => [issue.statusId],
          resolve: (value) => {
            const ids = [...state.statuses.values()]
              .filter((s) => s.id === value || s.name.toLowerCase() === value.toLowerCase())
              .map((s) => s.id);
            return ids.length ? ids : unknownValue(value, 'status');
          },
        };
      case 'statuscategory':
        return {
          kind: 'set',
          name: 'statusCategory',
          values: (issue) => {
            const status = state.statuses.get(issue.statusId);
            return status ? [status.category] : [];
          },
          resolve: (value) => {
            const match = Object.values(STATUS_CATEGORIES).find(
              (c) => String(c.id) === value || c.key === value.toLowerCase() || c.name.toLowerCase() === value.toLowerCase(),
            );
            return match ? [match.key] : unknownValue(value, 'statusCategory');
          },
        };
      case 'issuetype':
      case 'type':
        return {
          kind: 'set',
          name: 'issuetype',
          values: (issue) => [issue.issueTypeId],
          resolve: (value) => {
            const ids = [...state.issueTypes.values()]
              .filter((t) => t.id === value || t.name.toLowerCase() === value.toLowerCase())
              .map((t) => t.id);
            return ids.length ? ids : unknownValue(value, 'issuetype');
          },
        };
      case 'priority':
        return {
          kind: 'set',
          name: 'priority',
          values: (issue) => [issue.priority.toLowerCase()],
          resolve: (value) => {
            const match = PRIORITIES.find((p, index) => p.toLowerCase() === value.toLowerCase() || String(index + 1) === value);
            return match ? [match.toLowerCase()] : unknownValue(value, 'priority');
          },
        };
      case 'labels':
        return { kind: 'set', name: 'labels', values: (issue) => issue.labels, resolve: (value) => [value], caseInsensitive: true };
      case 'component':
        return {
          kind: 'set',
          name: 'component',
          values: (issue) => issue.components,
          resolve: (value) => {
            const names = new Set<string>();
            for (const project of state.projects.values()) {
              for (const c of project.components) if (c.id === value || c.name.toLowerCase() === value.toLowerCase()) names.add(c.name);
            }
            return names.size ? [...names] : unknownValue(value, 'component');
          },
        };
      case 'parent':
        return {
          kind: 'set',
          name: 'parent',
          values: (issue) => {
            const parent = issue.parentKey ? state.issueByIdOrKey(issue.parentKey) : undefined;
            return parent ? [parent.id] : [];
          },
          resolve: (value) => {
            const parent = state.issueByIdOrKey(value);
            return parent ? [parent.id] : unknownValue(value, 'parent');
          },
        };
      case 'assignee':
      case 'reporter':
      case 'creator':
        return {
          kind: 'set',
          name: lower,
          values: (issue) => {
            const id = lower === 'assignee' ? issue.assigneeAccountId : issue.reporterAccountId;
            return id ? [id] : [];
          },
          resolve: (value) => this.resolveUser(value),
        };
      case 'sprint':
      case 'cf[10020]':
        return {
          kind: 'set',
          name: 'sprint',
          values: (issue) => issue.sprintIds.map(String),
          resolve: (value) => {
            if (state.sprints.has(Number(value)) && isDigits(value)) return [value];
            const ids = [...state.sprints.values()].filter((s) => s.name.toLowerCase() === value.toLowerCase()).map((s) => String(s.id));
            return ids.length ? ids : unknownValue(value, 'sprint');
          },
        };
      case 'flagged':
      case 'cf[10021]':
        return {
          kind: 'set',
          name: 'Flagged',
          values: (issue) => (issue.flagged ? ['impediment'] : []),
          resolve: (value) => (value.toLowerCase() === 'impediment' || value === '10019' ? ['impediment'] : unknownValue(value, 'Flagged')),
        };
      case 'created':
      case 'createddate':
        return { kind: 'date', name: 'created', values: (issue) => [Date.parse(issue.created)] };
      case 'updated':
      case 'updateddate':
        return { kind: 'date', name: 'updated', values: (issue) => [Date.parse(issue.updated)] };
      case 'resolved':
      case 'resolutiondate':
        return { kind: 'date', name: 'resolved', values: (issue) => (issue.resolutionDate ? [Date.parse(issue.resolutionDate)] : []) };
      default:
        return this.aliasReader(fieldName);
    }
  }

  private aliasReader(fieldName: string): FieldReader {
    const alias = this.aliases.find((candidate) => candidate.searchAlias.toLowerCase() === fieldName.toLowerCase());
    if (!alias) throw new UnsupportedError(`the JQL field '${fieldName}'`);
    const raw = (issue: StoredIssue): unknown[] => {
      let value: unknown = issue.properties[alias.propertyKey];
      for (const step of alias.path.split('.')) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
        value = (value as Record<string, unknown>)[step];
      }
      const list = Array.isArray(value) ? value : [value];
      return list.filter((item) => item !== undefined && item !== null && item !== '');
    };
    switch (alias.type) {
      case 'string':
        return { kind: 'set', name: alias.searchAlias, values: (issue) => raw(issue).map(String), resolve: (value) => [value] };
      case 'user':
        return {
          kind: 'set',
          name: alias.searchAlias,
          values: (issue) => raw(issue).map(String),
          resolve: (value) => this.resolveUser(value),
        };
      case 'text':
        return { kind: 'text', name: alias.searchAlias, values: (issue) => raw(issue).map(String) };
      case 'number':
        return { kind: 'number', name: alias.searchAlias, values: (issue) => raw(issue).map(Number).filter(Number.isFinite) };
      case 'date':
        return {
          kind: 'date',
          name: alias.searchAlias,
          values: (issue) =>
            raw(issue)
              .map((item) => Date.parse(String(item)))
              .filter(Number.isFinite),
        };
    }
  }

  private mayBrowse(browsers: string[]): boolean {
    const caller = this.context.caller;
    return caller.kind === 'app' || (caller.kind === 'user' && browsers.includes(caller.accountId));
  }

  /** Users by accountId (what Jira Cloud's JQL takes), display name or e-mail. */
  private resolveUser(value: string): string[] {
    if (this.state.users.has(value)) return [value];
    const lower = value.toLowerCase();
    const ids = [...this.state.users.values()]
      .filter((user) => user.displayName.toLowerCase() === lower || user.emailAddress?.toLowerCase() === lower)
      .map((user) => user.accountId);
    // Jira accepts unknown account ids silently (they match nothing).
    return ids.length ? ids : [value];
  }
}

function orderComparator(fields: OrderByField[]): (a: StoredIssue, b: StoredIssue) => number {
  const keys = fields.map((field) => {
    const direction =
      field.direction && field.direction.value.toLowerCase() === 'asc' ? 1 : field.direction ? -1 : defaultDirection(field.field.value);
    return { read: orderKey(field.field.value), direction };
  });
  // Without ORDER BY the stand-in lists newest first (by id), like Jira's default ordering by creation.
  if (keys.length === 0) keys.push({ read: (issue) => Number(issue.id), direction: -1 });
  return (a, b) => {
    for (const { read, direction } of keys) {
      const x = read(a);
      const y = read(b);
      if (x < y) return -direction;
      if (x > y) return direction;
    }
    return Number(a.id) - Number(b.id);
  };
}

function defaultDirection(field: string): number {
  // Jira sorts dates newest first unless told otherwise; everything else ascending.
  return ['created', 'updated', 'resolved', 'resolutiondate'].includes(field.toLowerCase()) ? -1 : 1;
}

function orderKey(field: string): (issue: StoredIssue) => number | string {
  switch (field.toLowerCase()) {
    case 'key':
    case 'issuekey':
      // Project key, then the issue number as a number (ITSM-10 after ITSM-9).
      return (issue) => `${issue.projectKey}-${String(Number(issue.key.slice(issue.key.lastIndexOf('-') + 1))).padStart(12, '0')}`;
    case 'id':
    case 'rank':
      // No ranks here: creation order stands in for the board's rank.
      return (issue) => Number(issue.id);
    case 'created':
      return (issue) => Date.parse(issue.created);
    case 'updated':
      return (issue) => Date.parse(issue.updated);
    case 'summary':
      return (issue) => issue.summary.toLowerCase();
    case 'priority':
      return (issue) => PRIORITIES.indexOf(issue.priority);
    default:
      throw new UnsupportedError(`ORDER BY ${field}`);
  }
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (const char of value) if (char < '0' || char > '9') return false;
  return true;
}

function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (char === ' ' || char === '\t' || char === '\n') {
      if (current) words.push(current);
      current = '';
    } else current += char;
  }
  if (current) words.push(current);
  return words;
}

function operandText(operand: Operand): string {
  if (operand.operandType === 'value') return operand.value;
  if (operand.operandType === 'function') return `${operand.function.value}()`;
  return operand.operandType;
}
