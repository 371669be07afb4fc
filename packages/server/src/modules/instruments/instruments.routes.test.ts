/**
 * Link profiles and code mappings through the API: coherence checks with stable codes (nothing
 * saved on a refusal), optimistic concurrency, audited changes, who may read and who may manage,
 * and the status published by a separate connect process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../../testing/test-app.js';
import { expectStatus } from '../orders/orders-test-helpers.js';
import { storeInbound } from './inbound-store.js';
import { insertOutbound } from './messages.repository.js';

const astmProfile = {
  code: 'SYSMEX-XN',
  name: 'Sysmex XN-550',
  protocol: 'astm',
  role: 'server',
  host: '0.0.0.0',
  port: 5600,
};

describe('instrument profiles and mappings', () => {
  let t: TestApp;
  let admin: TestClient;
  let biologist: TestClient;
  let technician: TestClient;

  const instrumentCount = async (): Promise<number> =>
    Number((await t.db.database.query<{ n: number }>('SELECT count(*) AS n FROM instrument'))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
    biologist = await loginAs(t, ['biologiste']);
    technician = await loginAs(t, ['technicien']);
  });
  afterAll(async () => t?.close());

  it('creates a profile with protocol defaults; a technician reads it, cannot manage it', async () => {
    const res = await biologist.post('/api/instruments', astmProfile);
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({
      code: 'SYSMEX-XN',
      kind: 'analyzer',
      direction: 'uni',
      charset: 'iso-8859-1',
      specimenIdLocation: 'O.3',
      enabled: true,
      version: 1,
      status: { state: 'stopped', source: 'none', connections: 0 },
    });
    const list = await technician.get('/api/instruments');
    expectStatus(list, 200);
    expect(list.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain('SYSMEX-XN');
    expect((await technician.post('/api/instruments', { ...astmProfile, code: 'OTHER' })).statusCode).toBe(403);
    const [event] = await t.db.database.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_event WHERE action = 'instrument.created'"
    );
    expect(event?.actor_id).toBe(biologist.userId);
  });

  it.each([
    [{ ...astmProfile, code: 'BAD-LOC', port: 5601, specimenIdLocation: 'SPM-2.1' }, 'SIL_INSTRUMENT_PROFILE_INVALID'],
    [{ ...astmProfile, code: 'BAD-RE', port: 5602, qcSpecimenPattern: '([unclosed' }, 'SIL_INSTRUMENT_PROFILE_INVALID'],
    [{ ...astmProfile, code: 'BAD-KIND', port: 5603, kind: 'order_placer' }, 'SIL_INSTRUMENT_PROFILE_INVALID'],
    [
      { ...astmProfile, code: 'BAD-CLIENT', role: 'client', host: '10.0.0.5', port: 0 },
      'SIL_INSTRUMENT_PROFILE_INVALID',
    ],
    [{ ...astmProfile, code: 'SYSMEX-XN', port: 5604 }, 'SIL_INSTRUMENT_CODE_TAKEN'],
    [{ ...astmProfile, code: 'SAME-PORT', host: '127.0.0.1' }, 'SIL_INSTRUMENT_PORT_TAKEN'],
    [{ ...astmProfile, code: 'BAD-PATH', port: 5606, specimenIdLocation: 'O.9.2' }, 'SIL_VALIDATION'],
    [{ ...astmProfile, code: 'BAD-COMP', port: 5607, specimenIdLocation: 'O.3.0' }, 'SIL_VALIDATION'],
    [{ ...astmProfile, code: 'BAD-HL7', port: 5608, protocol: 'hl7', specimenIdLocation: 'OBX-3.1' }, 'SIL_VALIDATION'],
    [{ ...astmProfile, code: 'lower-case' }, 'SIL_VALIDATION'],
    [{ ...astmProfile, code: 'EXTRA', port: 5605, password: 'x' }, 'SIL_VALIDATION'],
  ])('refuses %j with %s and saves nothing', async (body, code) => {
    const before = await instrumentCount();
    const res = await admin.post('/api/instruments', body);
    expect(res.json<{ code: string }>().code).toBe(code);
    expect(await instrumentCount()).toBe(before);
  });

  it('takes a specimen id location down to the component (O.4.3, OBR-3.1) and says why a bad one is refused', async () => {
    const sysmex = await admin.post('/api/instruments', {
      ...astmProfile,
      code: 'SYSMEX-XP',
      port: 5610,
      specimenIdLocation: 'O.4.3',
    });
    expectStatus(sysmex, 201);
    expect(sysmex.json<{ specimenIdLocation: string }>().specimenIdLocation).toBe('O.4.3');
    const hl7 = await admin.post('/api/instruments', {
      ...astmProfile,
      code: 'HL7-OBR3',
      port: 5611,
      protocol: 'hl7',
      specimenIdLocation: 'OBR-3.1',
    });
    expectStatus(hl7, 201);
    const refused = await admin.post('/api/instruments', {
      ...astmProfile,
      code: 'BAD-WHY',
      port: 5612,
      specimenIdLocation: 'O.3.x',
    });
    expect(refused.json<{ code: string; errors: { path: string; message: string }[] }>()).toMatchObject({
      code: 'SIL_VALIDATION',
      errors: [{ path: 'body.specimenIdLocation', message: expect.stringContaining('O.3.2') as string }],
    });
  });

  it('updates with the version it was read at; a stale version is a conflict', async () => {
    const [row] = await t.db.database.query<{ id: string }>("SELECT id FROM instrument WHERE code = 'SYSMEX-XN'");
    const id = row?.id as string;
    const updated = await admin.patch(`/api/instruments/${id}`, {
      version: 1,
      direction: 'bi',
      charset: 'windows-1252',
    });
    expectStatus(updated, 200);
    expect(updated.json()).toMatchObject({ version: 2, direction: 'bi', charset: 'windows-1252' });
    const stale = await admin.patch(`/api/instruments/${id}`, { version: 1, name: 'autre' });
    expect(stale.json<{ code: string }>().code).toBe('SIL_CONFLICT');
    const [audit] = await t.db.database.query<{ before: { direction: string }; after: { direction: string } }>(
      "SELECT before, after FROM audit_event WHERE action = 'instrument.updated' AND entity_id = $1",
      [id]
    );
    expect([audit?.before.direction, audit?.after.direction]).toEqual(['uni', 'bi']);
    expect(
      (await admin.get('/api/instruments/00000000-0000-4000-8000-000000000000')).json<{ code: string }>().code
    ).toBe('SIL_INSTRUMENT_NOT_FOUND');
  });

  it('mapping editor: add (analyte must exist, code unique per instrument), change, delete', async () => {
    const [row] = await t.db.database.query<{ id: string }>("SELECT id FROM instrument WHERE code = 'SYSMEX-XN'");
    const id = row?.id as string;
    const created = await admin.post(`/api/instruments/${id}/mappings`, {
      instrumentCode: 'HGB',
      analyteCode: 'HEMOGLOBINE',
      factor: 10,
    });
    expectStatus(created, 201);
    const mapping = created.json<{
      id: string;
      analyteLabel: string | null;
      factor: number;
      sendToInstrument: boolean;
    }>();
    expect(mapping).toMatchObject({ factor: 10, sendToInstrument: true });
    expect(mapping.analyteLabel).not.toBeNull();
    expect(
      (
        await admin.post(`/api/instruments/${id}/mappings`, { instrumentCode: 'HGB', analyteCode: 'HEMATOCRITE' })
      ).json<{
        code: string;
      }>().code
    ).toBe('SIL_INSTRUMENT_MAPPING_DUPLICATE');
    expect(
      (
        await admin.post(`/api/instruments/${id}/mappings`, { instrumentCode: 'XYZ', analyteCode: 'NO_SUCH_ANALYTE' })
      ).json<{
        code: string;
      }>().code
    ).toBe('SIL_INSTRUMENT_ANALYTE_UNKNOWN');
    expect(
      (await admin.post(`/api/instruments/${id}/mappings`, { instrumentCode: 'Z', analyteCode: 'SODIUM', factor: 0 }))
        .statusCode
    ).toBe(400);
    const changed = await admin.put(`/api/instruments/${id}/mappings/${mapping.id}`, {
      factor: 1,
      sendToInstrument: false,
    });
    expectStatus(changed, 200);
    expect(changed.json()).toMatchObject({ instrumentCode: 'HGB', factor: 1, sendToInstrument: false });
    expect((await technician.get(`/api/instruments/${id}/mappings`)).json<{ items: unknown[] }>().items).toHaveLength(
      1
    );
    expect((await technician.delete(`/api/instruments/${id}/mappings/${mapping.id}`)).statusCode).toBe(403);
    expectStatus(await admin.delete(`/api/instruments/${id}/mappings/${mapping.id}`), 204);
    expect((await admin.get(`/api/instruments/${id}`)).json<{ mappings: unknown[] }>().mappings).toEqual([]);
    expect((await admin.delete(`/api/instruments/${id}/mappings/${mapping.id}`)).json<{ code: string }>().code).toBe(
      'SIL_INSTRUMENT_MAPPING_NOT_FOUND'
    );
    const actions = await t.db.database.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE action LIKE 'instrument.mapping_%' ORDER BY id"
    );
    expect(actions.map((a) => a.action)).toEqual([
      'instrument.mapping_created',
      'instrument.mapping_updated',
      'instrument.mapping_deleted',
    ]);
  });

  it('shows the status a separate connect process publishes, while it is fresh', async () => {
    const [row] = await t.db.database.query<{ id: string }>("SELECT id FROM instrument WHERE code = 'SYSMEX-XN'");
    const status = {
      state: 'connected',
      connections: 1,
      port: 5600,
      lastConnectedAt: '2026-01-05T08:00:00.000Z',
      lastMessageAt: '2026-01-05T08:01:00.000Z',
      messagesReceived: 12,
      messagesSent: 0,
      errorCount: 0,
      lastError: null,
      recentErrors: [],
      source: 'connect-process',
    };
    await t.db.database.query('INSERT INTO instrument_link_status (instrument_id, status) VALUES ($1, $2::jsonb)', [
      row?.id as string,
      JSON.stringify(status),
    ]);
    const listed = (await technician.get('/api/instruments')).json<{ items: { code: string; status: unknown }[] }>()
      .items;
    expect(listed.find((i) => i.code === 'SYSMEX-XN')?.status).toMatchObject({
      state: 'connected',
      messagesReceived: 12,
      source: 'connect-process',
    });
    await t.db.database.query("UPDATE instrument_link_status SET updated_at = now() - interval '5 minutes'");
    const stale = (await technician.get('/api/instruments')).json<{
      items: { code: string; status: { source: string } }[];
    }>().items;
    expect(stale.find((i) => i.code === 'SYSMEX-XN')?.status.source).toBe('none');
  });

  it('message log filters and empty queues answer with lists; unknown messages are 404', async () => {
    for (const url of [
      '/api/instrument-messages',
      '/api/instrument-messages?status=error&limit=5',
      '/api/instrument-messages/errors',
      '/api/instrument-messages/orphans',
      '/api/instrument-messages/outbound',
      '/api/qc-runs',
    ]) {
      const res = await technician.get(url);
      expectStatus(res, 200);
      expect(res.json<{ items: unknown[] }>().items).toEqual([]);
    }
    expect((await technician.get('/api/instrument-messages/999')).json<{ code: string }>().code).toBe(
      'SIL_CONNECT_MESSAGE_NOT_FOUND'
    );
    expect((await admin.post('/api/instrument-messages/999/replay', {})).json<{ code: string }>().code).toBe(
      'SIL_CONNECT_MESSAGE_NOT_FOUND'
    );
    expect((await technician.get('/api/instrument-messages?status=lost')).statusCode).toBe(400);
  });

  it('the raw view decodes the bytes with the message’s character set, control characters still visible', async () => {
    const create = async (code: string, protocol: 'astm' | 'hl7', charset: string): Promise<string> => {
      const res = await admin.post('/api/instruments', {
        code,
        name: code,
        protocol,
        role: 'server',
        host: '0.0.0.0',
        port: 0,
        charset,
      });
      expectStatus(res, 201);
      return res.json<{ id: string }>().id;
    };
    const hl7Id = await create('RAW-UTF8', 'hl7', 'iso-8859-1');
    const astmId = await create('RAW-1252', 'astm', 'windows-1252');
    const rawViewOf = async (instrumentId: string, protocol: 'astm' | 'hl7', raw: Uint8Array): Promise<string> => {
      const stored = await storeInbound(t.db.database, {
        instrumentId,
        protocol,
        raw,
        remoteAddress: null,
        messageType: null,
        controlId: null,
        status: 'error',
        errorCode: 'SIL_CONNECT_CODE_UNMAPPED',
        errorDetail: null,
      });
      const res = await technician.get(`/api/instrument-messages/${stored.id}`);
      expectStatus(res, 200);
      return res.json<{ rawView: string }>().rawView;
    };
    // UTF-8 declared in MSH-18 (the profile says Latin-1: the message's own declaration wins, as in processing).
    const hl7 = rawViewOf(
      hl7Id,
      'hl7',
      Buffer.from(
        '\vMSH|^~\\&|AN|LAB|||20261122||ORU^R01|1|P|2.5.1|||||||UNICODE UTF-8\rOBR|1|||GLY^Glycémie\r\x1c\r',
        'utf8'
      )
    );
    expect(await hl7).toBe(
      '<VT>MSH|^~\\&|AN|LAB|||20261122||ORU^R01|1|P|2.5.1|||||||UNICODE UTF-8<CR>\nOBR|1|||GLY^Glycémie<CR>\n<FS><CR>\n'
    );
    // Windows-1252 per the profile: 0xE9 is é, 0x80 is €, 0x9C is œ (Latin-1 would show C1 controls).
    const astm = Buffer.concat([
      Buffer.from('\x021H|\\^&|||X\rP|1||||C', 'latin1'),
      Buffer.from([0x9c, 0x75, 0x72, 0x20, 0xe9, 0x20, 0x80]),
      Buffer.from('\r\x0312\r\n', 'latin1'),
    ]);
    expect(await rawViewOf(astmId, 'astm', astm)).toBe('<STX>1H|\\^&|||X<CR>\nP|1||||Cœur é €<CR>\n<ETX>12<CR><LF>\n');
    // What the laboratory sends is shown the same way (the profile's character set).
    await insertOutbound(t.db.database, {
      instrumentId: astmId,
      protocol: 'astm',
      kind: 'query_answer',
      messageType: 'H,P,O,L',
      controlId: null,
      raw: Buffer.from([0x50, 0x7c, 0xe9, 0x0d]),
      inboundMessageId: null,
      specimenId: null,
      status: 'sent',
    });
    const outbound = (await technician.get(`/api/instrument-messages/outbound?instrumentId=${astmId}`)).json<{
      items: { rawView: string }[];
    }>().items;
    expect(outbound.map((item) => item.rawView)).toEqual(['P|é<CR>\n']);
  });
});
