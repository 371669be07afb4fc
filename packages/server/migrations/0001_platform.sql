-- Sillage 0001: platform — lab, sites, users, roles, sessions, login throttling, API tokens,
-- tamper-evident audit trail (ISO 15189 §7.11 / §8.4: records protected from alteration).

CREATE TABLE lab (
  id          integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name        text NOT NULL,
  finess      text,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE site (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{1,16}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address     text,
  finess      text CHECK (finess IS NULL OR finess ~ '^[0-9A-B]{9}$'),
  territory   text NOT NULL DEFAULT 'metropole'
              CHECK (territory IN ('metropole', 'antilles', 'guyane', 'reunion', 'mayotte')),
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              text NOT NULL CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
  display_name          text NOT NULL,
  password_hash         text NOT NULL,
  locale                text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  active                boolean NOT NULL DEFAULT true,
  totp_secret           text,
  totp_enabled          boolean NOT NULL DEFAULT false,
  totp_pending_secret   text,
  must_change_password  boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  last_login_at         timestamptz
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (username);

CREATE TABLE user_role (
  user_id  uuid NOT NULL REFERENCES app_user (id),
  role     text NOT NULL CHECK (role IN ('secretaire', 'preleveur', 'technicien', 'biologiste', 'qualiticien', 'admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE user_site (
  user_id  uuid NOT NULL REFERENCES app_user (id),
  site_id  uuid NOT NULL REFERENCES site (id),
  PRIMARY KEY (user_id, site_id)
);

CREATE TABLE role_setting (
  role           text PRIMARY KEY CHECK (role IN ('secretaire', 'preleveur', 'technicien', 'biologiste', 'qualiticien', 'admin')),
  totp_required  boolean NOT NULL DEFAULT false
);
INSERT INTO role_setting (role) VALUES
  ('secretaire'), ('preleveur'), ('technicien'), ('biologiste'), ('qualiticien'), ('admin');

-- Server-side sessions: only the SHA-256 of the cookie token is stored.
CREATE TABLE user_session (
  token_hash           text PRIMARY KEY,
  user_id              uuid NOT NULL REFERENCES app_user (id),
  csrf_token           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  last_seen_at         timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at  timestamptz NOT NULL,
  address              text,
  user_agent           text,
  revoked_at           timestamptz
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Second login step (TOTP): a short-lived ticket after the password was verified.
CREATE TABLE login_ticket (
  ticket_hash   text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user (id),
  enrol_secret  text,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);

-- Login throttling in the database so it holds across app instances.
CREATE TABLE login_failure (
  id         bigserial PRIMARY KEY,
  account    text NOT NULL,
  address    text NOT NULL,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_account_idx ON login_failure (account, failed_at);
CREATE INDEX login_failure_address_idx ON login_failure (address, failed_at);

CREATE TABLE api_token (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  scopes        text[] NOT NULL,
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- Audit trail: append-only, hash-chained. hash = sha256(prev_hash ‖ canonical event).
CREATE TABLE audit_event (
  id           bigint PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  patient_id   uuid,
  before       jsonb,
  after        jsonb,
  reason       text,
  request_id   text,
  address      text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, id) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
