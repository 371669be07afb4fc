-- Sillage 0008: NABM tariffs as dated data (issue 5 item 1), imported from the CNAM open-data
-- files (IR_BIO_R acts, IR_BTF_R coefficient history) by `npm run nabm:import`.

CREATE TABLE nabm_act (
  code                   text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  label                  text NOT NULL,
  created_on             date,
  suppressed_on          date,
  chapter                text,
  group_code             text,
  group_label            text,
  key_letter             text,
  coefficient_hundredths integer,
  coefficient_valid_from date,
  coefficient_valid_to   date,
  properties             jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE nabm_coefficient (
  code                   text NOT NULL CHECK (code ~ '^[0-9]{4}$'),
  key_letter             text NOT NULL,
  coefficient_hundredths integer NOT NULL CHECK (coefficient_hundredths >= 0),
  valid_from             date NOT NULL,
  valid_to               date,
  PRIMARY KEY (code, valid_from, coefficient_hundredths)
);

CREATE TABLE nabm_release (
  id           bigserial PRIMARY KEY,
  source       text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  imported_by  text,
  act_count    integer NOT NULL,
  period_count integer NOT NULL,
  diff         jsonb NOT NULL
);
