import type { Database } from '../../db/database.js';

/** Placeholder: filled by the catalogue feature. */
export class CatalogueService {
  constructor(readonly database: Database) {}
}
