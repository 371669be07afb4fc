import type { ErrorDefinition } from '../error-definition.js';

/** Billing errors (NABM cotation, coverage, invoices, cash desk, disputes). */
export const billingErrors = {} as const satisfies Record<string, ErrorDefinition>;
