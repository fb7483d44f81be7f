// Database functions whose text is generated here, beside the TypeScript that owns their rules, so
// a status a function sets comes from the transition table in protocol/ (`statusSql` refuses one
// the table does not allow). A migration carries each function as `migrationBlock` renders it;
// backend/test/database-functions.test.ts fails when the newest migration's copy differs from what
// this code generates (write a new migration with `npx tsx backend/src/cli/print-sql-functions.ts`).
import { type ApplicationStatus, TRANSITIONS, type TransitionName } from '@jobswipe/protocol';

export interface SqlFunction {
  /** The function's name in the database; also names its block in a migration. */
  name: string;
  /** `create or replace function …`, whole. */
  sql: string;
}

/**
 * The status literal for SQL, once every named transition is known to lead to it (from `from`,
 * when given: the status the SQL's guard requires).
 */
export function statusSql(names: TransitionName[], to: ApplicationStatus, from?: ApplicationStatus): string {
  for (const name of names) {
    const rule: { from: readonly ApplicationStatus[]; to: readonly ApplicationStatus[] } = TRANSITIONS[name];
    if (!rule.to.includes(to) || (from !== undefined && !rule.from.includes(from))) {
      throw new Error(
        `transition ${name} does not lead ${from ? `from ${from} ` : ''}to ${to}: fix the SQL or the table`,
      );
    }
  }
  return `'${to}'::application_status`;
}

export const blockStart = (name: string) => `-- generated function: ${name}`;
export const blockEnd = (name: string) => `-- end of generated function: ${name}`;

export function migrationBlock(fn: SqlFunction): string {
  return `${blockStart(fn.name)}\n${fn.sql.trim()}\n${blockEnd(fn.name)}\n`;
}
