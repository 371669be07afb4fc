/**
 * Gap-free numbering (issue 3: "order and specimen numbers are allocated without gaps"). The
 * counter row of the lab day is incremented inside the order's own transaction: a failed order
 * rolls its increment back, and a concurrent order waits on the row lock until this one commits
 * or rolls back, so the numbers issued are exactly 1, 2, 3… per day. Formats: core lab/numbering.ts.
 */
import { formatOrderNumber, orderLabDay } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

/** Counter row name of a lab day's orders (`number_counter.name`). */
export function orderCounterName(labDay: string): string {
  return `order:${labDay}`;
}

export async function nextCounterValue(db: Queryable, name: string): Promise<number> {
  const [row] = await db.query<{ value: number }>(
    `INSERT INTO number_counter (name, value) VALUES ($1, 1)
     ON CONFLICT (name) DO UPDATE SET value = number_counter.value + 1
     RETURNING value`,
    [name]
  );
  return Number((row as { value: number }).value);
}

/** Allocates the next order number of the lab day `registeredAt` falls in (Europe/Paris). */
export async function allocateOrderNumber(db: Queryable, registeredAt: Date): Promise<string> {
  const labDay = orderLabDay(registeredAt);
  return formatOrderNumber(labDay, await nextCounterValue(db, orderCounterName(labDay)));
}
