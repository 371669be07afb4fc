-- Sillage 0009
-- 1. The INS check of 0002 refused Corsican NIRs (department 2A/2B sits at characters 6–7):
--    "132112B03300683" was valid for core/identity/nir.ts but not for the table.
ALTER TABLE patient DROP CONSTRAINT patient_ins_number_check;
ALTER TABLE patient ADD CONSTRAINT patient_ins_number_check
  CHECK (ins_number IS NULL OR ins_number ~ '^[0-9]{5}([0-9]{2}|2A|2B)[0-9]{8}$');

-- 2. Name-prefix search served in index order (bench: 3-letter prefixes at 100k patients went from
--    p95 10.6 ms to 1.3 ms on PostgreSQL): byte-order ("C") keys, active patients only.
DROP INDEX patient_birth_name_idx;
DROP INDEX patient_used_name_idx;
CREATE INDEX patient_birth_name_search_idx ON patient (birth_name_key COLLATE "C", first_name_key COLLATE "C", birth_date)
  WHERE merged_into_id IS NULL;
CREATE INDEX patient_used_name_search_idx ON patient (used_name_key COLLATE "C", first_name_key COLLATE "C", birth_date)
  WHERE merged_into_id IS NULL AND used_name_key IS NOT NULL;
