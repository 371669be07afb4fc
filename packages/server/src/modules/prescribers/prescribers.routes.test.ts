import { rppsCheckDigit } from '@sillage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import type { PrescriberView } from './prescribers.schemas.js';

/** RPPS numbers built with their Luhn key (core/lab rpps.ts), as the ANS assigns them. */
const rppsOf = (firstTen: string): string => `${firstTen}${rppsCheckDigit(firstTen)}`;
const rppsMartin = rppsOf('1000123456'); // 10001234565
const rppsLefevre = rppsOf('1000000000'); // 10000000009

async function counts(t: TestApp): Promise<{ prescribers: number; audit: number }> {
  const [row] = await t.db.database.query<{ prescribers: string; audit: string }>(
    'SELECT (SELECT count(*) FROM prescriber) AS prescribers, (SELECT count(*) FROM audit_event) AS audit'
  );
  return { prescribers: Number(row?.prescribers), audit: Number(row?.audit) };
}

describe('prescribers', () => {
  let t: TestApp;
  let desk: TestClient;
  let technician: TestClient;
  let collector: TestClient;
  let martin: PrescriberView;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    technician = await loginAs(t, ['technicien']);
    collector = await loginAs(t, ['preleveur']);
  });
  afterAll(async () => t?.close());

  it('creates a prescriber with a checked RPPS (spaces accepted), audited', async () => {
    const before = await counts(t);
    const res = await desk.post('/api/prescribers', {
      rpps: '1000 1234 565',
      lastName: 'Martin',
      firstName: 'Hélène',
      specialty: 'Médecine générale',
      address: '12 rue de la République, 69002 Lyon',
      phone: '04 78 00 00 00',
      email: 'helene.martin@medecin.mssante.fr',
      deliveryChannels: ['mssante', 'courrier', 'mssante'],
    });
    expect(res.statusCode, res.body).toBe(201);
    martin = res.json<PrescriberView>();
    expect(martin).toMatchObject({
      kind: 'prescriber',
      rpps: rppsMartin,
      lastName: 'Martin',
      deliveryChannels: ['mssante', 'courrier'],
      active: true,
      version: 1,
    });
    expect(await counts(t)).toEqual({ prescribers: before.prescribers + 1, audit: before.audit + 1 });
  });

  it('creates a correspondent without RPPS (a clinic)', async () => {
    const res = await desk.post('/api/prescribers', {
      kind: 'correspondent',
      lastName: 'Clinique du Parc',
      organisation: 'Clinique du Parc',
      deliveryChannels: ['fax', 'portail'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<PrescriberView>()).toMatchObject({ kind: 'correspondent', rpps: null });
  });

  it('finds by name without accents, by RPPS prefix, by full RPPS; a technician may read', async () => {
    await desk.post('/api/prescribers', { rpps: rppsLefevre, lastName: 'Lefèvre', firstName: 'Émile' });
    const byName = (await technician.get('/api/prescribers?q=lefevre')).json<{ items: PrescriberView[] }>();
    expect(byName.items.map((p) => p.lastName)).toEqual(['Lefèvre']);
    const byFirstAndLast = (await technician.get(`/api/prescribers?q=${encodeURIComponent('helene mart')}`)).json<{
      items: PrescriberView[];
    }>();
    expect(byFirstAndLast.items.map((p) => p.id)).toEqual([martin.id]);
    const byRpps = (await desk.get(`/api/prescribers?q=${rppsMartin}`)).json<{ items: PrescriberView[] }>();
    expect(byRpps.items.map((p) => p.id)).toEqual([martin.id]);
    const byPrefix = (await desk.get('/api/prescribers?q=1000')).json<{ items: PrescriberView[] }>();
    expect(byPrefix.items).toHaveLength(2);
    const correspondents = (await desk.get('/api/prescribers?kind=correspondent')).json<{ items: PrescriberView[] }>();
    expect(correspondents.items.map((p) => p.lastName)).toEqual(['Clinique du Parc']);
    expect((await technician.get(`/api/prescribers/${martin.id}`)).json<PrescriberView>().rpps).toBe(rppsMartin);
  });

  it('edits with the version, audits before/after, refuses a stale version', async () => {
    const before = await counts(t);
    const res = await desk.patch(`/api/prescribers/${martin.id}`, {
      version: 1,
      deliveryChannels: ['depot'],
      phone: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PrescriberView>()).toMatchObject({ version: 2, deliveryChannels: ['depot'], phone: null });
    const [event] = await t.db.database.query<{ before: { version: number }; after: { version: number } }>(
      "SELECT before, after FROM audit_event WHERE action = 'prescriber.updated' ORDER BY id DESC LIMIT 1"
    );
    expect(event).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    const stale = await desk.patch(`/api/prescribers/${martin.id}`, { version: 1, specialty: 'Cardiologie' });
    expect(stale.statusCode).toBe(409);
    expect(await counts(t)).toEqual({ prescribers: before.prescribers, audit: before.audit + 1 });
  });

  describe('bad input changes nothing', () => {
    it.each([
      ['RPPS with a wrong Luhn key', { rpps: '10001234566', lastName: 'Durand' }, 422, 'SIL_RPPS_KEY_INVALID'],
      ['RPPS with swapped digits', { rpps: '10001234556', lastName: 'Durand' }, 422, 'SIL_RPPS_KEY_INVALID'],
      ['RPPS of 10 digits', { rpps: '1000123456', lastName: 'Durand' }, 422, 'SIL_RPPS_FORMAT_INVALID'],
      ['RPPS with a letter', { rpps: '1000123456A', lastName: 'Durand' }, 422, 'SIL_RPPS_FORMAT_INVALID'],
      ['RPPS already registered', { rpps: rppsLefevre, lastName: 'Autre' }, 409, 'SIL_PRESCRIBER_RPPS_TAKEN'],
      ['unknown field', { lastName: 'Durand', adeli: '123456789' }, 400, 'SIL_VALIDATION'],
      ['unknown delivery channel', { lastName: 'Durand', deliveryChannels: ['pigeon'] }, 400, 'SIL_VALIDATION'],
      ['missing name', { rpps: rppsOf('1999999999') }, 400, 'SIL_VALIDATION'],
    ])('%s', async (_name, body, status, code) => {
      const before = await counts(t);
      const res = await desk.post('/api/prescribers', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ code });
      expect(await counts(t)).toEqual(before);
    });

    it('an edit to an invalid RPPS changes nothing', async () => {
      const before = await counts(t);
      const res = await desk.patch(`/api/prescribers/${martin.id}`, { version: 2, rpps: '10001234560' });
      expect(res.json()).toMatchObject({ code: 'SIL_RPPS_KEY_INVALID' });
      expect((await desk.get(`/api/prescribers/${martin.id}`)).json<PrescriberView>()).toMatchObject({
        rpps: rppsMartin,
        version: 2,
      });
      expect(await counts(t)).toEqual(before);
    });

    it('an unknown id is a 404', async () => {
      const res = await desk.get('/api/prescribers/00000000-0000-4000-8000-000000000000');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'SIL_PRESCRIBER_NOT_FOUND' });
    });
  });

  it('permissions: a technician cannot write, a collector cannot even read', async () => {
    const before = await counts(t);
    expect((await technician.post('/api/prescribers', { lastName: 'Durand' })).statusCode).toBe(403);
    expect((await technician.patch(`/api/prescribers/${martin.id}`, { version: 2, lastName: 'X' })).statusCode).toBe(
      403
    );
    expect((await collector.get('/api/prescribers?q=martin')).statusCode).toBe(403);
    expect(await counts(t)).toEqual(before);
  });
});
