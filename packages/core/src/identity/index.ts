// Patient identity rules (INS, RNIV identitovigilance): pure, no I/O.
export * from './calendar-date.js';
export * from './nir.js';
export * from './ins-oid.js';
export * from './names.js';
export * from './phonetic.js';
export * from './insee-code.js';
export * from './identity-document.js';
export * from './identity-status.js';
export * from './patient-search-query.js';
export * from './patient.schemas.js';
export * from './duplicate-detection.js';
