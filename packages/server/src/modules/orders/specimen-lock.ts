/** Locking a tube for a change that may touch its order (replacement, rejection after acceptance). */
import { SillageError } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import * as orders from './orders.repository.js';
import * as specimens from './specimens.repository.js';

/**
 * The tube of a scanned barcode and its order, both locked: the order row first, then the tube — the
 * lock order of adding analyses to an order, so two such changes cannot deadlock.
 */
export async function lockTubeAndOrder<T = undefined>(
  tx: Queryable,
  barcode: string,
  /**
   * Locks taken between the order and the tube: result entry locks results, then marks their tube
   * in analysis, so a change that also locks the tube's results must take them before the tube.
   */
  beforeTube?: (specimenId: string) => Promise<T>
): Promise<{ tube: specimens.SpecimenRow; order: orders.OrderRow; locked: T | undefined }> {
  const seen = await specimens.findSpecimenByBarcode(tx, barcode.trim());
  if (seen === undefined) {
    throw new SillageError('SIL_SPECIMEN_NOT_FOUND', { issues: [{ path: 'barcode', message: barcode }] });
  }
  const order = (await orders.findOrder(tx, seen.order_id, true)) as orders.OrderRow;
  const locked = beforeTube === undefined ? undefined : await beforeTube(seen.id);
  const tube = (await specimens.findSpecimenByBarcode(tx, seen.barcode, true)) as specimens.SpecimenRow;
  return { tube, order, locked };
}
