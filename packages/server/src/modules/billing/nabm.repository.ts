import type { CatalogueBilling, CoefficientPeriod, NabmAct } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

interface ActRow {
  code: string;
  label: string;
  created_on: string | null;
  suppressed_on: string | null;
  chapter: string | null;
  group_code: string | null;
  group_label: string | null;
  key_letter: string | null;
  coefficient_hundredths: number | null;
  coefficient_valid_from: string | null;
  coefficient_valid_to: string | null;
  properties: Record<string, string>;
}

export async function loadNabmActs(db: Queryable): Promise<NabmAct[]> {
  const rows = await db.query<ActRow>(
    `SELECT code, label, created_on::text AS created_on, suppressed_on::text AS suppressed_on, chapter, group_code,
            group_label, key_letter, coefficient_hundredths, coefficient_valid_from::text AS coefficient_valid_from,
            coefficient_valid_to::text AS coefficient_valid_to, properties
       FROM nabm_act ORDER BY code`
  );
  return rows.map((r) => ({
    code: r.code,
    label: r.label,
    createdOn: r.created_on,
    suppressedOn: r.suppressed_on,
    chapter: r.chapter,
    groupCode: r.group_code,
    groupLabel: r.group_label,
    keyLetter: r.key_letter,
    coefficientHundredths: r.coefficient_hundredths,
    coefficientValidFrom: r.coefficient_valid_from,
    coefficientValidTo: r.coefficient_valid_to,
    properties: r.properties,
  })) as NabmAct[];
}

export async function loadCoefficientHistory(db: Queryable): Promise<CoefficientPeriod[]> {
  const rows = await db.query<{
    code: string;
    key_letter: string;
    coefficient_hundredths: number;
    valid_from: string;
    valid_to: string | null;
  }>(
    `SELECT code, key_letter, coefficient_hundredths, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM nabm_coefficient ORDER BY code, valid_from`
  );
  return rows.map((r) => ({
    code: r.code,
    keyLetter: r.key_letter,
    coefficientHundredths: r.coefficient_hundredths,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  })) as CoefficientPeriod[];
}

/** Replaces the whole release (the CNAM files are complete snapshots), in the caller's transaction. */
export async function replaceNabmRelease(
  db: Queryable,
  acts: readonly NabmAct[],
  history: readonly CoefficientPeriod[]
): Promise<void> {
  await db.query('DELETE FROM nabm_coefficient');
  await db.query('DELETE FROM nabm_act');
  // Bulk insert through unnest: one statement per table, whatever the release size.
  await db.query(
    `INSERT INTO nabm_act (code, label, created_on, suppressed_on, chapter, group_code, group_label, key_letter,
        coefficient_hundredths, coefficient_valid_from, coefficient_valid_to, properties)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::int[], $10::date[], $11::date[], $12::jsonb[])`,
    [
      acts.map((a) => a.code),
      acts.map((a) => a.label),
      acts.map((a) => a.createdOn),
      acts.map((a) => a.suppressedOn),
      acts.map((a) => a.chapter),
      acts.map((a) => a.groupCode),
      acts.map((a) => a.groupLabel),
      acts.map((a) => a.keyLetter),
      acts.map((a) => a.coefficientHundredths),
      acts.map((a) => a.coefficientValidFrom),
      acts.map((a) => a.coefficientValidTo),
      acts.map((a) => JSON.stringify(a.properties)),
    ]
  );
  await db.query(
    `INSERT INTO nabm_coefficient (code, key_letter, coefficient_hundredths, valid_from, valid_to)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::date[], $5::date[])
     ON CONFLICT DO NOTHING`,
    [
      history.map((h) => h.code),
      history.map((h) => h.keyLetter),
      history.map((h) => h.coefficientHundredths),
      history.map((h) => h.validFrom),
      history.map((h) => h.validTo),
    ]
  );
}

export async function recordRelease(
  db: Queryable,
  release: { source: string; importedBy: string | null; actCount: number; periodCount: number; diff: unknown }
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO nabm_release (source, imported_by, act_count, period_count, diff) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [release.source, release.importedBy, release.actCount, release.periodCount, JSON.stringify(release.diff)]
  );
  return (row as { id: number }).id;
}

/**
 * Catalogue analysis code or mnemonic → how it is billed (current versions), for quotes given
 * analysis codes: its NABM codes, or the lab's price when it is outside the NABM.
 */
export async function catalogueBilling(
  db: Queryable,
  codes: readonly string[]
): Promise<Map<string, CatalogueBilling>> {
  const rows = await db.query<{
    code: string;
    mnemonic: string;
    label: string;
    nabm_codes: string[];
    off_nomenclature_price_cents: number | null;
  }>(
    `SELECT code, mnemonic, label, nabm_codes, off_nomenclature_price_cents FROM analysis
      WHERE valid_to IS NULL AND (code = ANY($1::text[]) OR upper(mnemonic) = ANY($1::text[]))`,
    [codes.map((c) => c.toUpperCase())]
  );
  const byCode = new Map<string, CatalogueBilling>();
  for (const row of rows) {
    const billing: CatalogueBilling =
      row.nabm_codes.length === 0 && row.off_nomenclature_price_cents !== null
        ? { kind: 'hors-nomenclature', label: row.label, priceCents: row.off_nomenclature_price_cents }
        : { kind: 'nabm', nabmCodes: row.nabm_codes };
    byCode.set(row.code, billing);
    byCode.set(row.mnemonic.toUpperCase(), billing);
  }
  return byCode;
}

/** Whether the site is in Alsace-Moselle (its urgent supplements follow the local public holidays). */
export async function siteInAlsaceMoselle(db: Queryable, siteId: string): Promise<boolean> {
  const rows = await db.query<{ alsace_moselle: boolean }>('SELECT alsace_moselle FROM site WHERE id = $1', [siteId]);
  return rows[0]?.alsace_moselle === true;
}
