import type { Database } from '../../db/database.js';

/** Placeholder: filled by the reports feature. */
export class ReportService {
  constructor(readonly database: Database) {}
}
