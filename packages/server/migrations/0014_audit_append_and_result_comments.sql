-- Issue 3 § performance and report polish.

-- 1. Appending to the audit chain in one round trip (audit-writer.ts). A writer must lock the
--    chain, read the last hash committed before it got the lock, then link its events to it. Sent
--    as one plain SQL statement, the read would use the snapshot taken before the lock was granted
--    and could miss the event of the transaction it waited for (two events linked to the same
--    previous hash: a forked chain). A VOLATILE PL/pgSQL function takes a fresh snapshot for each
--    statement it runs (PostgreSQL manual, "Function Volatility Categories"), so the read after
--    PERFORM sees every event committed before the lock was granted.
--    The hash is the one audit-canonical.ts defines, sha256(previous hash ‖ canonical JSON of the
--    event): the writer sends each event's canonical JSON in two parts around its id, which only
--    this function knows; `npm run audit:verify` recomputes every link in JavaScript.
--    One call and the lock is held from it to COMMIT only (it was three statements before).
CREATE FUNCTION audit_append(
  lock_key bigint, genesis_hash text, occurred_at timestamptz,
  actor_ids uuid[], actor_names text[], actions text[], entity_types text[], entity_ids text[],
  patient_ids uuid[], befores jsonb[], afters jsonb[], reasons text[], request_ids text[], addresses text[],
  canonical_heads text[], canonical_tails text[]
) RETURNS bigint[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text;
  new_id bigint;
  new_hash text;
  ids bigint[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT e.hash INTO previous FROM audit_event e ORDER BY e.id DESC LIMIT 1;
  previous := coalesce(previous, genesis_hash);
  FOR i IN 1 .. coalesce(array_length(actions, 1), 0) LOOP
    new_id := nextval('audit_event_id_seq');
    new_hash := encode(sha256(convert_to(previous || canonical_heads[i] || new_id::text || canonical_tails[i], 'UTF8')), 'hex');
    INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, patient_id,
      before, after, reason, request_id, address, prev_hash, hash)
    VALUES (new_id, occurred_at, actor_ids[i], actor_names[i], actions[i], entity_types[i], entity_ids[i],
      patient_ids[i], befores[i], afters[i], reasons[i], request_ids[i], addresses[i], previous, new_hash);
    previous := new_hash;
    ids := ids || new_id;
  END LOOP;
  RETURN ids;
END;
$$;

-- 2. The lab's list of coded result comments (issue 3 item 6: "coded and free comments"). Result
--    versions keep the codes (result_version.comment_codes); the report prints the label.
--    A code missing from the list prints as itself.
CREATE TABLE result_comment_code (
  code       text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
  label      text NOT NULL CHECK (btrim(label) <> ''),
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO result_comment_code (code, label) VALUES
  ('CONTROLE_FAIT', 'Résultat contrôlé'),
  ('CONTROLE_A_PREVOIR', 'Contrôle souhaitable sur un nouveau prélèvement'),
  ('HEMOLYSE', 'Échantillon hémolysé : résultat à interpréter avec prudence'),
  ('LIPEMIQUE', 'Échantillon lactescent (lipémique) : résultat à interpréter avec prudence'),
  ('ICTERIQUE', 'Échantillon ictérique : résultat à interpréter avec prudence'),
  ('DILUTION', 'Résultat obtenu après dilution de l’échantillon'),
  ('NON_A_JEUN', 'Prélèvement réalisé non à jeun'),
  ('DELAI_DEPASSE', 'Délai d’acheminement dépassé : résultat à interpréter avec prudence'),
  ('AGREGATS_PLAQUETTAIRES', 'Présence d’agrégats plaquettaires : numération plaquettaire sous-estimée'),
  ('VALEUR_CRITIQUE_TRANSMISE', 'Valeur critique communiquée au prescripteur');
