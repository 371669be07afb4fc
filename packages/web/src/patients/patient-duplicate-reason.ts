import type { DuplicateReasonCode } from '@sillage/core';
import type { TFunction } from 'i18next';
import { fr } from '../i18n/fr.js';

// Compile-time checks: every reason core can give has a label, and no label is for a code core dropped.
const reasonLabels: Record<DuplicateReasonCode, string> = fr.patients.duplicates.reasonCodes;
type StaleLabel = Exclude<keyof typeof fr.patients.duplicates.reasonCodes, DuplicateReasonCode>;
const _noStaleLabel: [StaleLabel] extends [never] ? true : false = true;

function isKnownReason(code: string): code is DuplicateReasonCode {
  return Object.hasOwn(reasonLabels, code);
}

/** A duplicate-detection reason in words; an unknown code (newer server) is shown as is. */
export function duplicateReasonLabel(t: TFunction, code: string): string {
  return isKnownReason(code) ? t(`patients.duplicates.reasonCodes.${code}`) : code;
}
