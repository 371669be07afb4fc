-- Sillage 0015: replacement tube for a rejected one, and rejection after acceptance.

-- The desk redraws a rejected tube: the new tube names the one it replaces (one replacement per
-- rejected tube; a rejected replacement is replaced in turn).
ALTER TABLE specimen ADD COLUMN replaces_specimen_id uuid UNIQUE REFERENCES specimen (id);

-- A result cancelled with its rejected tube stays in place (append-only, validation_event keeps why);
-- the replacement tube gets a new pending result for the same analysis and analyte. So only one
-- result per analysis and analyte may be live at a time, instead of one ever.
ALTER TABLE result DROP CONSTRAINT result_order_analysis_id_analyte_code_key;
CREATE UNIQUE INDEX result_live_analyte_idx ON result (order_analysis_id, analyte_code) WHERE status <> 'cancelled';
CREATE INDEX result_order_analysis_idx ON result (order_analysis_id, analyte_code);
