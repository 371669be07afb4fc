-- Sillage 0003: the core workflow (issue 3) — catalogue (versioned), prescribers, orders,
-- specimens, results (append-only versions), validations, critical-value calls, reports.
-- Versioning rule: a catalogue change inserts a new row version and closes the previous one
-- (valid_to); results point at the analyte version they were measured with, so the ranges shown
-- with past results never change.

CREATE TABLE container (
  code         text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
  label        text NOT NULL,
  colour       text NOT NULL,            -- cap colour as the lab names it ("violet", "bleu clair"…)
  colour_hex   text NOT NULL CHECK (colour_hex ~ '^#[0-9a-fA-F]{6}$'),
  capacity_ml  numeric NOT NULL CHECK (capacity_ml > 0),
  specimen_type text NOT NULL,           -- sang total EDTA, sérum, plasma citraté, urine…
  additive     text,
  draw_order   integer NOT NULL           -- CLSI GP41 / EFLM order of draw
);

CREATE TABLE analyte (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code              text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
  version           integer NOT NULL CHECK (version >= 1),
  label             text NOT NULL,
  short_label       text,
  loinc             text,
  chapter           text NOT NULL,
  result_type       text NOT NULL CHECK (result_type IN ('numeric', 'coded', 'text')),
  unit_ucum         text,
  unit_conventional text,
  conventional_factor numeric,
  decimals          integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  coded_values      jsonb,               -- [{code, label, abnormal}]
  critical_low      numeric,
  critical_high     numeric,
  delta_rule        jsonb,               -- {kind, threshold, maxAgeDays}
  formula           jsonb,               -- calculated analytes: {id, inputs}
  reference_intervals jsonb NOT NULL DEFAULT '[]', -- [{sex, ageMinDays, ageMaxDays, low, high, text, source}]
  valid_from        timestamptz NOT NULL DEFAULT now(),
  valid_to          timestamptz,
  created_by        uuid REFERENCES app_user (id),
  change_reason     text,
  UNIQUE (code, version)
);
CREATE UNIQUE INDEX analyte_current_key ON analyte (code) WHERE valid_to IS NULL;

CREATE TABLE analysis (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                  text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
  version               integer NOT NULL CHECK (version >= 1),
  mnemonic              text NOT NULL,
  label                 text NOT NULL,
  nabm_codes            text[] NOT NULL DEFAULT '{}',
  chapter               text NOT NULL,
  section               text NOT NULL,   -- bench section: hematologie, biochimie, hemostase…
  container_code        text NOT NULL REFERENCES container (code),
  volume_ml             numeric NOT NULL CHECK (volume_ml > 0),
  shareable             boolean NOT NULL DEFAULT true,
  stability_hours_room  numeric,
  stability_hours_cold  numeric,
  fasting_required      boolean NOT NULL DEFAULT false,
  time_window_start     time,
  time_window_end       time,
  analyte_codes         text[] NOT NULL, -- in report order
  orderable             boolean NOT NULL DEFAULT true,
  valid_from            timestamptz NOT NULL DEFAULT now(),
  valid_to              timestamptz,
  created_by            uuid REFERENCES app_user (id),
  change_reason         text,
  UNIQUE (code, version)
);
CREATE UNIQUE INDEX analysis_current_key ON analysis (code) WHERE valid_to IS NULL;
CREATE INDEX analysis_mnemonic_idx ON analysis (mnemonic) WHERE valid_to IS NULL;

CREATE TABLE prescriber (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL DEFAULT 'prescriber' CHECK (kind IN ('prescriber', 'correspondent')),
  rpps        text UNIQUE CHECK (rpps IS NULL OR rpps ~ '^[0-9]{11}$'),
  last_name   text NOT NULL,
  first_name  text,
  specialty   text,
  organisation text,
  address     text,
  phone       text,
  email       text,
  delivery_channels text[] NOT NULL DEFAULT '{}', -- mssante, courrier, fax, portail, depot
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1
);
CREATE INDEX prescriber_name_idx ON prescriber (lower(last_name));

-- Gap-free counters: incremented inside the business transaction, so a rollback gives the
-- number back (orders, specimens, invoices are numbered without gaps).
CREATE TABLE number_counter (
  name   text PRIMARY KEY,
  value  bigint NOT NULL
);

CREATE TABLE lab_order (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_number         text NOT NULL UNIQUE,
  patient_id           uuid NOT NULL REFERENCES patient (id),
  prescriber_id        uuid REFERENCES prescriber (id),
  site_id              uuid REFERENCES site (id),
  prescription_date    date,
  urgency              text NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'urgent', 'vital')),
  clinical_info        text,
  patient_fasting      boolean,
  planned_sampling_at  timestamptz,
  created_by           uuid REFERENCES app_user (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  cancelled_at         timestamptz,
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX lab_order_patient_idx ON lab_order (patient_id, created_at DESC);
CREATE INDEX lab_order_created_idx ON lab_order (created_at);

CREATE TABLE order_analysis (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id     uuid NOT NULL REFERENCES lab_order (id),
  analysis_id  uuid NOT NULL REFERENCES analysis (id),
  position     integer NOT NULL,
  cancelled_at timestamptz,
  UNIQUE (order_id, analysis_id)
);

CREATE TABLE prescription_document (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id      uuid NOT NULL REFERENCES lab_order (id),
  filename      text NOT NULL,
  content_type  text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  content       bytea NOT NULL,
  sha256        text NOT NULL,
  uploaded_by   uuid REFERENCES app_user (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE specimen (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id            uuid NOT NULL REFERENCES lab_order (id),
  barcode             text NOT NULL UNIQUE,
  container_code      text NOT NULL REFERENCES container (code),
  volume_ml           numeric NOT NULL,
  status              text NOT NULL DEFAULT 'expected'
                      CHECK (status IN ('expected', 'collected', 'received', 'rejected', 'in_analysis', 'stored', 'disposed')),
  collected_at        timestamptz,
  collected_by        uuid REFERENCES app_user (id),
  received_at         timestamptz,
  received_by         uuid REFERENCES app_user (id),
  conformity          jsonb,             -- reception checklist answers
  rejection_reason    text,
  rejection_comment   text,
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX specimen_order_idx ON specimen (order_id);

CREATE TABLE specimen_analysis (
  specimen_id        uuid NOT NULL REFERENCES specimen (id),
  order_analysis_id  uuid NOT NULL REFERENCES order_analysis (id),
  PRIMARY KEY (specimen_id, order_analysis_id)
);

CREATE TABLE non_conformity (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL,           -- specimen_rejected, …
  order_id      uuid REFERENCES lab_order (id),
  specimen_id   uuid REFERENCES specimen (id),
  reason_code   text NOT NULL,
  description   text,
  recall_patient boolean NOT NULL DEFAULT false,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per analyte measured on a specimen; its values are versions (never overwritten).
CREATE TABLE result (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id           uuid NOT NULL REFERENCES lab_order (id),
  order_analysis_id  uuid NOT NULL REFERENCES order_analysis (id),
  specimen_id        uuid REFERENCES specimen (id),
  patient_id         uuid NOT NULL REFERENCES patient (id),
  analyte_id         uuid NOT NULL REFERENCES analyte (id),
  analyte_code       text NOT NULL,
  status             text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'entered', 'technically_validated', 'biologically_validated',
                                       'released', 'rejected_by_biologist', 'cancelled')),
  current_version    integer NOT NULL DEFAULT 0,
  urgent             boolean NOT NULL DEFAULT false,
  critical           boolean NOT NULL DEFAULT false,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_analysis_id, analyte_code)
);
CREATE INDEX result_patient_analyte_idx ON result (patient_id, analyte_code, updated_at DESC);
CREATE INDEX result_status_idx ON result (status, urgent DESC, critical DESC) WHERE status IN ('entered', 'technically_validated');
CREATE INDEX result_order_idx ON result (order_id);

CREATE TABLE result_version (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  result_id      uuid NOT NULL REFERENCES result (id),
  version        integer NOT NULL CHECK (version >= 1),
  value_numeric  numeric,
  value_text     text,
  value_code     text,
  qualifier      text CHECK (qualifier IN ('<', '>', '<=', '>=')),
  unit           text,
  flag           text CHECK (flag IN ('N', 'L', 'H', 'LL', 'HH', 'A')),
  critical       boolean NOT NULL DEFAULT false,
  reference      jsonb,                 -- the interval applied, frozen with the value
  delta          jsonb,
  comment        text,
  comment_codes  text[] NOT NULL DEFAULT '{}',
  source         text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'instrument', 'calculated')),
  instrument     jsonb,                 -- {id, runAt, flags, reagentLot}
  entered_by     uuid REFERENCES app_user (id),
  entered_at     timestamptz NOT NULL DEFAULT now(),
  amendment_reason text,
  UNIQUE (result_id, version)
);
CREATE INDEX result_version_time_idx ON result_version (result_id, version DESC);

-- Validation log: append-only (ISO 15189 §7.4.1.7: who released what, when).
CREATE TABLE validation_event (
  id              bigserial PRIMARY KEY,
  result_id       uuid NOT NULL REFERENCES result (id),
  result_version  integer NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('technical', 'biological', 'rerun_requested', 'correction', 'cancelled')),
  actor_id        uuid NOT NULL REFERENCES app_user (id),
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  reason          text,
  UNIQUE (result_id, result_version, kind)
);

CREATE TABLE critical_notification (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  result_id       uuid NOT NULL REFERENCES result (id),
  result_version  integer NOT NULL,
  called_person   text NOT NULL,         -- who was called (prescriber, patient, ward nurse…)
  called_at       timestamptz NOT NULL,
  called_by       uuid NOT NULL REFERENCES app_user (id),
  comment         text,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id      uuid NOT NULL REFERENCES lab_order (id),
  version       integer NOT NULL CHECK (version >= 1),
  kind          text NOT NULL CHECK (kind IN ('partial', 'complete', 'amended')),
  pdf           bytea NOT NULL,
  sha256        text NOT NULL,
  result_versions jsonb NOT NULL,       -- [{resultId, version}] the report was built from
  amendment_reason text,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, version)
);

CREATE TABLE report_delivery (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id         uuid NOT NULL REFERENCES report (id),
  channel           text NOT NULL CHECK (channel IN ('desk', 'mail', 'prescriber', 'portal', 'mssante', 'fax')),
  recipient         text,
  identity_checked  boolean NOT NULL DEFAULT false,
  delivered_by      uuid REFERENCES app_user (id),
  delivered_at      timestamptz NOT NULL DEFAULT now(),
  comment           text
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER result_version_append_only BEFORE UPDATE OR DELETE ON result_version
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER validation_event_append_only BEFORE UPDATE OR DELETE ON validation_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER report_append_only BEFORE UPDATE OR DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER critical_notification_append_only BEFORE UPDATE OR DELETE ON critical_notification
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
