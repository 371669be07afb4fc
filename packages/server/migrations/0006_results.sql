-- Sillage 0006: results workflow (issue 3 items 6–8) — the flag of a critical coded result, and the
-- indexes the bench worklists, the technical validation by tube, the biologist's critical-value
-- list and the critical-call gate read through.

-- HL7 v2.5.1 Table 0078 "AA" (very abnormal): the critical level of a coded result, as core
-- lab/result-flags.ts computes it. 0003 listed the numeric flags and A only.
ALTER TABLE result_version DROP CONSTRAINT result_version_flag_check;
ALTER TABLE result_version ADD CONSTRAINT result_version_flag_check
  CHECK (flag IN ('N', 'L', 'H', 'LL', 'HH', 'A', 'AA'));

-- A tube's results (entry grid by barcode, technical validation of a whole tube).
CREATE INDEX result_specimen_idx ON result (specimen_id);

-- The bench's open work: small partial index however many validated results the base holds.
CREATE INDEX result_bench_open_idx ON result (specimen_id)
  WHERE status IN ('pending', 'entered', 'rejected_by_biologist');

-- Critical values not yet released (biologist's dashboard: which still await their call).
CREATE INDEX result_critical_open_idx ON result (updated_at)
  WHERE critical AND status IN ('entered', 'technically_validated');

-- The critical-call gate looks up the call recorded for the version being released.
CREATE INDEX critical_notification_result_idx ON critical_notification (result_id, result_version);
