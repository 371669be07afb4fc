-- Sillage 0011: instrument links (issue 4 items 3–7) — link profiles, test-code mappings, the
-- durable inbound message log (written and committed before any acknowledgement), the outbound log,
-- QC runs received from analyzers, and the live link status published by a separate connect process.

CREATE TABLE instrument (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                  text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{1,32}$'),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- analyzer: results, QC, host queries, work orders; order_placer: a clinic or hospital sending
  -- OML^O21 (IHE LTW LAB-1).
  kind                  text NOT NULL DEFAULT 'analyzer' CHECK (kind IN ('analyzer', 'order_placer')),
  protocol              text NOT NULL CHECK (protocol IN ('astm', 'hl7')),
  -- server: Sillage listens and the instrument connects; client: Sillage connects to the instrument.
  role                  text NOT NULL CHECK (role IN ('server', 'client')),
  host                  text NOT NULL CHECK (length(host) BETWEEN 1 AND 255),
  -- 0 = any free port (tests; the live status shows the port taken).
  port                  integer NOT NULL CHECK (port BETWEEN 0 AND 65535),
  direction             text NOT NULL DEFAULT 'uni' CHECK (direction IN ('uni', 'bi')),
  charset               text NOT NULL DEFAULT 'iso-8859-1' CHECK (charset IN ('iso-8859-1', 'windows-1252', 'utf-8')),
  -- ASTM O.3 | O.4; HL7 SPM-2.1 | SPM-2.2 | OBR-2 | OBR-3 | ORC-2 | ORC-3.
  specimen_id_location  text NOT NULL,
  qc_specimen_pattern   text CHECK (qc_specimen_pattern IS NULL OR length(qc_specimen_pattern) BETWEEN 1 AND 200),
  -- IHE LAW: SPM-11 = Q marks control material.
  qc_specimen_role      boolean NOT NULL DEFAULT true,
  -- ASTM R.3 component carrying the reagent lot (Abbott ARCHITECT: 8), when the analyzer sends it.
  reagent_lot_component integer CHECK (reagent_lot_component IS NULL OR reagent_lot_component BETWEEN 1 AND 30),
  enabled               boolean NOT NULL DEFAULT true,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Instrument test code → catalogue analyte code, with the factor that turns the instrument's unit
-- into the analyte's (value × factor).
CREATE TABLE instrument_test_mapping (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id       uuid NOT NULL REFERENCES instrument (id),
  instrument_code     text NOT NULL CHECK (length(instrument_code) BETWEEN 1 AND 50),
  analyte_code        text NOT NULL,
  factor              numeric NOT NULL DEFAULT 1 CHECK (factor > 0),
  -- Used to ask this analyzer for the analyte (host query answers, work orders).
  send_to_instrument  boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instrument_id, instrument_code)
);
CREATE INDEX instrument_test_mapping_analyte_idx ON instrument_test_mapping (instrument_id, analyte_code);

-- Every complete message received, bytes as received, committed BEFORE the acknowledgement leaves
-- (issue 4: an acknowledged result is never lost). Processing is a separate, retried step.
CREATE TABLE inbound_message (
  id                 bigserial PRIMARY KEY,
  instrument_id      uuid NOT NULL REFERENCES instrument (id),
  received_at        timestamptz NOT NULL DEFAULT now(),
  protocol           text NOT NULL CHECK (protocol IN ('astm', 'hl7')),
  raw                bytea NOT NULL,
  sha256             text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  remote_address     text,
  message_type       text,             -- ORU^R01, OUL^R22, QBP^Q11, OML^O21… ; ASTM: records seen (H,P,O,R,L)
  control_id         text,             -- HL7 MSH-10 (ASTM: H.3 when sent)
  status             text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'error', 'orphan')),
  error_code         text,
  error_detail       text,
  attempts           integer NOT NULL DEFAULT 0,
  next_attempt_at    timestamptz NOT NULL DEFAULT now(),
  processed_at       timestamptz,
  specimen_ids       text[] NOT NULL DEFAULT '{}', -- specimen ids read (orphans: the unknown ones)
  -- Orphan assignments made by a user: {"<id in the message>": "<specimen uuid>"}.
  specimen_assignments jsonb NOT NULL DEFAULT '{}',
  outcome            jsonb             -- what processing did: results, QC runs, skipped values and why
);
CREATE INDEX inbound_message_due_idx ON inbound_message (next_attempt_at) WHERE status = 'received';
CREATE INDEX inbound_message_dedupe_idx ON inbound_message (instrument_id, sha256, received_at DESC);
CREATE INDEX inbound_message_status_idx ON inbound_message (status, received_at DESC);
CREATE INDEX inbound_message_time_idx ON inbound_message (instrument_id, received_at DESC);

-- The bytes as received are evidence: never rewritten.
CREATE FUNCTION inbound_message_raw_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.raw IS DISTINCT FROM OLD.raw OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.received_at IS DISTINCT FROM OLD.received_at OR NEW.instrument_id IS DISTINCT FROM OLD.instrument_id THEN
    RAISE EXCEPTION 'inbound_message: raw bytes, hash, time and instrument are immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER inbound_message_raw_guard BEFORE UPDATE ON inbound_message
  FOR EACH ROW EXECUTE FUNCTION inbound_message_raw_immutable();
CREATE TRIGGER inbound_message_no_delete BEFORE DELETE ON inbound_message
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Everything Sillage sends to an instrument or partner beyond bare ACK/NAK control bytes:
-- HL7 acknowledgements, query answers, work orders, ORL^O22.
CREATE TABLE outbound_message (
  id                 bigserial PRIMARY KEY,
  instrument_id      uuid NOT NULL REFERENCES instrument (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  protocol           text NOT NULL CHECK (protocol IN ('astm', 'hl7')),
  kind               text NOT NULL CHECK (kind IN ('ack', 'query_answer', 'work_order', 'order_answer')),
  message_type       text,
  control_id         text,
  raw                bytea NOT NULL,
  inbound_message_id bigint REFERENCES inbound_message (id),
  specimen_id        uuid REFERENCES specimen (id),
  status             text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'acknowledged', 'rejected', 'failed')),
  sent_at            timestamptz,
  answered_at        timestamptz,
  error_detail       text
);
CREATE INDEX outbound_message_time_idx ON outbound_message (instrument_id, created_at DESC);
CREATE INDEX outbound_message_pending_idx ON outbound_message (instrument_id, id) WHERE status = 'pending';
CREATE INDEX outbound_message_inbound_idx ON outbound_message (inbound_message_id);
CREATE UNIQUE INDEX outbound_message_work_order_key ON outbound_message (instrument_id, specimen_id)
  WHERE kind = 'work_order';
CREATE INDEX outbound_message_control_idx ON outbound_message (instrument_id, control_id);

-- Control material measured by an analyzer: never a patient result (issue 4 item 5).
CREATE TABLE qc_run (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id      uuid NOT NULL REFERENCES instrument (id),
  inbound_message_id bigint NOT NULL REFERENCES inbound_message (id),
  material           text NOT NULL,     -- the control's id as sent (SPM-2, O.3)
  lot                text,
  instrument_code    text NOT NULL,
  analyte_code       text,              -- when the code is mapped
  value_numeric      numeric,
  value_text         text,
  unit               text,
  flags              text[] NOT NULL DEFAULT '{}',
  run_at             timestamptz,
  recorded_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inbound_message_id, material, instrument_code)
);
CREATE INDEX qc_run_instrument_idx ON qc_run (instrument_id, analyte_code, run_at DESC);

-- Live link status written by a separate `npm run connect` process (PostgreSQL mode), read by the
-- server's screens; the in-process link manager answers from memory instead.
CREATE TABLE instrument_link_status (
  instrument_id  uuid PRIMARY KEY REFERENCES instrument (id),
  status         jsonb NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
