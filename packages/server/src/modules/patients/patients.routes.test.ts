import { computeNirKey } from '@sillage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';

/** NIR of a woman born in March 1965 in Lyon 1er (69381), order 123; key computed as 97 − (n mod 97). */
const nirBody = '2650369381123';
const validNir = `${nirBody}${computeNirKey(nirBody)}`;

const dupont = {
  birthName: 'Dupont',
  usedName: 'Martin',
  birthFirstNames: 'Marie Hélène',
  firstFirstName: 'Marie',
  birthDate: '1965-03-12',
  sex: 'F',
  birthplaceInsee: '69381',
  ins: { number: validNir },
  identityStatus: 'QUAL',
  identityDocument: 'CNI',
};

async function count(t: TestApp, table: string): Promise<number> {
  const [row] = await t.db.database.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}

describe('patients', () => {
  let t: TestApp;
  let desk: TestClient;
  let biologist: TestClient;
  let created: { id: string; patientNumber: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    biologist = await loginAs(t, ['biologiste']);
  });
  afterAll(async () => t?.close());

  it('creates a patient with RNIV-normalised traits, a number and a qualified INS', async () => {
    const res = await desk.post('/api/patients', dupont);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      birthName: 'DUPONT',
      usedName: 'MARTIN',
      birthFirstNames: 'MARIE HELENE',
      firstFirstName: 'MARIE',
      identityStatus: 'QUAL',
      ins: { number: validNir, kind: 'NIR', oid: '1.2.250.1.213.1.4.8' },
      insShareable: true,
      version: 1,
    });
    expect(body.patientNumber).toMatch(/^P\d{8}$/);
    created = body;
  });

  it('finds her by "DUPONT 12/03/1965", by used name, by NIR with spaces and by patient number', async () => {
    const queries = [
      'DUPONT 12/03/1965',
      'dupont marie',
      'Martin 1965',
      validNir.replace(/^(\d)(\d\d)(\d\d)(\d\d)(\d{3})(\d{3})(\d\d)$/, '$1 $2 $3 $4 $5 $6 $7'),
      created.patientNumber.toLowerCase(),
    ];
    for (const q of queries) {
      const res = await desk.get(`/api/patients?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json<{ items: { id: string }[] }>().items.map((p) => p.id),
        q
      ).toContain(created.id);
    }
    const miss = await desk.get(`/api/patients?q=${encodeURIComponent('DUPONT 13/03/1965')}`);
    expect(miss.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('reading a record writes an access event naming the reader', async () => {
    const res = await desk.get(`/api/patients/${created.id}`);
    expect(res.statusCode).toBe(200);
    const events = await t.db.database.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_event WHERE action = 'patient.read' AND patient_id = $1",
      [created.id]
    );
    expect(events.map((e) => e.actor_id)).toContain(desk.userId);
  });

  it('suspects a phonetic duplicate (Dupond, no accent, same birth date) and asks for confirmation', async () => {
    const before = await count(t, 'patient');
    const candidate = {
      ...dupont,
      birthName: 'DUPOND',
      usedName: null,
      ins: null,
      identityStatus: 'PROV',
      identityDocument: null,
      birthFirstNames: 'Marie',
    };
    const res = await desk.post('/api/patients', candidate);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SIL_PATIENT_DUPLICATE_SUSPECTED', candidates: [{ id: created.id }] });
    expect(await count(t, 'patient')).toBe(before);
    const live = await desk.post('/api/patients/duplicates', {
      birthName: 'dupond',
      firstFirstName: 'marie',
      birthDate: '1965-03-12',
    });
    expect(live.json<{ items: { patient: { id: string } }[] }>().items[0]?.patient.id).toBe(created.id);
    const confirmed = await desk.post('/api/patients', { ...candidate, confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('accepts a Corsican NIR (born in 2B) and finds a two-word surname typed with its space', async () => {
    // Born in Bastia (2B033), March 1958; key computed with 2B → 18 (INSEE rule for Corsica).
    const body = '158032B033012';
    const res = await desk.post('/api/patients', {
      birthName: 'Da Silva',
      usedName: null,
      birthFirstNames: 'Antoine',
      firstFirstName: 'Antoine',
      birthDate: '1958-03-04',
      sex: 'M',
      birthplaceInsee: '2B033',
      ins: { number: `${body}${computeNirKey(body)}` },
      identityStatus: 'QUAL',
      identityDocument: 'PASSEPORT',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    for (const q of ['DA SILVA 04/03/1958', 'da silva', 'dasilva antoine']) {
      const found = await desk.get(`/api/patients?q=${encodeURIComponent(q)}`);
      expect(found.json<{ items: { id: string }[] }>().items.map((p) => p.id), q).toContain(id);
    }
  });

  it('refuses an INS already carried by another patient', async () => {
    const res = await desk.post('/api/patients', { ...dupont, birthName: 'AUTRE', confirmDuplicate: true });
    expect(res.json().code).toBe('SIL_PATIENT_INS_TAKEN');
  });

  it('edits with optimistic locking; a strict trait of a QUAL identity cannot change without going back to PROV with a reason', async () => {
    const phone = await desk.patch(`/api/patients/${created.id}`, { phone: '0612345678', version: created.version });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(phone.json().version).toBe(2);
    const stale = await desk.patch(`/api/patients/${created.id}`, { phone: '0700000000', version: 1 });
    expect(stale.json().code).toBe('SIL_CONFLICT');
    const locked = await desk.patch(`/api/patients/${created.id}`, { birthDate: '1965-03-13', version: 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('SIL_IDENTITY_LOCKED');
    const noReason = await desk.patch(`/api/patients/${created.id}`, {
      birthFirstNames: 'Marie Helene Jeanne',
      identityStatus: 'PROV',
      version: 2,
    });
    expect(noReason.json().code).toBe('SIL_REASON_REQUIRED');
    const [stored] = await t.db.database.query<{ birth_first_names: string; version: number }>(
      'SELECT birth_first_names, version FROM patient WHERE id = $1',
      [created.id]
    );
    expect(stored).toEqual({ birth_first_names: 'MARIE HELENE', version: 2 });
  });

  it('merges a duplicate into the kept record, with reason, audited on both; the merged one leaves search', async () => {
    const other = await desk.post('/api/patients', {
      ...dupont,
      birthName: 'DUPONT',
      usedName: null,
      ins: null,
      identityStatus: 'PROV',
      identityDocument: null,
      confirmDuplicate: true,
    });
    expect(other.statusCode).toBe(201);
    const sourceId = other.json<{ id: string }>().id;
    const forbidden = await desk.post('/api/patients/merge', { sourceId, targetId: created.id, reason: 'doublon' });
    expect(forbidden.statusCode).toBe(403);
    const merged = await biologist.post('/api/patients/merge', {
      sourceId,
      targetId: created.id,
      reason: 'doublon créé à l’accueil',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const events = await t.db.database.query<{ action: string; patient_id: string }>(
      "SELECT action, patient_id FROM audit_event WHERE action LIKE 'patient.merge%' ORDER BY id"
    );
    expect(events).toEqual([
      { action: 'patient.merged', patient_id: sourceId },
      { action: 'patient.merge_received', patient_id: created.id },
    ]);
    const search = await desk.get(`/api/patients?q=${encodeURIComponent('DUPONT 12/03/1965')}`);
    expect(search.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(sourceId);
    const again = await biologist.post('/api/patients/merge', { sourceId, targetId: created.id, reason: 'encore' });
    expect(again.json().code).toBe('SIL_MERGE_ALREADY_MERGED');
  });

  describe('bad input: a clear error, nothing changed', () => {
    it.each([
      ['malformed JSON', '{"birthName": "DUP', 'SIL_MALFORMED_JSON', 400],
      [
        'unknown field',
        JSON.stringify({ ...dupont, ins: null, identityStatus: 'PROV', groupeSanguin: 'A+' }),
        'SIL_VALIDATION',
        400,
      ],
      ['invalid NIR key', JSON.stringify({ ...dupont, ins: { number: `${nirBody}00` } }), 'SIL_NIR_INVALID_KEY', 400],
      ['NIR of a man for a woman', JSON.stringify({ ...dupont, sex: 'M' }), 'SIL_NIR_INCONSISTENT', 400],
      [
        'birth date in the future',
        JSON.stringify({ ...dupont, ins: null, identityStatus: 'PROV', birthDate: '2999-01-01' }),
        'SIL_BIRTH_DATE_IN_FUTURE',
        400,
      ],
      ['impossible date', JSON.stringify({ ...dupont, birthDate: '1965-02-30' }), 'SIL_VALIDATION', 400],
      [
        'QUAL without INS',
        JSON.stringify({ ...dupont, ins: null, confirmDuplicate: true }),
        'SIL_IDENTITY_STATUS_REQUIRES_INS',
        400,
      ],
      [
        'invalid INSEE code',
        JSON.stringify({ ...dupont, ins: null, identityStatus: 'PROV', birthplaceInsee: '2C004' }),
        'SIL_INSEE_CODE_INVALID',
        400,
      ],
    ])('%s', async (_label, payload, code, status) => {
      const patients = await count(t, 'patient');
      const events = await count(t, 'audit_event');
      const res = await desk.request('POST', '/api/patients', payload, { 'content-type': 'application/json' });
      expect(res.json().code).toBe(code);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().title).toMatch(/[a-zé]/);
      expect(await count(t, 'patient')).toBe(patients);
      expect(await count(t, 'audit_event')).toBe(events);
    });

    it('a body over the limit gets 413', async () => {
      const res = await desk.request(
        'POST',
        '/api/patients',
        JSON.stringify({ ...dupont, address: 'x'.repeat(2_000_000) }),
        {
          'content-type': 'application/json',
        }
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('SIL_BODY_TOO_LARGE');
    });

    it('SQL metacharacters in search are only text', async () => {
      const before = await count(t, 'patient');
      for (const q of ["'; DROP TABLE patient; --", "DUPONT' OR '1'='1", 'D%', 'D_P', '\\', '$1']) {
        const res = await desk.get(`/api/patients?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(200);
        expect(res.json<{ items: unknown[] }>().items, q).toEqual([]);
      }
      expect(await count(t, 'patient')).toBe(before);
    });

    it('a 10 kB search string is refused with SIL_SEARCH_TOO_LONG', async () => {
      const res = await desk.get(`/api/patients?q=${'A'.repeat(10_000)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('SIL_SEARCH_TOO_LONG');
    });

    it('merging a patient into itself is refused', async () => {
      const res = await biologist.post('/api/patients/merge', {
        sourceId: created.id,
        targetId: created.id,
        reason: 'erreur',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('SIL_MERGE_SAME_PATIENT');
    });

    it('English messages when asked', async () => {
      const res = await desk.request('POST', '/api/patients', '{', {
        'content-type': 'application/json',
        'accept-language': 'en-GB',
      });
      expect(res.json().title).toBe('Request body is not valid JSON.');
    });
  });
});
