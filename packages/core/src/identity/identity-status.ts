/**
 * Identity statuses of the Référentiel national d'identitovigilance (RNIV, EXI SI 07): every stored
 * identity carries exactly one of four statuses, the product of two independent facts [V FR Core
 * CodeSystem fr-core-cs-identity-status]:
 *
 *                                  no high-trust document check   high-trust document checked
 *   INS not retrieved from INSi    PROV  identité provisoire       VALI  identité validée
 *   INS retrieved from INSi        RECUP identité récupérée        QUAL  identité qualifiée
 *
 * "Seul le statut Identité qualifiée (QUAL) autorise le référencement des données de santé
 * échangées avec le matricule INS" (EXI SI 08) — hence `mayShareInsOutward` only for QUAL.
 *
 * Transitions are data (`allowedStatusTransitions`), with named guards. Sillage's decisions, where
 * the RNIV leaves the software free, each with its reason:
 * 1. Upgrades need the evidence of the target status: RECUP/QUAL an INS returned by INSi for these
 *    traits; VALI/QUAL a high-trust document (identity-document.ts). PROV → QUAL in one step is
 *    allowed (carte Vitale read, INSi queried and ID card checked in the same visit).
 * 2. Downgrades (losing one or both facts) are allowed but need a reason: the audit trail must say
 *    why a checked identity became less trusted (DESIGN.md: nothing silently overwritten).
 * 3. RECUP ↔ VALI directly is refused: it would lose one fact and gain the other in one step; it
 *    is done as two audited steps (through PROV or QUAL).
 * 4. Identity attributes "douteuse" and "fictive" force PROV: a doubtful identity cannot be
 *    validated and a fictitious one (anonymity, tests) must never be [K: RNIV volet 1 attributes
 *    of identity — to verify the exact requirement number; FR Core v2-0445 codes DOUT, FICT].
 *    "Homonyme" does not constrain the status (it calls for vigilance, not distrust).
 * 5. A change of a strict trait (birth name, birth first names, first first name, birth date, sex,
 *    birthplace code) on a RECUP, VALI or QUAL identity sends it back to PROV, with a reason: the
 *    INSi match and the document check were made on the old traits and prove nothing about the new
 *    ones (and INSi traits must not be edited by hand). Re-validation is then a new, audited step.
 *    On a PROV identity strict traits are edited freely.
 */
import { normalizeName } from './names.js';

export const IDENTITY_STATUSES = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

export const IDENTITY_ATTRIBUTES = ['DOUTEUSE', 'FICTIVE', 'HOMONYME'] as const;
export type IdentityAttribute = (typeof IDENTITY_ATTRIBUTES)[number];

/** HL7 table 0445 / FR Core codes of the attributes (DOUT, FICT, HOMA). */
export const IDENTITY_ATTRIBUTE_CODES: Readonly<Record<IdentityAttribute, string>> = {
  DOUTEUSE: 'DOUT',
  FICTIVE: 'FICT',
  HOMONYME: 'HOMA',
};

/** Attributes that keep the identity provisional (decision 4). */
export const ATTRIBUTES_FORCING_PROV: readonly IdentityAttribute[] = ['DOUTEUSE', 'FICTIVE'];

/** The traits whose change invalidates the INSi match and the document check (decision 5). */
export const STRICT_TRAITS = [
  'birthName',
  'birthFirstNames',
  'firstFirstName',
  'birthDate',
  'sex',
  'birthplaceInsee',
] as const;
export type StrictTrait = (typeof STRICT_TRAITS)[number];

interface StatusFacts {
  readonly insRetrievedFromInsi: boolean;
  readonly highTrustDocumentChecked: boolean;
  readonly label: { readonly fr: string; readonly en: string };
}

/** The two facts behind each status (the RNIV grid above). */
export const identityStatusFacts: Readonly<Record<IdentityStatus, StatusFacts>> = {
  PROV: {
    insRetrievedFromInsi: false,
    highTrustDocumentChecked: false,
    label: { fr: 'Identité provisoire', en: 'Provisional identity' },
  },
  RECUP: {
    insRetrievedFromInsi: true,
    highTrustDocumentChecked: false,
    label: { fr: 'Identité récupérée', en: 'Retrieved identity' },
  },
  VALI: {
    insRetrievedFromInsi: false,
    highTrustDocumentChecked: true,
    label: { fr: 'Identité validée', en: 'Validated identity' },
  },
  QUAL: {
    insRetrievedFromInsi: true,
    highTrustDocumentChecked: true,
    label: { fr: 'Identité qualifiée', en: 'Qualified identity' },
  },
};

export function isIdentityStatus(value: string): value is IdentityStatus {
  return (IDENTITY_STATUSES as readonly string[]).includes(value);
}

/** RECUP and QUAL: an INS obtained from the INSi teleservice. */
export function requiresIns(status: IdentityStatus): boolean {
  return identityStatusFacts[status].insRetrievedFromInsi;
}

/** VALI and QUAL: a high-trust identity document was checked against the traits. */
export function requiresIdentityDocument(status: IdentityStatus): boolean {
  return identityStatusFacts[status].highTrustDocumentChecked;
}

/** Only QUAL may reference exchanged health data with the INS (RNIV EXI SI 08). */
export function mayShareInsOutward(status: IdentityStatus): boolean {
  return status === 'QUAL';
}

/** The status the evidence supports (the RNIV grid), PROV whenever an attribute forces it. */
export function deriveIdentityStatus(evidence: {
  readonly insRetrievedFromInsi: boolean;
  readonly highTrustDocumentChecked: boolean;
  readonly attributes?: readonly IdentityAttribute[];
}): IdentityStatus {
  if ((evidence.attributes ?? []).some((attribute) => ATTRIBUTES_FORCING_PROV.includes(attribute))) {
    return 'PROV';
  }
  if (evidence.insRetrievedFromInsi) {
    return evidence.highTrustDocumentChecked ? 'QUAL' : 'RECUP';
  }
  return evidence.highTrustDocumentChecked ? 'VALI' : 'PROV';
}

export type StatusTransitionGuard = 'insRetrievedFromInsi' | 'highTrustDocumentChecked' | 'reasonGiven';

export interface StatusTransition {
  readonly from: IdentityStatus;
  readonly to: IdentityStatus;
  readonly kind: 'upgrade' | 'downgrade';
  readonly guards: readonly StatusTransitionGuard[];
}

/** Every allowed change of status; a pair not listed here is refused (decision 3). */
export const allowedStatusTransitions: readonly StatusTransition[] = [
  { from: 'PROV', to: 'RECUP', kind: 'upgrade', guards: ['insRetrievedFromInsi'] },
  { from: 'PROV', to: 'VALI', kind: 'upgrade', guards: ['highTrustDocumentChecked'] },
  { from: 'PROV', to: 'QUAL', kind: 'upgrade', guards: ['insRetrievedFromInsi', 'highTrustDocumentChecked'] },
  { from: 'RECUP', to: 'QUAL', kind: 'upgrade', guards: ['insRetrievedFromInsi', 'highTrustDocumentChecked'] },
  { from: 'VALI', to: 'QUAL', kind: 'upgrade', guards: ['insRetrievedFromInsi', 'highTrustDocumentChecked'] },
  { from: 'RECUP', to: 'PROV', kind: 'downgrade', guards: ['reasonGiven'] },
  { from: 'VALI', to: 'PROV', kind: 'downgrade', guards: ['reasonGiven'] },
  { from: 'QUAL', to: 'PROV', kind: 'downgrade', guards: ['reasonGiven'] },
  { from: 'QUAL', to: 'RECUP', kind: 'downgrade', guards: ['insRetrievedFromInsi', 'reasonGiven'] },
  { from: 'QUAL', to: 'VALI', kind: 'downgrade', guards: ['highTrustDocumentChecked', 'reasonGiven'] },
];

/** The facts, as they stand after the requested change, that the guards read. */
export interface StatusTransitionContext {
  /** An INS returned by the INSi teleservice for the identity's current traits is attached. */
  readonly insRetrievedFromInsi: boolean;
  /** A high-trust document (isHighTrustIdentityDocument) was checked against the current traits. */
  readonly highTrustDocumentChecked: boolean;
  readonly attributes?: readonly IdentityAttribute[];
  /** Strict traits changed by the same operation (see changedStrictTraits). */
  readonly changedStrictTraits?: readonly StrictTrait[];
  readonly reason?: string | null;
}

export type StatusTransitionErrorCode =
  | 'SIL_IDENTITY_STATUS_TRANSITION'
  | 'SIL_IDENTITY_STATUS_REQUIRES_INS'
  | 'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT'
  | 'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV'
  | 'SIL_IDENTITY_LOCKED'
  | 'SIL_REASON_REQUIRED';

function hasReason(reason: string | null | undefined): boolean {
  return reason !== undefined && reason !== null && reason.trim().length > 0;
}

function guardHolds(guard: StatusTransitionGuard, context: StatusTransitionContext): boolean {
  switch (guard) {
    case 'insRetrievedFromInsi':
      return context.insRetrievedFromInsi;
    case 'highTrustDocumentChecked':
      return context.highTrustDocumentChecked;
    case 'reasonGiven':
      return hasReason(context.reason);
  }
}

const GUARD_ERROR: Readonly<Record<StatusTransitionGuard, StatusTransitionErrorCode>> = {
  insRetrievedFromInsi: 'SIL_IDENTITY_STATUS_REQUIRES_INS',
  highTrustDocumentChecked: 'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
  reasonGiven: 'SIL_REASON_REQUIRED',
};

/**
 * Checks a status change (or, with from === to, that an edit keeps the status legitimate);
 * `from` null means a new identity, which may start at any status its evidence supports.
 * Returns the error code to answer, or null when allowed. Checks in order: attributes forcing
 * PROV, strict-trait lock, the transition table, then its guards.
 */
export function checkStatusTransition(
  from: IdentityStatus | null,
  to: IdentityStatus,
  context: StatusTransitionContext
): StatusTransitionErrorCode | null {
  if (to !== 'PROV' && (context.attributes ?? []).some((attribute) => ATTRIBUTES_FORCING_PROV.includes(attribute))) {
    return 'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV';
  }
  const strictTraitsChanged = (context.changedStrictTraits ?? []).length > 0;
  if (strictTraitsChanged && from !== null && from !== 'PROV') {
    if (to !== 'PROV') {
      return 'SIL_IDENTITY_LOCKED';
    }
    return hasReason(context.reason) ? null : 'SIL_REASON_REQUIRED';
  }
  if (from === null || from === to) {
    // Creation, or no transition: the evidence of the status must hold.
    if (requiresIns(to) && !context.insRetrievedFromInsi) {
      return 'SIL_IDENTITY_STATUS_REQUIRES_INS';
    }
    if (requiresIdentityDocument(to) && !context.highTrustDocumentChecked) {
      return 'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT';
    }
    return null;
  }
  const transition = allowedStatusTransitions.find((candidate) => candidate.from === from && candidate.to === to);
  if (transition === undefined) {
    return 'SIL_IDENTITY_STATUS_TRANSITION';
  }
  const failed = transition.guards.find((guard) => !guardHolds(guard, context));
  return failed === undefined ? null : GUARD_ERROR[failed];
}

type StrictTraitValues = { readonly [K in StrictTrait]: string | null };

function comparable(trait: StrictTrait, value: string | null): string | null {
  if (value === null) {
    return null;
  }
  if (trait === 'birthDate' || trait === 'sex' || trait === 'birthplaceInsee') {
    return value.trim().toUpperCase();
  }
  return normalizeName(value);
}

/** The strict traits that differ once normalised (re-casing or an accent is not a change). */
export function changedStrictTraits(before: StrictTraitValues, after: StrictTraitValues): StrictTrait[] {
  return STRICT_TRAITS.filter((trait) => comparable(trait, before[trait]) !== comparable(trait, after[trait]));
}
