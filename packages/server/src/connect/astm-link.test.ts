/**
 * ASTM E1381/E1394 links over real sockets: a whole ENQ…EOT session with a checksum error
 * retransmitted, results landing as instrument results then technically validated; the final ACK
 * only once the message is committed; bad input (garbage, frame-number jump, oversized frame,
 * delimiter mismatch, a sender trickling bytes) answered per E1381 while the link stays up;
 * orphans assigned and replayed; unmapped codes remapped and replayed; QC runs; host queries;
 * Windows-1252 names.
 */
import { createHash } from 'node:crypto';
import { AstmControl, buildAstmFrames, encodeInstrumentText, type InstrumentCharset } from '@sillage/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  loginAs,
  testAdminPassword,
  type TestApp,
  type TestClient,
} from '../testing/test-app.js';
import { expectStatus } from '../modules/orders/orders-test-helpers.js';
import {
  addMappings,
  AstmTestInstrument,
  count,
  createInstrument,
  eventually,
  listeningPort,
  receivedTube,
} from './connect-test-support.js';

const { ENQ, ACK, NAK, EOT } = AstmControl;

function resultMessage(
  barcode: string,
  results: readonly [code: string, value: string, unit: string][],
  extra = ''
): string {
  const records = [
    'H|\\^&|||c311^1|||||host|RSUPL^REAL|P|1|20260105093000',
    'P|1||PAT1||DUPONT^Marie||19650312|F',
    `O|1|${barcode}||${results.map(([code]) => `^^^${code}`).join('\\')}|R||||||N||||Serum`,
    ...results.map(
      ([code, value, unit], index) => `R|${index + 1}|^^^${code}|${value}|${unit}||N||F||||20260105092500|c311`
    ),
    ...(extra === '' ? [] : [extra]),
    'L|1|N',
  ];
  return `${records.join('\r')}\r`;
}

function sha256(text: string, charset: InstrumentCharset = 'iso-8859-1'): string {
  return createHash('sha256').update(encodeInstrumentText(text, charset)).digest('hex');
}

interface InboundRow {
  id: number;
  status: string;
  error_code: string | null;
  specimen_ids: string[];
}

describe('ASTM instrument links', () => {
  let t: TestApp;
  let admin: TestClient;
  let technician: TestClient;
  let instrumentId: string;
  let port: number;

  const inbound = async (hash: string): Promise<InboundRow | undefined> =>
    (
      await t.db.database.query<InboundRow>(
        'SELECT id::int AS id, status, error_code, specimen_ids FROM inbound_message WHERE sha256 = $1',
        [hash]
      )
    )[0];
  const settled = (hash: string): Promise<InboundRow> =>
    eventually(async () => {
      const row = await inbound(hash);
      return row !== undefined && row.status !== 'received' ? row : undefined;
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
    technician = await loginAs(t, ['technicien']);
    await t.app.services.instruments.startLinks(
      { astm: { receiveTimeoutMs: 1500, maxReceivedFrameText: 4096 }, pollMs: 200, workOrderScanMs: 60_000 },
      true
    );
    const instrument = await createInstrument(admin, {
      code: 'COBAS-C311',
      name: 'Roche cobas c311',
      protocol: 'astm',
      direction: 'bi',
      qcSpecimenPattern: '^QC-(?<lot>[A-Z0-9]+)',
    });
    instrumentId = instrument.id;
    await addMappings(admin, instrumentId, [
      { instrumentCode: 'CREA', analyteCode: 'CREATININE' },
      { instrumentCode: 'NA', analyteCode: 'SODIUM' },
      { instrumentCode: 'K', analyteCode: 'POTASSIUM' },
      { instrumentCode: 'CL', analyteCode: 'CHLORE' },
      // The analyzer reports glucose in mg/dL; the catalogue keeps mmol/L (1 mg/dL = 0.0555 mmol/L).
      { instrumentCode: 'GLUC', analyteCode: 'GLUCOSE', factor: 0.0555 },
    ]);
    port = await listeningPort(admin, instrumentId);
  });

  afterAll(async () => {
    await t?.app.services.instruments.stopLinks();
    await t?.close();
  });

  it('a whole session: ENQ, a frame with a bad checksum NAKed then resent, final ACK only once stored, EOT; results land as instrument results and are validated technically', async () => {
    const tube = await receivedTube(admin, ['CREA', 'IONOS']);
    const text = resultMessage(tube.barcode, [
      ['CREA', '88', 'umol/L'],
      ['NA', '141', 'mmol/L'],
      ['K', '4.2', 'mmol/L'],
    ]);
    const frames = buildAstmFrames(text, { maxText: 64 });
    expect(frames.length).toBeGreaterThan(2);
    const instrument = await AstmTestInstrument.connect(port);
    try {
      expect(await instrument.exchange([ENQ])).toBe(ACK);
      const first = frames[0] as Uint8Array;
      const corrupted = Uint8Array.from(first);
      const checksumAt = corrupted.length - 4; // … <ETB> C1 C2 <CR> <LF>
      corrupted[checksumAt] = corrupted[checksumAt] === 0x30 ? 0x31 : 0x30;
      expect(await instrument.exchange(corrupted)).toBe(NAK);
      expect(await instrument.exchange(first)).toBe(ACK); // E1381 §6.5.1: retransmission accepted
      for (const frame of frames.slice(1, -1)) {
        expect(await instrument.exchange(frame)).toBe(ACK);
      }
      expect(await inbound(sha256(text))).toBeUndefined();
      expect(await instrument.exchange(frames.at(-1) as Uint8Array)).toBe(ACK);
      // The ACK of the final frame left only after the commit: the row is there.
      expect(await inbound(sha256(text))).toBeDefined();
      instrument.write([EOT]);
    } finally {
      await instrument.close();
    }

    const message = await settled(sha256(text));
    expect(message).toMatchObject({ status: 'processed', error_code: null, specimen_ids: [tube.barcode] });
    const versions = await t.db.database.query<{
      analyte_code: string;
      status: string;
      source: string;
      value_numeric: string;
      instrument: { code: string; runAt: string; flags: string[]; equipment: string; inboundMessageId: number } | null;
      entered_by: string | null;
    }>(
      `SELECT r.analyte_code, r.status, rv.source, rv.value_numeric::text AS value_numeric, rv.instrument, rv.entered_by
       FROM result r JOIN result_version rv ON rv.result_id = r.id AND rv.version = r.current_version
       WHERE r.order_id = $1 ORDER BY r.analyte_code`,
      [tube.orderId]
    );
    const byCode = new Map(versions.map((v) => [v.analyte_code, v]));
    expect(byCode.get('CREATININE')).toMatchObject({ status: 'entered', source: 'instrument', entered_by: null });
    expect(Number(byCode.get('CREATININE')?.value_numeric)).toBe(88);
    expect(byCode.get('CREATININE')?.instrument).toMatchObject({
      code: 'COBAS-C311',
      flags: ['N'],
      equipment: 'c311',
      inboundMessageId: message.id,
      // R.13 20260105092500, Paris winter time (UTC+1).
      runAt: '2026-01-05T08:25:00.000Z',
    });
    expect(Number(byCode.get('POTASSIUM')?.value_numeric)).toBe(4.2);
    // The calculated eGFR follows its creatinine input, as with bench entry.
    expect(byCode.get('DFG_CKDEPI')).toMatchObject({ source: 'calculated', status: 'entered' });
    expect(byCode.get('CHLORE')?.status).toBeUndefined(); // not sent: still pending (no version)

    const toValidate = await t.db.database.query<{ id: string }>(
      "SELECT id FROM result WHERE order_id = $1 AND analyte_code IN ('CREATININE', 'SODIUM')",
      [tube.orderId]
    );
    const validation = await technician.post('/api/results/validate-technical', {
      resultIds: toValidate.map((row) => row.id),
    });
    expectStatus(validation, 200);
    expect(
      validation
        .json<{ validated: { analyteCode: string }[] }>()
        .validated.map((v) => v.analyteCode)
        .sort()
    ).toEqual(['CREATININE', 'SODIUM']);

    const status = (await admin.get(`/api/instruments/${instrumentId}`)).json<{
      status: { messagesReceived: number; recentErrors: { code: string }[]; lastMessageAt: string | null };
    }>().status;
    expect(status.messagesReceived).toBeGreaterThanOrEqual(1);
    expect(status.lastMessageAt).not.toBeNull();
    expect(status.recentErrors.map((e) => e.code)).toContain('SIL_ASTM_FRAME_CHECKSUM');
  });

  it('bad input gets NAK and the link stays up: garbage before ENQ, frame-number jump, oversized frame; a valid message after still works', async () => {
    const tube = await receivedTube(admin, ['IONOS']);
    const text = resultMessage(tube.barcode, [['CL', '101', 'mmol/L']]);
    const instrument = await AstmTestInstrument.connect(port);
    try {
      // E1381 §6.2: in the neutral state anything but ENQ is ignored.
      instrument.write(Buffer.from('\x00\xff garbage \x02\x03 noise', 'latin1'));
      expect(await instrument.exchange([ENQ])).toBe(ACK);
      const [frame] = buildAstmFrames(text, { firstFrameNumber: 3 });
      expect(await instrument.exchange(frame as Uint8Array)).toBe(NAK); // frame 3 where 1 is expected
      const oversized = buildAstmFrames('R|'.padEnd(5000, 'X'), { maxText: 5000 })[0] as Uint8Array;
      expect(await instrument.exchange(oversized)).toBe(NAK); // > maxReceivedFrameText
      instrument.write([EOT]);
      expect(await instrument.sendMessage(text)).toBe(true);
    } finally {
      await instrument.close();
    }
    expect((await settled(sha256(text))).status).toBe('processed');
    const errors = (await admin.get(`/api/instruments/${instrumentId}`))
      .json<{
        status: { recentErrors: { code: string }[] };
      }>()
      .status.recentErrors.map((e) => e.code);
    expect(errors).toEqual(expect.arrayContaining(['SIL_ASTM_FRAME_NUMBER', 'SIL_ASTM_FRAME_TOO_LONG']));
  });

  it('any byte stream (fast-check) is answered by ACK/NAK/EOT or ignored, never a crash; a valid session follows', async () => {
    const instrument = await AstmTestInstrument.connect(port);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              fc.constantFrom(0x02, 0x03, 0x04, 0x05, 0x06, 0x15, 0x17, 0x0d, 0x0a, 0x31, 0x7c),
              fc.integer({ min: 0, max: 255 })
            ),
            { maxLength: 200 }
          ),
          async (noise) => {
            run++;
            instrument.write(noise);
            instrument.write([EOT]);
            await new Promise((resolve) => setTimeout(resolve, 30));
            const answers = instrument.reader.take();
            expect(answers.every((byte) => byte === ACK || byte === NAK || byte === EOT)).toBe(true);
            expect(await instrument.sendMessage(resultMessage(`PROP-${run}`, [['NA', '140', 'mmol/L']]))).toBe(true);
          }
        ),
        { numRuns: 20 }
      );
    } finally {
      await instrument.close();
    }
  });

  it('a frame repeated after a lost ACK is acknowledged and stored once', async () => {
    const tube = await receivedTube(admin, ['IONOS']);
    const text = resultMessage(tube.barcode, [['NA', '139', 'mmol/L']]);
    const [frame] = buildAstmFrames(text);
    const instrument = await AstmTestInstrument.connect(port);
    try {
      expect(await instrument.exchange([ENQ])).toBe(ACK);
      expect(await instrument.exchange(frame as Uint8Array)).toBe(ACK);
      // The instrument did not see our ACK and repeats the frame (E1381 §6.5.1).
      expect(await instrument.exchange(frame as Uint8Array)).toBe(ACK);
      instrument.write([EOT]);
      // … and later sends the whole message again in a new session.
      expect(await instrument.sendMessage(text)).toBe(true);
    } finally {
      await instrument.close();
    }
    await settled(sha256(text));
    expect(await count(t, 'SELECT count(*) AS n FROM inbound_message WHERE sha256 = $1', [sha256(text)])).toBe(1);
    expect(
      await count(
        t,
        `SELECT count(*) AS n FROM result_version rv JOIN result r ON r.id = rv.result_id
         WHERE r.order_id = $1 AND r.analyte_code = 'SODIUM'`,
        [tube.orderId]
      )
    ).toBe(1);
  });

  it('a sender trickling bytes times out (E1381 receive timer) without blocking another connection; nothing half-written', async () => {
    const tube = await receivedTube(admin, ['IONOS']);
    const slowText = resultMessage('SLOW-0001', [['NA', '150', 'mmol/L']]);
    const fastText = resultMessage(tube.barcode, [['K', '3.9', 'mmol/L']]);
    const before = await count(t, 'SELECT count(*) AS n FROM inbound_message');
    const slow = await AstmTestInstrument.connect(port);
    const fast = await AstmTestInstrument.connect(port);
    try {
      expect(await slow.exchange([ENQ])).toBe(ACK);
      const slowFrame = buildAstmFrames(slowText)[0] as Uint8Array;
      const trickle = (async () => {
        for (const byte of slowFrame.subarray(0, 12)) {
          slow.write([byte]);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      expect(await fast.sendMessage(fastText)).toBe(true);
      await trickle;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await slow.close();
      await fast.close();
    }
    await settled(sha256(fastText));
    expect(await count(t, 'SELECT count(*) AS n FROM inbound_message')).toBe(before + 1);
    const errors = (await admin.get(`/api/instruments/${instrumentId}`))
      .json<{
        status: { recentErrors: { code: string }[] };
      }>()
      .status.recentErrors.map((e) => e.code);
    expect(errors).toContain('SIL_ASTM_LINK_TIMEOUT');
  });

  it('an unknown specimen id makes an orphan (nothing recorded); assigned to the right tube and replayed, its results land', async () => {
    const tube = await receivedTube(admin, ['CREA']);
    const text = resultMessage('UNKNOWN-42', [['CREA', '120', 'umol/L']]);
    const instrument = await AstmTestInstrument.connect(port);
    expect(await instrument.sendMessage(text)).toBe(true);
    await instrument.close();
    const orphan = await settled(sha256(text));
    expect(orphan).toMatchObject({
      status: 'orphan',
      error_code: 'SIL_CONNECT_SPECIMEN_UNKNOWN',
      specimen_ids: ['UNKNOWN-42'],
    });
    const orphans = (await technician.get('/api/instrument-messages/orphans')).json<{ items: { id: number }[] }>()
      .items;
    expect(orphans.map((o) => o.id)).toContain(orphan.id);
    expect(
      await count(
        t,
        'SELECT count(*) AS n FROM result_version rv JOIN result r ON r.id = rv.result_id WHERE r.order_id = $1',
        [tube.orderId]
      )
    ).toBe(0);

    // A technician may look, not assign (instruments.manage).
    expect(
      (
        await technician.post(`/api/instrument-messages/${orphan.id}/assign`, {
          messageSpecimenId: 'UNKNOWN-42',
          barcode: tube.barcode,
          reason: 'étiquette illisible',
        })
      ).statusCode
    ).toBe(403);
    const wrong = await admin.post(`/api/instrument-messages/${orphan.id}/assign`, {
      messageSpecimenId: 'OTHER',
      barcode: tube.barcode,
      reason: 'étiquette illisible',
    });
    expect(wrong.json<{ code: string }>().code).toBe('SIL_CONNECT_NOT_ORPHAN');
    const assigned = await admin.post(`/api/instrument-messages/${orphan.id}/assign`, {
      messageSpecimenId: 'UNKNOWN-42',
      barcode: tube.barcode,
      reason: 'étiquette illisible, tube identifié par le technicien',
    });
    expectStatus(assigned, 200);
    expect(assigned.json()).toMatchObject({ status: 'processed', errorCode: null });
    const [creatinine] = await t.db.database.query<{ value_numeric: string; source: string }>(
      `SELECT rv.value_numeric::text AS value_numeric, rv.source FROM result r
       JOIN result_version rv ON rv.result_id = r.id AND rv.version = r.current_version
       WHERE r.order_id = $1 AND r.analyte_code = 'CREATININE'`,
      [tube.orderId]
    );
    expect(creatinine).toMatchObject({ source: 'instrument' });
    expect(Number(creatinine?.value_numeric)).toBe(120);
    const [event] = await t.db.database.query<{ patient_id: string; reason: string }>(
      "SELECT patient_id, reason FROM audit_event WHERE action = 'instrument_message.assigned' AND entity_id = $1",
      [String(orphan.id)]
    );
    expect(event).toMatchObject({ patient_id: tube.patientId });
  });

  it('an unmapped code puts the message in the error queue (nothing recorded); mapped, then replayed, it lands with the unit factor', async () => {
    const tube = await receivedTube(admin, ['IONOS', 'GLY']);
    const glucoseTube = (
      await t.db.database.query<{ barcode: string }>(
        `SELECT s.barcode FROM specimen s JOIN result r ON r.specimen_id = s.id
         WHERE r.order_id = $1 AND r.analyte_code = 'GLUCOSE'`,
        [tube.orderId]
      )
    )[0]?.barcode as string;
    await admin.post('/api/specimens/collect', { barcodes: [glucoseTube] });
    await admin.post(`/api/specimens/${glucoseTube}/receive`, {
      accept: true,
      identityMatches: true,
      containerOk: true,
      fillingOk: true,
      temperature: 'ambiante',
      haemolysis: 0,
      lipaemia: 0,
      icterus: 0,
    });
    const text = resultMessage(glucoseTube, [
      ['GLUC', '99', 'mg/dL'],
      ['HBA1C', '6.1', '%'],
    ]);
    const instrument = await AstmTestInstrument.connect(port);
    expect(await instrument.sendMessage(text)).toBe(true);
    await instrument.close();
    const failed = await settled(sha256(text));
    expect(failed).toMatchObject({ status: 'error', error_code: 'SIL_CONNECT_CODE_UNMAPPED' });
    const queue = (await technician.get('/api/instrument-messages/errors')).json<{
      items: { id: number; errorDetail: string }[];
    }>().items;
    expect(queue.find((m) => m.id === failed.id)?.errorDetail).toBe('HBA1C');
    expect(
      await count(
        t,
        "SELECT count(*) AS n FROM result r JOIN result_version rv ON rv.result_id = r.id WHERE r.order_id = $1 AND r.analyte_code = 'GLUCOSE'",
        [tube.orderId]
      )
    ).toBe(0);

    await addMappings(admin, instrumentId, [{ instrumentCode: 'HBA1C', analyteCode: 'HBA1C' }]);
    const replayed = await admin.post(`/api/instrument-messages/${failed.id}/replay`, { reason: 'code HBA1C ajouté' });
    expectStatus(replayed, 200);
    expect(replayed.json()).toMatchObject({ status: 'processed' });
    const [glucose] = await t.db.database.query<{
      value_numeric: string;
      instrument: { rawValue: string; factor: number };
    }>(
      `SELECT rv.value_numeric::text AS value_numeric, rv.instrument FROM result r
       JOIN result_version rv ON rv.result_id = r.id WHERE r.order_id = $1 AND r.analyte_code = 'GLUCOSE'`,
      [tube.orderId]
    );
    // 99 mg/dL × 0.0555 = 5.49 mmol/L (catalogue: 2 decimals); the raw value stays in the stamp.
    expect(Number(glucose?.value_numeric)).toBe(5.49);
    expect(glucose?.instrument).toMatchObject({ rawValue: '99', factor: 0.0555 });
    // HBA1C was not ordered on this tube: noted, not recorded.
    const outcome = (await admin.get(`/api/instrument-messages/${failed.id}`)).json<{ outcome: { notes: string[] } }>()
      .outcome;
    expect(outcome.notes.join(' ')).toContain('HBA1C');
    // A processed message cannot be replayed again.
    expect((await admin.post(`/api/instrument-messages/${failed.id}/replay`, {})).json<{ code: string }>().code).toBe(
      'SIL_CONNECT_MESSAGE_NOT_REPLAYABLE'
    );
  });

  it('control material becomes QC runs with its lot, never patient results', async () => {
    const resultsBefore = await count(t, 'SELECT count(*) AS n FROM result_version');
    const text = resultMessage('QC-L2024A', [
      ['NA', '120', 'mmol/L'],
      ['K', '6.0', 'mmol/L'],
      ['UNMAPPED', '1.5', 'U'],
    ]);
    const instrument = await AstmTestInstrument.connect(port);
    expect(await instrument.sendMessage(text)).toBe(true);
    await instrument.close();
    const message = await settled(sha256(text));
    expect(message.status).toBe('processed');
    const runs = (await technician.get(`/api/qc-runs?instrumentId=${instrumentId}`))
      .json<{
        items: {
          inboundMessageId: number;
          material: string;
          lot: string;
          instrumentCode: string;
          analyteCode: string | null;
          valueNumeric: number;
        }[];
      }>()
      .items.filter((run) => run.inboundMessageId === message.id);
    expect(runs.map((r) => [r.instrumentCode, r.analyteCode, r.valueNumeric, r.lot]).sort()).toEqual([
      ['K', 'POTASSIUM', 6, 'L2024A'],
      ['NA', 'SODIUM', 120, 'L2024A'],
      ['UNMAPPED', null, 1.5, 'L2024A'],
    ]);
    expect(await count(t, 'SELECT count(*) AS n FROM result_version')).toBe(resultsBefore);
  });

  it('answers a host query (Q record) with the pending analyses in the analyzer codes, and report type Y for an unknown tube', async () => {
    const tube = await receivedTube(admin, ['IONOS']);
    const query = `H|\\^&|||c311^1|||||host|TSREQ^REAL|P|1\rQ|1|^${tube.barcode}\\^NOPE-1||ALL||||||||O\rL|1|N\r`;
    const instrument = await AstmTestInstrument.connect(port);
    try {
      expect(await instrument.sendMessage(query)).toBe(true);
      const answer = await instrument.receiveMessage();
      expect(answer).toBeDefined();
      const records = (answer ?? '').split('\r').filter((r) => r !== '');
      const orders = records.filter((r) => r.startsWith('O|'));
      const known = orders.find((o) => o.split('|')[2] === tube.barcode) ?? '';
      expect(known.split('|')[4]?.split('\\').sort()).toEqual(['^^^CL', '^^^K', '^^^NA']);
      expect(known.split('|')[25]).toBe('Q');
      const unknown = orders.find((o) => o.split('|')[2] === 'NOPE-1') ?? '';
      expect(unknown.split('|')[25]).toBe('Y');
      expect(records.find((r) => r.startsWith('P|'))).toContain('DUPONT^MARIE');
      expect(records.at(-1)).toBe('L|1|F');
    } finally {
      await instrument.close();
    }
    const [logged] = await t.db.database.query<{ kind: string; status: string }>(
      `SELECT kind, status FROM outbound_message WHERE instrument_id = $1 AND kind = 'query_answer' ORDER BY id DESC LIMIT 1`,
      [instrumentId]
    );
    expect(logged).toMatchObject({ kind: 'query_answer', status: 'acknowledged' });
  });

  it('reads Windows-1252 names right, shows control characters in the raw view, and a delimiter mismatch goes to the error queue', async () => {
    const latin = await createInstrument(admin, {
      code: 'PENTRA-XLR',
      name: 'Horiba Pentra XLR',
      protocol: 'astm',
      charset: 'windows-1252',
    });
    const latinPort = await listeningPort(admin, latin.id);
    const named = 'H|\\^&|||PENTRA|||||||P\rP|1||||ŒDIPE^Zoé||19800101|F\rL|1|N\r';
    const broken = 'H|\\^&|||PENTRA|||||||P\rO;1;X;;^^^NA\rL|1|N\r';
    const instrument = await AstmTestInstrument.connect(latinPort);
    try {
      expect(
        await instrument.sendMessage(Buffer.from(encodeInstrumentText(named, 'windows-1252')).toString('latin1'))
      ).toBe(true);
      expect(await instrument.sendMessage(broken)).toBe(true);
    } finally {
      await instrument.close();
    }
    const stored = await settled(sha256(named, 'windows-1252'));
    const detail = (await admin.get(`/api/instrument-messages/${stored.id}`)).json<{ text: string; rawView: string }>();
    expect(detail.text).toContain('ŒDIPE^Zoé');
    expect(detail.rawView.startsWith('H|\\^&|||PENTRA|||||||P<CR>\n')).toBe(true);
    const mismatch = await settled(sha256(broken));
    expect(mismatch).toMatchObject({ status: 'error', error_code: 'SIL_ASTM_DELIMITER_MISMATCH' });
    const [access] = await t.db.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'instrument_message.read' AND entity_id = $1",
      [String(stored.id)]
    );
    expect(access?.n).toBe(1);
  });
});
