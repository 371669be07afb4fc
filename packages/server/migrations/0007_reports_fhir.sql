-- Sillage 0007: reports (issue 3 item 9) and the FHIR read facade (item 11).

-- The delivery log is evidence (which version was handed to whom, by whom, identity checked or not):
-- append-only like the report versions themselves (ISO 15189 §8.4 records protected from alteration).
CREATE TRIGGER report_delivery_append_only BEFORE UPDATE OR DELETE ON report_delivery
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE INDEX report_delivery_report_idx ON report_delivery (report_id, delivered_at);

-- "Latest biologically validated version of a result": what reports print and FHIR Observation serves.
CREATE INDEX validation_event_biological_idx ON validation_event (result_id, result_version DESC)
  WHERE kind = 'biological';

-- FHIR DiagnosticReport search by issue date.
CREATE INDEX report_created_idx ON report (created_at);
