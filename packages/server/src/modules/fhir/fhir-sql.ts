/**
 * Builds the WHERE clause of a FHIR search: bound parameters only (values never reach the SQL
 * text), date ranges resolved in the lab's time zone when the value carries no offset.
 */
import type { SqlParam } from '../../db/database.js';
import type { DateValue, TokenValue } from './fhir-search.js';

export class SqlWhere {
  readonly params: SqlParam[] = [];
  private readonly conditions: string[] = [];

  bind(value: SqlParam): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): void {
    this.conditions.push(condition);
  }

  clause(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}

/** `column` (timestamptz) against a date value's range, per the prefix semantics of R4 §3.1.1.5.4. */
export function instantCondition(where: SqlWhere, column: string, date: DateValue): string {
  const bound = (local: string): string =>
    date.offset === null
      ? `(${where.bind(local)}::timestamp AT TIME ZONE 'Europe/Paris')`
      : `${where.bind(`${local}${date.offset}`)}::timestamptz`;
  return rangeCondition(column, date, bound);
}

/** `column` (date: a birth date) against a date value's range, compared as calendar days. */
export function calendarCondition(where: SqlWhere, column: string, date: DateValue): string {
  return rangeCondition(`${column}::timestamp`, date, (local) => `${where.bind(local)}::timestamp`);
}

function rangeCondition(column: string, date: DateValue, bound: (local: string) => string): string {
  switch (date.prefix) {
    case 'eq':
      return `(${column} >= ${bound(date.start)} AND ${column} < ${bound(date.end)})`;
    case 'ne':
      return `(${column} < ${bound(date.start)} OR ${column} >= ${bound(date.end)})`;
    case 'gt':
    case 'sa':
      return `${column} >= ${bound(date.end)}`;
    case 'lt':
    case 'eb':
      return `${column} < ${bound(date.start)}`;
    case 'ge':
      return `${column} >= ${bound(date.start)}`;
    case 'le':
      return `${column} < ${bound(date.end)}`;
  }
}

/**
 * OR of the alternatives of one token parameter; `match` turns one alternative into a condition,
 * or `null` when its system cannot match here (then it matches nothing).
 */
export function tokenCondition(tokens: readonly TokenValue[], match: (token: TokenValue) => string | null): string {
  const conditions = tokens.map(match).filter((c): c is string => c !== null);
  return conditions.length === 0 ? 'false' : `(${conditions.join(' OR ')})`;
}
