import type { ErrorDefinition } from '../error-definition.js';

/** Instrument link and codec errors (HL7 v2, ASTM E1381/E1394, HPRIM). */
export const instrumentErrors = {} as const satisfies Record<string, ErrorDefinition>;
