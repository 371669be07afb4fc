/**
 * Gap-free invoice and credit-note numbers: the counter row `invoice:YYYY` / `credit_note:YYYY`
 * (number_counter, migration 0003) is incremented inside the issuing transaction — a rollback
 * gives the number back, and a concurrent issue waits on the row lock until this one ends — so the
 * numbers of a year are exactly 1, 2, 3… (CGI annexe II art. 242 nonies A: "séquence chronologique
 * et continue"). The year is the Paris calendar year of issue.
 */
import { formatInvoiceNumber, invoiceCounterName, parisDateOf, type InvoiceKind } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { nextCounterValue } from '../orders/order-numbers.js';

export async function allocateInvoiceNumber(
  db: Queryable,
  kind: InvoiceKind,
  issuedAt: Date = new Date()
): Promise<string> {
  const year = Number(parisDateOf(issuedAt).slice(0, 4));
  return formatInvoiceNumber(kind, year, await nextCounterValue(db, invoiceCounterName(kind, year)));
}
