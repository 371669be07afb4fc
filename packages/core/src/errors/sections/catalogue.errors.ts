import type { ErrorDefinition } from '../error-definition.js';

/**
 * Catalogue (analyses, analytes, containers) and prescribers/correspondents (issue 3).
 * Shared codes are reused: SIL_REFERENCE_INTERVAL_INVALID / _OVERLAP, SIL_CRITICAL_LIMITS_INVALID,
 * SIL_RPPS_FORMAT_INVALID / _KEY_INVALID (lab section), SIL_REASON_REQUIRED, SIL_CONFLICT.
 */
export const catalogueErrors = {
  // ── Catalogue ──────────────────────────────────────────────────────────
  SIL_CATALOGUE_ANALYSIS_NOT_FOUND: { status: 404, fr: 'Analyse introuvable au catalogue.', en: 'Analysis not found.' },
  SIL_CATALOGUE_ANALYTE_NOT_FOUND: {
    status: 404,
    fr: 'Paramètre (analyte) introuvable au catalogue.',
    en: 'Analyte not found.',
  },
  SIL_CATALOGUE_CODE_TAKEN: {
    status: 409,
    fr: 'Ce code existe déjà au catalogue.',
    en: 'This code already exists in the catalogue.',
  },
  SIL_CATALOGUE_MNEMONIC_TAKEN: {
    status: 409,
    fr: 'Ce mnémonique est déjà utilisé par une autre analyse.',
    en: 'This mnemonic is already used by another analysis.',
  },
  SIL_CATALOGUE_DEFINITION_INVALID: {
    status: 422,
    fr: 'Définition incohérente (unités, décimales, règle de delta ou analytes de l’analyse).',
    en: 'Inconsistent definition (units, decimals, delta rule or analytes of the analysis).',
  },
  SIL_CATALOGUE_CODED_VALUES_REQUIRED: {
    status: 422,
    fr: 'Un résultat de type liste codée exige une liste de codes non vide, sans doublon.',
    en: 'A coded result needs a non-empty list of codes without duplicates.',
  },
  SIL_CATALOGUE_FORMULA_INVALID: {
    status: 422,
    fr: 'Formule de calcul invalide : formule inconnue ou donnée d’entrée absente du catalogue.',
    en: 'Invalid formula: unknown formula or an input is not in the catalogue.',
  },
  SIL_CATALOGUE_ANALYTE_UNKNOWN: {
    status: 422,
    fr: 'L’analyse référence un paramètre (analyte) absent du catalogue.',
    en: 'The analysis references an analyte that is not in the catalogue.',
  },
  SIL_CATALOGUE_CONTAINER_UNKNOWN: {
    status: 422,
    fr: 'Contenant (tube) inconnu.',
    en: 'Unknown container.',
  },
  SIL_CATALOGUE_OFF_NOMENCLATURE_WITH_NABM: {
    status: 422,
    fr: 'Une analyse cotée en NABM ne peut pas avoir de prix hors nomenclature : retirez les codes NABM ou le prix.',
    en: 'An analysis billed with NABM codes cannot have an off-nomenclature price: remove the NABM codes or the price.',
  },
  SIL_CATALOGUE_NABM_CODE_INVALID: {
    status: 422,
    fr: 'Code NABM invalide : 4 chiffres attendus (ex. 0552).',
    en: 'Invalid NABM code: 4 digits expected (e.g. 0552).',
  },
  SIL_CATALOGUE_LOINC_INVALID: {
    status: 422,
    fr: 'Code LOINC invalide : format NNNNN-N avec chiffre de contrôle (modulo 10) attendu.',
    en: 'Invalid LOINC code: NNNNN-N with a mod-10 check digit expected.',
  },
  SIL_CATALOGUE_UNCHANGED: {
    status: 422,
    fr: 'Aucune modification par rapport à la version en vigueur : pas de nouvelle version.',
    en: 'No change from the current version: no new version created.',
  },
  // ── Prescribers and correspondents ─────────────────────────────────────
  SIL_PRESCRIBER_NOT_FOUND: { status: 404, fr: 'Prescripteur introuvable.', en: 'Prescriber not found.' },
  SIL_PRESCRIBER_RPPS_TAKEN: {
    status: 409,
    fr: 'Ce numéro RPPS est déjà enregistré pour un autre prescripteur.',
    en: 'This RPPS number is already registered for another prescriber.',
  },
} as const satisfies Record<string, ErrorDefinition>;
