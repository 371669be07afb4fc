/** Laboratory rules (issue 3): ages, intervals, flags, values, units, calculations, tubes, workflow — pure, no I/O. */
export * from './lab-instant.js';
export * from './age.js';
export * from './reference-interval.js';
export * from './decimal-format.js';
export * from './result-value.js';
export * from './result-flags.js';
export * from './units.js';
export * from './delta-check.js';
export * from './calculated-analytes.js';
export * from './rpps.js';
export * from './tubes.js';
export * from './feasibility.js';
export * from './state-machine.js';
export * from './specimen-lifecycle.js';
export * from './result-lifecycle.js';
export * from './order-status.js';
export * from './numbering.js';
