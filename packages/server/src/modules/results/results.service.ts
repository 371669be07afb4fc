import type { Database } from '../../db/database.js';

/** Placeholder: filled by the results feature. */
export class ResultService {
  constructor(readonly database: Database) {}
}
