export * from './errors/error-catalog.js';
export * from './errors/sillage-error.js';
export * from './access/index.js';
export * from './identity/index.js';
export * from './hl7/index.js';
export * from './astm/index.js';
export * from './hprim/index.js';
export * from './billing/index.js';
