import type { Database } from '../../db/database.js';

/** Placeholder: filled by the orders feature. */
export class OrderService {
  constructor(readonly database: Database) {}
}
