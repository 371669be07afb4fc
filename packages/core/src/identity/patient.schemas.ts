/**
 * Zod 4 schemas of a patient identity, shared by the server (request validation, OpenAPI) and the
 * web forms. Context-free: everything that needs "today" (birth date not in the future) lives in
 * `validatePatientTraits(traits, today)`, and `makePatientSchemas(today)` returns the same schemas
 * with that check added, so core stays pure.
 *
 * Names are normalised on the way in (RNIV: upper case, no diacritics — see names.ts), then
 * checked; INSEE codes are upper-cased; the INS number is stored compact (15 characters).
 * Objects are strict: an unknown field is an error.
 *
 * Issue messages: where Sillage has a specific code, the zod issue `message` IS that code
 * (SIL_NAME_INVALID, SIL_BIRTH_DATE_INVALID, SIL_INSEE_CODE_INVALID, SIL_NIR_INVALID_FORMAT,
 * SIL_NIR_INVALID_KEY, SIL_INS_OID_UNKNOWN, SIL_FIRST_FIRST_NAME_MISMATCH,
 * SIL_IDENTITY_STATUS_REQUIRES_INS, SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT,
 * SIL_IDENTITY_ATTRIBUTE_FORCES_PROV, SIL_IDENTITY_ATTRIBUTES_DUPLICATED, SIL_BIRTH_DATE_IN_FUTURE):
 * test it with `isErrorCode(issue.message)`; other issues carry zod's own message (map them to
 * SIL_VALIDATION).
 */
import { z } from 'zod';
import { isIsoDateString } from './calendar-date.js';
import {
  IDENTITY_DOCUMENT_COMPLEMENTS,
  IDENTITY_DOCUMENT_TYPES,
  isHighTrustIdentityDocument,
} from './identity-document.js';
import {
  ATTRIBUTES_FORCING_PROV,
  IDENTITY_ATTRIBUTES,
  IDENTITY_STATUSES,
  requiresIdentityDocument,
  requiresIns,
} from './identity-status.js';
import { INS_OIDS } from './ins-oid.js';
import { isValidInseeCode, normalizeInseeCode } from './insee-code.js';
import { isFirstFirstNameOfList, isValidNameTrait, normalizeName } from './names.js';
import { checkNirConsistency, parseNir } from './nir.js';

/** Longest accepted name trait (characters, after normalisation). */
export const NAME_MAX_LENGTH = 100;
/** Longest accepted list of birth first names. */
export const FIRST_NAMES_MAX_LENGTH = 200;

export const PATIENT_SEXES = ['F', 'M', 'I'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

function nameTrait(maxLength: number) {
  return z
    .string()
    .max(maxLength * 2)
    .transform(normalizeName)
    .pipe(
      z
        .string()
        .max(maxLength, { message: 'SIL_NAME_INVALID' })
        .refine(isValidNameTrait, { message: 'SIL_NAME_INVALID' })
    );
}

const birthDateSchema = z.string().refine(isIsoDateString, { message: 'SIL_BIRTH_DATE_INVALID' });

const inseeCodeSchema = z
  .string()
  .max(10, { message: 'SIL_INSEE_CODE_INVALID' })
  .transform(normalizeInseeCode)
  .pipe(z.string().refine(isValidInseeCode, { message: 'SIL_INSEE_CODE_INVALID' }));

/** INS matricule: the NIR or NIA with its key, any separators; output compact (15 characters). */
const insNumberSchema = z.string().transform((value, context) => {
  const result = parseNir(value);
  if (!result.ok) {
    context.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  }
  return result.nir.value;
});

export const insSchema = z.strictObject({
  number: insNumberSchema,
  oid: z.enum(INS_OIDS, { message: 'SIL_INS_OID_UNKNOWN' }).optional(),
});

export const identityDocumentSchema = z.strictObject({
  type: z.enum(IDENTITY_DOCUMENT_TYPES),
  complement: z.enum(IDENTITY_DOCUMENT_COMPLEMENTS).nullable().optional(),
});

/** The identity traits (RNIV "traits stricts" plus the used name). */
const traitShape = {
  birthName: nameTrait(NAME_MAX_LENGTH),
  usedName: nameTrait(NAME_MAX_LENGTH).nullable(),
  /** All birth first names as on the ID document, separated by spaces ("JEAN-PIERRE MARIE"). */
  birthFirstNames: nameTrait(FIRST_NAMES_MAX_LENGTH),
  /** RNIV: the first of the birth first names (see isFirstFirstNameOfList). */
  firstFirstName: nameTrait(NAME_MAX_LENGTH),
  /** YYYY-MM-DD */
  birthDate: birthDateSchema,
  /** INS uses F/M; I = indéterminé. */
  sex: z.enum(PATIENT_SEXES),
  /** INSEE commune code, or 99 + country code when born abroad. */
  birthplaceInsee: inseeCodeSchema.nullable(),
};

const identityShape = {
  ...traitShape,
  ins: insSchema.nullable(),
  identityStatus: z.enum(IDENTITY_STATUSES).default('PROV'),
  identityDocument: identityDocumentSchema.nullable(),
  identityAttributes: z.array(z.enum(IDENTITY_ATTRIBUTES)).max(IDENTITY_ATTRIBUTES.length).default([]),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{5,29}$/)
    .nullable(),
  email: z.string().trim().max(254).pipe(z.email()).nullable(),
  address: z.string().trim().min(1).max(500).nullable(),
};

type RefinementContext = z.core.$RefinementCtx;

function checkFirstFirstName(
  value: { firstFirstName: string; birthFirstNames: string },
  context: RefinementContext
): void {
  if (!isFirstFirstNameOfList(value.firstFirstName, value.birthFirstNames)) {
    context.addIssue({ code: 'custom', path: ['firstFirstName'], message: 'SIL_FIRST_FIRST_NAME_MISMATCH' });
  }
}

interface IdentityCoherence {
  firstFirstName: string;
  birthFirstNames: string;
  identityStatus: (typeof IDENTITY_STATUSES)[number];
  ins: { number: string } | null;
  identityDocument: z.output<typeof identityDocumentSchema> | null;
  identityAttributes: readonly (typeof IDENTITY_ATTRIBUTES)[number][];
}

/** What can be checked without the server: the status has its evidence in the payload. */
function checkIdentityCoherence(value: IdentityCoherence, context: RefinementContext): void {
  checkFirstFirstName(value, context);
  if (requiresIns(value.identityStatus) && value.ins === null) {
    context.addIssue({ code: 'custom', path: ['ins'], message: 'SIL_IDENTITY_STATUS_REQUIRES_INS' });
  }
  if (
    requiresIdentityDocument(value.identityStatus) &&
    (value.identityDocument === null || !isHighTrustIdentityDocument(value.identityDocument))
  ) {
    context.addIssue({ code: 'custom', path: ['identityDocument'], message: 'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT' });
  }
  if (
    value.identityStatus !== 'PROV' &&
    value.identityAttributes.some((attribute) => ATTRIBUTES_FORCING_PROV.includes(attribute))
  ) {
    context.addIssue({ code: 'custom', path: ['identityStatus'], message: 'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV' });
  }
  if (new Set(value.identityAttributes).size !== value.identityAttributes.length) {
    context.addIssue({ code: 'custom', path: ['identityAttributes'], message: 'SIL_IDENTITY_ATTRIBUTES_DUPLICATED' });
  }
}

export const patientTraitsSchema = z.strictObject(traitShape).superRefine(checkFirstFirstName);

export const patientCreateSchema = z.strictObject(identityShape).superRefine(checkIdentityCoherence);

/**
 * Update = the whole identity again (replacement, not a patch: strict traits are always validated
 * together), plus the optimistic-lock version and the reason the audit trail records.
 */
export const patientUpdateSchema = z
  .strictObject({
    ...identityShape,
    version: z.int().min(0),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .superRefine(checkIdentityCoherence);

export type PatientTraits = z.output<typeof patientTraitsSchema>;
export type PatientTraitsInput = z.input<typeof patientTraitsSchema>;
export type PatientCreate = z.output<typeof patientCreateSchema>;
export type PatientCreateInput = z.input<typeof patientCreateSchema>;
export type PatientUpdate = z.output<typeof patientUpdateSchema>;
export type PatientUpdateInput = z.input<typeof patientUpdateSchema>;
export type Ins = z.output<typeof insSchema>;

export type TraitIssueCode = 'SIL_BIRTH_DATE_IN_FUTURE' | 'SIL_NIR_INCONSISTENT';

export interface TraitIssue {
  readonly path: string;
  readonly code: TraitIssueCode;
  /** 'error' refuses the identity; 'warning' asks the user to confirm (flag, don't over-restrict). */
  readonly severity: 'error' | 'warning';
  readonly detail?: string;
}

/**
 * Checks that need "today" or cross the INS and the traits. `today` is the civil date in
 * Europe/Paris, YYYY-MM-DD (the server computes it). The INS/traits comparison is a warning: the
 * traits returned by INSi are authoritative, a disagreement calls for the identitovigilance cell,
 * not for refusing the patient at the desk.
 */
export function validatePatientTraits(
  traits: Pick<PatientTraits, 'birthDate' | 'sex'> & { readonly ins?: { readonly number: string } | null },
  today: string
): TraitIssue[] {
  const issues: TraitIssue[] = [];
  if (isIsoDateString(traits.birthDate) && isIsoDateString(today) && traits.birthDate > today) {
    issues.push({
      path: 'birthDate',
      code: 'SIL_BIRTH_DATE_IN_FUTURE',
      severity: 'error',
      detail: `${traits.birthDate} > ${today}`,
    });
  }
  if (traits.ins !== undefined && traits.ins !== null) {
    const parsed = parseNir(traits.ins.number);
    if (parsed.ok) {
      for (const inconsistency of checkNirConsistency(parsed.nir, traits)) {
        issues.push({
          path: 'ins.number',
          code: 'SIL_NIR_INCONSISTENT',
          severity: 'warning',
          detail: `${inconsistency.trait}: NIR ${inconsistency.fromNir}, traits ${inconsistency.fromTraits}`,
        });
      }
    }
  }
  return issues;
}

function addDatedErrors(
  value: Parameters<typeof validatePatientTraits>[0],
  today: () => string,
  context: RefinementContext
): void {
  for (const issue of validatePatientTraits(value, today())) {
    if (issue.severity === 'error') {
      context.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.code });
    }
  }
}

/** The schemas with the date-dependent errors added ("today" injected, YYYY-MM-DD Europe/Paris). */
export function makePatientSchemas(today: () => string) {
  return {
    patientTraitsSchema: patientTraitsSchema.superRefine((value, context) => addDatedErrors(value, today, context)),
    patientCreateSchema: patientCreateSchema.superRefine((value, context) => addDatedErrors(value, today, context)),
    patientUpdateSchema: patientUpdateSchema.superRefine((value, context) => addDatedErrors(value, today, context)),
  };
}

/** Trait fields as other sources give them (INSi answers, HL7 PID, forms before validation). */
export interface RawPatientTraits {
  readonly birthName: string;
  readonly usedName?: string | null;
  readonly birthFirstNames: string;
  readonly firstFirstName?: string | null;
  readonly birthDate: string;
  readonly sex: string;
  readonly birthplaceInsee?: string | null;
}

export interface NormalizedPatientTraits {
  readonly birthName: string;
  readonly usedName: string | null;
  readonly birthFirstNames: string;
  readonly firstFirstName: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly birthplaceInsee: string | null;
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim().length === 0 ? null : value;
}

/**
 * Normalises traits from another source the way the schemas do, without validating them: names in
 * RNIV form, an empty used name as null, the first first name defaulted to the first birth first
 * name, sex and INSEE code upper-cased and trimmed. Validate the result with the schemas.
 */
export function normalizeTraits(traits: RawPatientTraits): NormalizedPatientTraits {
  const birthFirstNames = normalizeName(traits.birthFirstNames);
  const usedName = blankToNull(traits.usedName);
  const firstFirstName = blankToNull(traits.firstFirstName);
  const birthplaceInsee = blankToNull(traits.birthplaceInsee);
  return {
    birthName: normalizeName(traits.birthName),
    usedName: usedName === null ? null : normalizeName(usedName),
    birthFirstNames,
    firstFirstName: firstFirstName === null ? (birthFirstNames.split(' ')[0] ?? '') : normalizeName(firstFirstName),
    birthDate: traits.birthDate.trim(),
    sex: traits.sex.trim().toUpperCase(),
    birthplaceInsee: birthplaceInsee === null ? null : normalizeInseeCode(birthplaceInsee),
  };
}
