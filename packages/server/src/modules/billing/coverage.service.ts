/**
 * A patient's coverage (issue 5 item 3): read (an access event: it is patient data), replace
 * (audited with before/after), and the shapes the billing rules take. Validity dates are checked
 * at the date of the acts when an invoice is made (core `checkCoverage` → SIL_COVERAGE_EXPIRED);
 * the view also tells the desk whether the rights are open today.
 */
import { checkCoverage, parseNir, SillageError, type AmcCoverage, type AmoCoverage } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AccessEventWriter, type AuditContext } from '../audit/audit-writer.js';
import { isoOf, todayInParis } from './billing-format.js';
import * as repo from './coverage.repository.js';
import type { CoverageInput, CoverageView } from './coverage.schemas.js';

export const coverageNotice =
  'Saisie manuelle depuis la carte Vitale (lue par le logiciel certifié) ou l’attestation de droits : Sillage ne lit pas la carte Vitale.';

/** The coverage as the core billing rules take it. */
export function billingCoverageOf(row: repo.CoverageRow): { amo: AmoCoverage; amc: AmcCoverage | null } {
  return {
    amo: {
      exoneration: row.exoneration,
      alsaceMoselle: row.alsace_moselle,
      regimeCode: row.amo_regime,
      caisse: row.amo_caisse,
      centre: row.amo_centre,
      insuredNir: row.insured_nir,
      beneficiaryRank: row.beneficiary_rank,
      validFrom: row.amo_valid_from,
      validTo: row.amo_valid_to,
    },
    amc:
      row.amc_organisme === null
        ? null
        : {
            ratePercentOfTm: row.amc_rate_percent_of_tm ?? 0,
            tiersPayant: row.amc_tiers_payant === true,
            organisme: row.amc_organisme,
            memberNumber: row.amc_member_number ?? undefined,
            contract: row.amc_contract ?? undefined,
            validFrom: row.amc_valid_from,
            validTo: row.amc_valid_to,
          },
  };
}

export function toCoverageView(row: repo.CoverageRow, today: string): CoverageView {
  const { amo, amc } = billingCoverageOf(row);
  return {
    patientId: row.patient_id,
    amo: {
      regime: row.amo_regime,
      caisse: row.amo_caisse,
      centre: row.amo_centre,
      insuredNir: row.insured_nir,
      beneficiaryRank: row.beneficiary_rank,
      validFrom: row.amo_valid_from,
      validTo: row.amo_valid_to,
      exoneration: row.exoneration,
      exonerationValidFrom: row.exoneration_valid_from,
      exonerationValidTo: row.exoneration_valid_to,
      alsaceMoselle: row.alsace_moselle,
    },
    amc:
      row.amc_organisme === null
        ? null
        : {
            organisme: row.amc_organisme,
            memberNumber: row.amc_member_number,
            contract: row.amc_contract,
            validFrom: row.amc_valid_from,
            validTo: row.amc_valid_to,
            ratePercentOfTm: row.amc_rate_percent_of_tm ?? 0,
            tiersPayant: row.amc_tiers_payant === true,
          },
    source: row.source,
    version: row.version,
    updatedAt: isoOf(row.updated_at) ?? '',
    updatedBy: row.updated_by_name,
    checkedOn: today,
    issuesToday: checkCoverage(amo, amc, today).map((issue) => ({ ...issue })),
  };
}

function checkPeriod(
  path: string,
  from: string | null,
  to: string | null,
  issues: { path: string; message: string }[]
) {
  if (from !== null && to !== null && from > to) {
    issues.push({ path, message: `fin ${to} avant début ${from}` });
  }
}

/** Validates and normalises the input (NIR key, periods) into the stored record. */
export function coverageRecordOf(input: CoverageInput): repo.CoverageRecord {
  const nir = parseNir(input.amo.insuredNir);
  if (!nir.ok) {
    throw new SillageError('SIL_COVERAGE_NIR_INVALID', {
      issues: [{ path: 'amo.insuredNir', message: nir.code }],
    });
  }
  const issues: { path: string; message: string }[] = [];
  checkPeriod('amo.validTo', input.amo.validFrom, input.amo.validTo, issues);
  checkPeriod('amo.exonerationValidTo', input.amo.exonerationValidFrom, input.amo.exonerationValidTo, issues);
  if (input.amc !== null) {
    checkPeriod('amc.validTo', input.amc.validFrom, input.amc.validTo, issues);
  }
  if (
    input.amo.exoneration === null &&
    (input.amo.exonerationValidFrom !== null || input.amo.exonerationValidTo !== null)
  ) {
    issues.push({ path: 'amo.exoneration', message: 'dates d’exonération sans exonération' });
  }
  if (issues.length > 0) {
    throw new SillageError('SIL_COVERAGE_DATES_INVALID', { issues });
  }
  return {
    amoRegime: input.amo.regime,
    amoCaisse: input.amo.caisse,
    amoCentre: input.amo.centre,
    insuredNir: nir.nir.value,
    beneficiaryRank: input.amo.beneficiaryRank,
    amoValidFrom: input.amo.validFrom,
    amoValidTo: input.amo.validTo,
    exoneration: input.amo.exoneration,
    exonerationValidFrom: input.amo.exonerationValidFrom,
    exonerationValidTo: input.amo.exonerationValidTo,
    alsaceMoselle: input.amo.alsaceMoselle,
    amcOrganisme: input.amc?.organisme ?? null,
    amcMemberNumber: input.amc?.memberNumber ?? null,
    amcContract: input.amc?.contract ?? null,
    amcValidFrom: input.amc?.validFrom ?? null,
    amcValidTo: input.amc?.validTo ?? null,
    amcRatePercentOfTm: input.amc?.ratePercentOfTm ?? null,
    amcTiersPayant: input.amc?.tiersPayant ?? null,
    source: input.source,
  };
}

export class CoverageService {
  constructor(
    private readonly database: Database,
    private readonly accessEvents: AccessEventWriter
  ) {}

  async read(patientId: string, context: AuditContext): Promise<CoverageView | null> {
    if (!(await repo.patientExists(this.database, patientId))) {
      throw new SillageError('SIL_PATIENT_NOT_FOUND');
    }
    const row = await repo.findCoverage(this.database, patientId);
    await this.accessEvents.record(context, {
      action: 'coverage.read',
      entityType: 'patient_coverage',
      entityId: patientId,
      patientId,
    });
    return row === undefined ? null : toCoverageView(row, todayInParis());
  }

  async replace(patientId: string, input: CoverageInput, context: AuditContext): Promise<CoverageView> {
    const record = coverageRecordOf(input);
    return this.database.transaction(async (tx) => {
      if (!(await repo.patientExists(tx, patientId))) {
        throw new SillageError('SIL_PATIENT_NOT_FOUND');
      }
      const before = await repo.findCoverage(tx, patientId, true);
      if (input.version !== null && before !== undefined && before.version !== input.version) {
        throw new SillageError('SIL_CONFLICT', {
          detail: `couverture modifiée entre-temps (version ${before.version}, lue ${input.version})`,
        });
      }
      await repo.upsertCoverage(tx, patientId, record, context.actor?.userId ?? null);
      const after = (await repo.findCoverage(tx, patientId)) as repo.CoverageRow;
      const today = todayInParis();
      const view = toCoverageView(after, today);
      await writeAuditEvent(tx, context, {
        action: before === undefined ? 'coverage.created' : 'coverage.updated',
        entityType: 'patient_coverage',
        entityId: patientId,
        patientId,
        before: before === undefined ? null : { ...toCoverageView(before, today), issuesToday: undefined },
        after: { ...view, issuesToday: undefined },
      });
      return view;
    });
  }
}
