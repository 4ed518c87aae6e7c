import { conflict } from '../web/http-errors';

/** TypeORM returns [rows, count] for UPDATE … RETURNING on postgres; plain rows elsewhere. */
export function rowsOf<T = Record<string, any>>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** True for PostgreSQL's unique_violation (a concurrent insert that won the race). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/**
 * Runs a write whose name was checked free first: the check can lose a race with a concurrent
 * write, and the unique index then answers, as the same 409 with the same message.
 */
export async function withUniqueName<T>(duplicateMessage: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(duplicateMessage, { field: 'name' });
    throw error;
  }
}

/** Collects SQL parameters and hands out their $n placeholders (each statement its own list). */
export class SqlParams {
  readonly values: unknown[];
  constructor(...initial: unknown[]) {
    this.values = initial;
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
