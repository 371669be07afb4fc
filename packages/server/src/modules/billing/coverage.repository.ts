/** SQL of patient coverage (table patient_coverage, migration 0010). */
import type { Exoneration } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export interface CoverageRow {
  patient_id: string;
  amo_regime: string;
  amo_caisse: string;
  amo_centre: string;
  insured_nir: string;
  beneficiary_rank: string;
  amo_valid_from: string | null;
  amo_valid_to: string | null;
  exoneration: Exoneration | null;
  exoneration_valid_from: string | null;
  exoneration_valid_to: string | null;
  alsace_moselle: boolean;
  amc_organisme: string | null;
  amc_member_number: string | null;
  amc_contract: string | null;
  amc_valid_from: string | null;
  amc_valid_to: string | null;
  amc_rate_percent_of_tm: number | null;
  amc_tiers_payant: boolean | null;
  source: 'manual' | 'attestation';
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

const columns = `c.patient_id, c.amo_regime, c.amo_caisse, c.amo_centre, c.insured_nir, c.beneficiary_rank,
  c.amo_valid_from::text AS amo_valid_from, c.amo_valid_to::text AS amo_valid_to, c.exoneration,
  c.exoneration_valid_from::text AS exoneration_valid_from, c.exoneration_valid_to::text AS exoneration_valid_to,
  c.alsace_moselle, c.amc_organisme, c.amc_member_number, c.amc_contract, c.amc_valid_from::text AS amc_valid_from,
  c.amc_valid_to::text AS amc_valid_to, c.amc_rate_percent_of_tm, c.amc_tiers_payant, c.source, c.version,
  c.updated_at, u.display_name AS updated_by_name`;

export async function findCoverage(
  db: Queryable,
  patientId: string,
  forUpdate = false
): Promise<CoverageRow | undefined> {
  const rows = await db.query<CoverageRow>(
    `SELECT ${columns} FROM patient_coverage c LEFT JOIN app_user u ON u.id = c.updated_by
      WHERE c.patient_id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [patientId]
  );
  return rows[0];
}

export interface CoverageRecord {
  amoRegime: string;
  amoCaisse: string;
  amoCentre: string;
  insuredNir: string;
  beneficiaryRank: string;
  amoValidFrom: string | null;
  amoValidTo: string | null;
  exoneration: Exoneration | null;
  exonerationValidFrom: string | null;
  exonerationValidTo: string | null;
  alsaceMoselle: boolean;
  amcOrganisme: string | null;
  amcMemberNumber: string | null;
  amcContract: string | null;
  amcValidFrom: string | null;
  amcValidTo: string | null;
  amcRatePercentOfTm: number | null;
  amcTiersPayant: boolean | null;
  source: 'manual' | 'attestation';
}

/** Inserts or replaces the coverage of a patient (the audit event keeps the previous one). */
export async function upsertCoverage(
  db: Queryable,
  patientId: string,
  record: CoverageRecord,
  userId: string | null
): Promise<void> {
  await db.query(
    `INSERT INTO patient_coverage (patient_id, amo_regime, amo_caisse, amo_centre, insured_nir, beneficiary_rank,
       amo_valid_from, amo_valid_to, exoneration, exoneration_valid_from, exoneration_valid_to, alsace_moselle,
       amc_organisme, amc_member_number, amc_contract, amc_valid_from, amc_valid_to, amc_rate_percent_of_tm,
       amc_tiers_payant, source, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT (patient_id) DO UPDATE SET
       amo_regime = EXCLUDED.amo_regime, amo_caisse = EXCLUDED.amo_caisse, amo_centre = EXCLUDED.amo_centre,
       insured_nir = EXCLUDED.insured_nir, beneficiary_rank = EXCLUDED.beneficiary_rank,
       amo_valid_from = EXCLUDED.amo_valid_from, amo_valid_to = EXCLUDED.amo_valid_to,
       exoneration = EXCLUDED.exoneration, exoneration_valid_from = EXCLUDED.exoneration_valid_from,
       exoneration_valid_to = EXCLUDED.exoneration_valid_to, alsace_moselle = EXCLUDED.alsace_moselle,
       amc_organisme = EXCLUDED.amc_organisme, amc_member_number = EXCLUDED.amc_member_number,
       amc_contract = EXCLUDED.amc_contract, amc_valid_from = EXCLUDED.amc_valid_from,
       amc_valid_to = EXCLUDED.amc_valid_to, amc_rate_percent_of_tm = EXCLUDED.amc_rate_percent_of_tm,
       amc_tiers_payant = EXCLUDED.amc_tiers_payant, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by,
       updated_at = now(), version = patient_coverage.version + 1`,
    [
      patientId,
      record.amoRegime,
      record.amoCaisse,
      record.amoCentre,
      record.insuredNir,
      record.beneficiaryRank,
      record.amoValidFrom,
      record.amoValidTo,
      record.exoneration,
      record.exonerationValidFrom,
      record.exonerationValidTo,
      record.alsaceMoselle,
      record.amcOrganisme,
      record.amcMemberNumber,
      record.amcContract,
      record.amcValidFrom,
      record.amcValidTo,
      record.amcRatePercentOfTm,
      record.amcTiersPayant,
      record.source,
      userId,
    ]
  );
}

export async function patientExists(db: Queryable, patientId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('SELECT id FROM patient WHERE id = $1', [patientId]);
  return rows.length > 0;
}
