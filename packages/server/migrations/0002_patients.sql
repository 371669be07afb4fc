-- Sillage 0002: patient identity (INS, RNIV traits and identity status).

CREATE SEQUENCE patient_number_seq START 1;

CREATE TABLE patient (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_number       text NOT NULL UNIQUE CHECK (patient_number ~ '^P[0-9]{8}$'),
  birth_name           text NOT NULL CHECK (length(birth_name) BETWEEN 1 AND 100),
  used_name            text CHECK (used_name IS NULL OR length(used_name) BETWEEN 1 AND 100),
  birth_first_names    text NOT NULL CHECK (length(birth_first_names) BETWEEN 1 AND 200),
  first_first_name     text NOT NULL CHECK (length(first_first_name) BETWEEN 1 AND 100),
  birth_date           date NOT NULL,
  sex                  text NOT NULL CHECK (sex IN ('F', 'M', 'I')),
  birthplace_insee     text CHECK (birthplace_insee IS NULL OR birthplace_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
  ins_number           text CHECK (ins_number IS NULL OR ins_number ~ '^[0-9][0-9]{4}[0-9AB][0-9]{9}$'),
  ins_kind             text CHECK (ins_kind IN ('NIR', 'NIA')),
  ins_oid              text,
  identity_status      text NOT NULL DEFAULT 'PROV' CHECK (identity_status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
  identity_document    text,
  identity_attributes  text[] NOT NULL DEFAULT '{}',
  phone                text,
  email                text,
  address              text,
  -- search keys maintained by the service (accent/case-insensitive, phonetic)
  birth_name_key       text NOT NULL,
  used_name_key        text,
  first_name_key       text NOT NULL,
  birth_name_phonetic  text NOT NULL,
  used_name_phonetic   text,
  first_name_phonetic  text NOT NULL,
  merged_into_id       uuid REFERENCES patient (id),
  merged_at            timestamptz,
  created_site_id      uuid REFERENCES site (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((ins_number IS NULL) = (ins_kind IS NULL)),
  CHECK (identity_status NOT IN ('RECUP', 'QUAL') OR ins_number IS NOT NULL),
  CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
CREATE UNIQUE INDEX patient_ins_active_key ON patient (ins_number) WHERE ins_number IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX patient_birth_name_idx ON patient (birth_name_key text_pattern_ops, birth_date);
CREATE INDEX patient_used_name_idx ON patient (used_name_key text_pattern_ops, birth_date) WHERE used_name_key IS NOT NULL;
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
CREATE INDEX patient_birth_phonetic_idx ON patient (birth_name_phonetic, birth_date);
CREATE INDEX patient_used_phonetic_idx ON patient (used_name_phonetic, birth_date) WHERE used_name_phonetic IS NOT NULL;
