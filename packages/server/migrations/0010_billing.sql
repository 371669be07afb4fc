-- Sillage 0010: billing (issue 5 items 3, 5, 6, 7) — patient coverage (AMO/AMC), invoices and
-- credit notes, cash desk payments and daily closings, reimbursement returns, disputes.
-- Money is integer cents (DESIGN.md). Issued documents are never edited: an invoice is corrected by
-- a credit note, a payment by a refund, a closing is final (append-only triggers below).

-- Coverage as entered at the desk from the carte Vitale reader of the certified software or the
-- attestation de droits (Sillage does not read the card). Fields follow the FSE / norme B2 data
-- (france-domain.md §1.4): code régime (2), caisse (3), centre (4), NIR of the insured person with
-- its key, rang du bénéficiaire (2).
CREATE TABLE patient_coverage (
  patient_id              uuid PRIMARY KEY REFERENCES patient (id),
  amo_regime              text NOT NULL CHECK (amo_regime ~ '^[0-9]{2}$'),
  amo_caisse              text NOT NULL CHECK (amo_caisse ~ '^[0-9]{3}$'),
  amo_centre              text NOT NULL CHECK (amo_centre ~ '^[0-9]{4}$'),
  insured_nir             text NOT NULL CHECK (insured_nir ~ '^[0-9]{5}([0-9]{2}|2A|2B)[0-9]{8}$'),
  beneficiary_rank        text NOT NULL CHECK (beneficiary_rank ~ '^[0-9]{2}$'),
  amo_valid_from          date,
  amo_valid_to            date,
  exoneration             text CHECK (exoneration IN ('ald', 'maternite', 'atmp', 'c2s', 'ame')),
  exoneration_valid_from  date,
  exoneration_valid_to    date,
  alsace_moselle          boolean NOT NULL DEFAULT false,
  amc_organisme           text CHECK (amc_organisme IS NULL OR length(amc_organisme) BETWEEN 1 AND 100),
  amc_member_number       text,
  amc_contract            text,
  amc_valid_from          date,
  amc_valid_to            date,
  amc_rate_percent_of_tm  integer CHECK (amc_rate_percent_of_tm BETWEEN 0 AND 100),
  amc_tiers_payant        boolean,
  source                  text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'attestation')),
  version                 integer NOT NULL DEFAULT 1,
  updated_at              timestamptz NOT NULL DEFAULT now(),
  updated_by              uuid REFERENCES app_user (id),
  CHECK (amo_valid_to IS NULL OR amo_valid_from IS NULL OR amo_valid_from <= amo_valid_to),
  CHECK (amc_valid_to IS NULL OR amc_valid_from IS NULL OR amc_valid_from <= amc_valid_to),
  CHECK (exoneration IS NOT NULL OR (exoneration_valid_from IS NULL AND exoneration_valid_to IS NULL)),
  CHECK ((amc_organisme IS NULL) = (amc_rate_percent_of_tm IS NULL)),
  CHECK ((amc_organisme IS NULL) = (amc_tiers_payant IS NULL))
);

-- One invoice per order (a second only after a credit note cancelled the first). `number` is null
-- for a draft; issued numbers come from number_counter `invoice:YYYY` / `credit_note:YYYY` in the
-- issuing transaction (gap-free). Credit notes carry negative amounts and point at the invoice
-- they cancel. The settlement columns are kept up to date in the transaction of each movement
-- (payment, return, dispute resolution) so lists and closings need no aggregation.
CREATE TABLE invoice (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                         text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number                       text UNIQUE CHECK (number IS NULL OR number ~ '^[FA][0-9]{4}-[0-9]{6,}$'),
  order_id                     uuid NOT NULL REFERENCES lab_order (id),
  patient_id                   uuid NOT NULL REFERENCES patient (id),
  site_id                      uuid REFERENCES site (id),
  prescriber_id                uuid REFERENCES prescriber (id),
  credited_invoice_id          uuid REFERENCES invoice (id),
  credit_reason                text,
  status                       text NOT NULL
                               CHECK (status IN ('draft', 'issued', 'sent', 'paid', 'partially_paid', 'cancelled')),
  performed_at                 timestamptz NOT NULL,
  acts_date                    date NOT NULL,
  territory                    text NOT NULL CHECK (territory IN ('metropole', 'antilles', 'guyane', 'reunion', 'mayotte')),
  b_value_millicents           integer,
  total_cents                  integer NOT NULL,
  amo_cents                    integer NOT NULL,
  amc_cents                    integer NOT NULL,
  patient_cents                integer NOT NULL,
  amc_refund_to_patient_cents  integer NOT NULL DEFAULT 0,
  participation_cents          integer NOT NULL DEFAULT 0,
  participation_count          integer NOT NULL DEFAULT 0,
  participation_reason         text,
  coverage                     jsonb NOT NULL,
  notes                        jsonb NOT NULL DEFAULT '[]',
  patient_paid_cents           integer NOT NULL DEFAULT 0,
  patient_charged_cents        integer NOT NULL DEFAULT 0,
  amo_paid_cents               integer NOT NULL DEFAULT 0,
  amc_paid_cents               integer NOT NULL DEFAULT 0,
  insurer_closed_cents         integer NOT NULL DEFAULT 0,
  fse_sent_at                  timestamptz,
  fse_batch                    text,
  issued_at                    timestamptz,
  created_by                   uuid REFERENCES app_user (id),
  created_at                   timestamptz NOT NULL DEFAULT now(),
  version                      integer NOT NULL DEFAULT 1,
  CHECK ((number IS NULL) = (status = 'draft')),
  CHECK ((kind = 'credit_note') = (credited_invoice_id IS NOT NULL)),
  CHECK (kind = 'credit_note' OR (total_cents >= 0 AND total_cents = amo_cents + amc_cents + patient_cents)),
  CHECK (patient_paid_cents >= 0)
);
CREATE UNIQUE INDEX invoice_active_per_order_key ON invoice (order_id) WHERE kind = 'invoice' AND status <> 'cancelled';
CREATE UNIQUE INDEX invoice_one_credit_note_key ON invoice (credited_invoice_id) WHERE kind = 'credit_note';
CREATE INDEX invoice_patient_day_idx ON invoice (patient_id, acts_date);
CREATE INDEX invoice_created_idx ON invoice (created_at);

CREATE TABLE invoice_line (
  invoice_id              uuid NOT NULL REFERENCES invoice (id),
  position                integer NOT NULL,
  code                    text NOT NULL,
  label                   text NOT NULL,
  kind                    text NOT NULL CHECK (kind IN ('analysis', 'hors-nomenclature', 'forfait', 'supplement', 'sampling')),
  key_letter              text,
  coefficient_hundredths  integer,
  amount_cents            integer NOT NULL,
  billed                  boolean NOT NULL,
  reason                  text NOT NULL,
  amo_rate_percent        integer,
  amo_cents               integer NOT NULL DEFAULT 0,
  amc_share_cents         integer NOT NULL DEFAULT 0,
  patient_cents           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (invoice_id, position)
);

-- Lines of an issued invoice are final; a draft's lines are replaced when it is issued.
CREATE FUNCTION invoice_line_refuse_change_when_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoice WHERE id = OLD.invoice_id AND number IS NOT NULL) THEN
    RAISE EXCEPTION 'invoice_line of an issued invoice is final (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER invoice_line_final_when_issued BEFORE UPDATE OR DELETE ON invoice_line
  FOR EACH ROW EXECUTE FUNCTION invoice_line_refuse_change_when_issued();

-- Amounts billed to the patient after a rejected reimbursement (dispute resolved "billed to the patient").
CREATE TABLE dispute (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id         uuid NOT NULL REFERENCES invoice (id),
  patient_id         uuid NOT NULL REFERENCES patient (id),
  return_id          uuid,
  payer              text NOT NULL CHECK (payer IN ('AMO', 'AMC')),
  rejection_code     text NOT NULL,
  rejection_reason   text,
  amount_cents       integer NOT NULL CHECK (amount_cents >= 0),
  status             text NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'corrected_resubmitted', 'billed_to_patient', 'written_off')),
  opened_on          date NOT NULL,
  due_date           date NOT NULL,
  assignee_id        uuid REFERENCES app_user (id),
  resolution_reason  text,
  resolved_at        timestamptz,
  resolved_by        uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK ((status = 'open') = (resolved_at IS NULL))
);
CREATE INDEX dispute_status_idx ON dispute (status, opened_on);
CREATE INDEX dispute_invoice_idx ON dispute (invoice_id);

CREATE TABLE patient_charge (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id    uuid NOT NULL REFERENCES invoice (id),
  patient_id    uuid NOT NULL REFERENCES patient (id),
  dispute_id    uuid UNIQUE REFERENCES dispute (id),
  amount_cents  integer NOT NULL CHECK (amount_cents > 0),
  reason        text NOT NULL,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_charge_patient_idx ON patient_charge (patient_id);

-- Cash desk: a desk is a site and a desk code; its day is the Europe/Paris calendar day.
CREATE TABLE payment (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id    uuid NOT NULL REFERENCES invoice (id),
  patient_id    uuid NOT NULL REFERENCES patient (id),
  site_id       uuid NOT NULL REFERENCES site (id),
  desk_code     text NOT NULL CHECK (desk_code ~ '^[A-Z0-9_-]{1,16}$'),
  cash_day      date NOT NULL,
  direction     text NOT NULL CHECK (direction IN ('payment', 'refund')),
  method        text NOT NULL CHECK (method IN ('cash', 'card', 'cheque', 'transfer')),
  amount_cents  integer NOT NULL CHECK (amount_cents > 0),
  reference     text,
  reason        text,
  recorded_by   uuid REFERENCES app_user (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (direction = 'payment' OR reason IS NOT NULL)
);
CREATE INDEX payment_desk_day_idx ON payment (site_id, desk_code, cash_day);
CREATE INDEX payment_invoice_idx ON payment (invoice_id);

CREATE TABLE cash_closing (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id                 uuid NOT NULL REFERENCES site (id),
  desk_code               text NOT NULL CHECK (desk_code ~ '^[A-Z0-9_-]{1,16}$'),
  cash_day                date NOT NULL,
  figures                 jsonb NOT NULL,
  expected_total_cents    integer NOT NULL,
  counted_total_cents     integer NOT NULL,
  difference_total_cents  integer NOT NULL,
  movement_count          integer NOT NULL,
  comment                 text,
  pdf                     bytea NOT NULL,
  sha256                  text NOT NULL,
  closed_by               uuid REFERENCES app_user (id),
  closed_at               timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, desk_code, cash_day)
);

-- Reimbursement returns (NOEMIE RSP in the documented exchange form, RETURNS-FORMAT.md).
CREATE TABLE reimbursement_import (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filename          text NOT NULL,
  format            text NOT NULL CHECK (format IN ('csv', 'json')),
  sha256            text NOT NULL UNIQUE,
  line_count        integer NOT NULL,
  payment_count     integer NOT NULL,
  rejection_count   integer NOT NULL,
  paid_total_cents  bigint NOT NULL,
  imported_by       uuid REFERENCES app_user (id),
  imported_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reimbursement_return (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id         uuid NOT NULL REFERENCES reimbursement_import (id),
  line_number       integer NOT NULL,
  invoice_id        uuid NOT NULL REFERENCES invoice (id),
  payer             text NOT NULL CHECK (payer IN ('AMO', 'AMC')),
  paid_cents        integer NOT NULL CHECK (paid_cents >= 0),
  rejection_code    text,
  rejection_reason  text,
  payment_date      date NOT NULL,
  UNIQUE (import_id, line_number)
);
CREATE INDEX reimbursement_return_invoice_idx ON reimbursement_return (invoice_id);
ALTER TABLE dispute ADD CONSTRAINT dispute_return_fk FOREIGN KEY (return_id) REFERENCES reimbursement_return (id);

CREATE TRIGGER payment_append_only BEFORE UPDATE OR DELETE ON payment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER cash_closing_append_only BEFORE UPDATE OR DELETE ON cash_closing
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER patient_charge_append_only BEFORE UPDATE OR DELETE ON patient_charge
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER reimbursement_import_append_only BEFORE UPDATE OR DELETE ON reimbursement_import
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER reimbursement_return_append_only BEFORE UPDATE OR DELETE ON reimbursement_return
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
