-- Sillage 0005: orders at the desk, sampling and reception (issue 3 items 3–5).

-- CSP R6211-22: the collector of a tube drawn outside the lab (nurse, clinic) is named on the
-- transmission form; they have no account here, so their name is kept beside collected_by.
ALTER TABLE specimen ADD COLUMN collector_name text CHECK (collector_name IS NULL OR length(collector_name) BETWEEN 1 AND 200);

-- The desk follows a non-conformity up (patient recalled, new tube received): who closed it, when, how.
ALTER TABLE non_conformity ADD COLUMN updated_at timestamptz;
ALTER TABLE non_conformity ADD COLUMN updated_by uuid REFERENCES app_user (id);
ALTER TABLE non_conformity ADD COLUMN resolution text;
CREATE INDEX non_conformity_open_idx ON non_conformity (created_at) WHERE status <> 'closed';
CREATE INDEX non_conformity_order_idx ON non_conformity (order_id);

-- An order's tubes and the tubes of an analysis (reception, labels, order view).
CREATE INDEX specimen_analysis_order_analysis_idx ON specimen_analysis (order_analysis_id);
CREATE INDEX prescription_document_order_idx ON prescription_document (order_id);
