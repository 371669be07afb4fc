/**
 * FSE preparation export (issue 5 item 5): the data the lab's certified SESAM-Vitale software needs
 * to build the feuille de soins électronique of an invoice, as documented JSON (FSE-EXPORT.md
 * describes every field and its source). Sillage is not a certified module: it neither signs nor
 * transmits an FSE, and the export says so in `avertissement`. Field names are French, after the
 * SESAM-Vitale SFG vocabulary (EF_IP11_01 code affiné NABM, EF_IP11_02 coefficient, EF_IP11_03
 * numéro d'ordre dans la journée — france-domain.md §1.1).
 */
import { coefficientFromHundredths, territoryLabels, type Territory } from '@sillage/core';
import { notCertifiedNotice } from './billing-format.js';
import type { InvoiceLineRow } from './invoices.repository.js';

export const fseExportFormat = 'sillage-preparation-fse';
export const fseExportVersion = 1;

export interface FseExportInput {
  generatedAt: Date;
  invoice: {
    number: string;
    kind: 'invoice' | 'credit_note';
    creditedNumber: string | null;
    status: string;
    actsDate: string;
    performedAt: Date;
    orderNumber: string;
    territory: Territory;
    bValueMilliCents: number | null;
    totalCents: number;
    amoCents: number;
    amcCents: number;
    patientCents: number;
    participation: { cents: number; count: number; reason: string | null };
  };
  lab: {
    name: string;
    finess: string | null;
    site: { code: string | null; name: string | null; finess: string | null };
  };
  patient: {
    birthName: string;
    usedName: string | null;
    firstName: string;
    birthDate: string;
    sex: string;
    ins: string | null;
  };
  coverage: {
    regime: string;
    caisse: string;
    centre: string;
    insuredNir: string;
    beneficiaryRank: string;
    validFrom: string | null;
    validTo: string | null;
    exoneration: string | null;
    exonerationApplied: string | null;
    exonerationValidFrom: string | null;
    exonerationValidTo: string | null;
    alsaceMoselle: boolean;
    amc: {
      organisme: string;
      memberNumber: string | null;
      contract: string | null;
      validFrom: string | null;
      validTo: string | null;
      ratePercentOfTm: number;
      tiersPayant: boolean;
    } | null;
  };
  prescriber: { lastName: string; firstName: string | null; rpps: string | null } | null;
  prescriptionDate: string | null;
  lines: readonly InvoiceLineRow[];
  /** How many times each code was already billed to the patient earlier the same day (EF_IP11_03). */
  earlierSameDayCount: ReadonlyMap<string, number>;
}

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

export function buildFseExport(input: FseExportInput): object {
  const { invoice, coverage } = input;
  const billed = input.lines.filter((line) => line.billed);
  const seen = new Map<string, number>();
  return {
    format: fseExportFormat,
    version: fseExportVersion,
    avertissement: `${notCertifiedNotice} Ce fichier n’est pas une FSE : il ne doit pas être transmis tel quel à l’Assurance Maladie.`,
    genereLe: input.generatedAt.toISOString(),
    facture: {
      numero: invoice.number,
      type: invoice.kind === 'invoice' ? 'facture' : 'avoir',
      factureAnnulee: invoice.creditedNumber,
      statut: invoice.status,
      dossier: invoice.orderNumber,
      dateActes: invoice.actsDate,
      heureActes: parisTime.format(invoice.performedAt),
    },
    laboratoire: {
      raisonSociale: input.lab.name,
      finessJuridique: input.lab.finess,
      site: { code: input.lab.site.code, nom: input.lab.site.name, finessGeographique: input.lab.site.finess },
    },
    beneficiaire: {
      nomNaissance: input.patient.birthName,
      nomUtilise: input.patient.usedName,
      prenom: input.patient.firstName,
      dateNaissance: input.patient.birthDate,
      sexe: input.patient.sex,
      ins: input.patient.ins,
    },
    assure: {
      nir: coverage.insuredNir.slice(0, 13),
      cleNir: coverage.insuredNir.slice(13),
      rangBeneficiaire: coverage.beneficiaryRank,
    },
    amo: {
      codeRegime: coverage.regime,
      caisseGestionnaire: coverage.caisse,
      centreGestionnaire: coverage.centre,
      droitsDebut: coverage.validFrom,
      droitsFin: coverage.validTo,
      exoneration:
        coverage.exoneration === null
          ? null
          : {
              code: coverage.exoneration,
              appliquee: coverage.exonerationApplied !== null,
              debut: coverage.exonerationValidFrom,
              fin: coverage.exonerationValidTo,
            },
      regimeLocalAlsaceMoselle: coverage.alsaceMoselle,
      // CSS L162-13-1: the insured person never advances the AMO part of lab tests.
      tiersPayant: true,
    },
    amc:
      coverage.amc === null
        ? null
        : {
            organisme: coverage.amc.organisme,
            numeroAdherent: coverage.amc.memberNumber,
            contrat: coverage.amc.contract,
            droitsDebut: coverage.amc.validFrom,
            droitsFin: coverage.amc.validTo,
            tauxPourcentTicketModerateur: coverage.amc.ratePercentOfTm,
            tiersPayant: coverage.amc.tiersPayant,
          },
    prescription: {
      datePrescription: input.prescriptionDate,
      prescripteur:
        input.prescriber === null
          ? null
          : { nom: input.prescriber.lastName, prenom: input.prescriber.firstName, rpps: input.prescriber.rpps },
      // RG_IP600/601: the origin (T, O, P, S) is known to the desk, not to Sillage: the certified software sets it.
      codeOrigine: null,
    },
    actes: billed.map((line) => {
      const rank = (input.earlierSameDayCount.get(line.code) ?? 0) + (seen.get(line.code) ?? 0) + 1;
      seen.set(line.code, (seen.get(line.code) ?? 0) + 1);
      return {
        codeAffineNabm: line.code,
        libelle: line.label,
        lettreCle: line.key_letter,
        coefficient:
          line.coefficient_hundredths === null ? null : coefficientFromHundredths(line.coefficient_hundredths),
        numeroOrdreDansJournee: rank,
        codePrestation: line.key_letter === null ? null : 'B',
        nature: line.kind,
        montantCents: line.amount_cents,
        tauxAmo: line.amo_rate_percent,
        partAmoCents: line.amo_cents,
        partAmcCents: line.amc_share_cents,
        partPatientCents: line.patient_cents,
      };
    }),
    actesNonFactures: input.lines
      .filter((line) => !line.billed)
      .map((line) => ({ codeAffineNabm: line.code, motif: line.reason })),
    valeurLettreCle:
      invoice.bValueMilliCents === null
        ? null
        : { territoire: territoryLabels[invoice.territory], valeurMilliCentimes: invoice.bValueMilliCents },
    totaux: {
      totalCents: invoice.totalCents,
      amoCents: invoice.amoCents,
      amcTiersPayantCents: invoice.amcCents,
      patientCents: invoice.patientCents,
      participationForfaitaire: {
        montantCents: invoice.participation.cents,
        nombre: invoice.participation.count,
        motif: invoice.participation.reason,
        encaisseeAuLaboratoire: false,
      },
    },
  };
}
