/**
 * Cotation rules as data. A rule the NABM text read so far does not confirm is kept here with
 * `confirmed: false` and `enabled: false`: the engine does not apply it and says so in the result
 * notes, so switching it on later is a data change reviewed against the official text
 * (france-domain.md §1.3 and §6.1 list what is still to verify).
 */
import type { NabmCode } from './nabm-code.js';

interface RuleStatus {
  /** Where the rule comes from, with the reference's confidence tag. */
  readonly source: string;
  readonly confirmed: boolean;
  readonly enabled: boolean;
}

/** Two codes (or a code and a list) whose cotations are not cumulative on one invoice. */
export interface IncompatibilityRule extends RuleStatus {
  readonly id: string;
  readonly code: NabmCode;
  readonly notWith: readonly NabmCode[];
}

export interface SamplingActRule extends RuleStatus {
  readonly code: NabmCode;
  readonly label: string;
}

export interface CotationRules {
  /** NABM art. 4 quater: forfait de prise en charge pré-analytique, once per patient and per day. */
  readonly preAnalyticForfait: RuleStatus & { readonly code: NabmCode };
  /** Forfait de sécurité pour échantillon sanguin, once per order with a blood sample. */
  readonly bloodSafetyForfait: RuleStatus & { readonly code: NabmCode };
  /** Forfait de sécurité for a bacteriology / mycology / parasitology sample, once per order. */
  readonly bacteriologySafetyForfait: RuleStatus & { readonly code: NabmCode };
  /** NABM art. 6: supplement for urgent acts on prescription at night, Saturday from 12:00, Sunday, holiday. */
  readonly urgentSupplement: RuleStatus & {
    readonly nightCode: NabmCode;
    readonly weekendOrHolidayCode: NabmCode;
    /** Night is [nightStartsAtHour, 24) ∪ [0, nightEndsAtHour) Paris time. */
    readonly nightStartsAtHour: number;
    readonly nightEndsAtHour: number;
    readonly saturdayFromHour: number;
  };
  readonly incompatibilities: readonly IncompatibilityRule[];
  /** "Règle des 6 actes": only the N highest-rated analysis acts of a prescription are billed. */
  readonly maxAnalysisActs: RuleStatus & { readonly maxActs: number };
  /** Compléments à la cotation minimale (99xx) for blood acts. */
  readonly minimumBloodCotation: RuleStatus & { readonly minimumCoefficient: number };
  /** Sampling acts (prélèvement) billed by the lab. */
  readonly samplingActs: readonly SamplingActRule[];
}

export const defaultCotationRules: CotationRules = {
  preAnalyticForfait: {
    code: '9005',
    source: 'NABM art. 4 quater, décision UNCAM du 5 déc. 2008 : « un forfait 9005 par patient et par jour » [V]',
    confirmed: true,
    enabled: true,
  },
  bloodSafetyForfait: {
    code: '9105',
    // The "once per order" frequency is our reading; the IR_BIO_R label is truncated before the conditions.
    source: 'SFG SESAM-Vitale RG_IP663 « Forfait de sécurité pour échantillon sanguin » [V] ; libellé IR_BIO_R 9105',
    confirmed: true,
    enabled: true,
  },
  bacteriologySafetyForfait: {
    code: '9106',
    source:
      'libellé IR_BIO_R 9106 « forfait de sécurité pour le traitement d’un échantillon en vue d’examens bactériologiques, mycolo… » [V]',
    confirmed: true,
    enabled: true,
  },
  urgentSupplement: {
    nightCode: '9001',
    weekendOrHolidayCode: '9004',
    // 20 h: label of 9001 (« actes de nuit … entre vingt heures et … », truncated); 8 h: NABM art. 9
    // night bands for home sampling end at 8 h (9067 « 20 h–23 h et 5 h–8 h »). Art. 6: one
    // supplement « quel que soit le nombre d’actes effectués », so 9001 and 9004 are not added together.
    nightStartsAtHour: 20,
    nightEndsAtHour: 8,
    saturdayFromHour: 12,
    source: 'NABM art. 6 (décision UNCAM 2008) [V] ; codes et libellés 9001, 9004 dans IR_BIO_R [V]',
    confirmed: true,
    enabled: true,
  },
  incompatibilities: [
    {
      id: 'nabm-0040-0041',
      code: '0040',
      notWith: ['0041'],
      source:
        'libellé NABM de l’acte 0041 (IR_BIO_R, CNAM) : « les cotations des examens 0040 et 0041 ne sont pas cumulables » [V]',
      confirmed: true,
      enabled: true,
    },
    {
      id: 'nabm-0524-1510',
      code: '0524',
      notWith: ['1510'],
      source:
        'libellé NABM de l’acte 0524 (IR_BIO_R, CNAM) : « les cotations des actes 1510 et 0524 ne sont pas cumulables » [V]',
      confirmed: true,
      enabled: true,
    },
    {
      id: 'nabm-0320-4004-4005',
      code: '0320',
      notWith: ['4004', '4005'],
      source:
        'libellé NABM de l’acte 0320 (IR_BIO_R, CNAM) : « cotation non cumulable avec celle des actes 4004 et 4005 » [V]',
      confirmed: true,
      enabled: true,
    },
    // Conditional in the 1213 label (« en cas de suspicion de carence martiale »): the engine does not know the indication.
    {
      id: 'nabm-1213-1822',
      code: '1213',
      notWith: ['1822'],
      source: 'libellés IR_BIO_R 1213 et 1822, condition d’indication non vérifiable',
      confirmed: false,
      enabled: false,
    },
    // The labels below are truncated at 100 characters before naming the other act(s).
    {
      id: 'nabm-0389-0390',
      code: '0389',
      notWith: ['0390'],
      source: 'libellé IR_BIO_R 0390 tronqué (« les cotations 0389 et 039… »)',
      confirmed: false,
      enabled: false,
    },
    {
      id: 'nabm-0580-0590',
      code: '0580',
      notWith: ['0590'],
      source: 'libellés IR_BIO_R 0580/0590 tronqués (« … ne sont pas cumulables avec cell… »)',
      confirmed: false,
      enabled: false,
    },
  ],
  maxAnalysisActs: {
    maxActs: 6,
    source: '« Règle des 6 actes » (NABM art. 4 ?) : non trouvée dans les sources lues [K], exceptions inconnues',
    confirmed: false,
    enabled: false,
  },
  minimumBloodCotation: {
    minimumCoefficient: 20,
    source:
      'SFG IP33.02 : « la cotation minimale d’un ou plusieurs actes de prélèvement de sang … ne peut être inférieure à 20 » [V], texte ambigu (actes concernés, compléments 9905–9926)',
    confirmed: false,
    enabled: false,
  },
  samplingActs: [
    {
      code: '9050',
      label: 'Ponction veineuse',
      source:
        'exemple CI-SIS CR-BIO (codeSystem 1.2.250.1.213.2.7) ; absent de IR_BIO_R, coefficient et lettre clé (TB/PB/KB) inconnus',
      confirmed: false,
      enabled: false,
    },
  ],
};
