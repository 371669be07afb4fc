/**
 * HL7 v2.5.1 links over MLLP with real sockets: ORU^R01 acknowledged AA only once its row is
 * committed; garbage, unreadable, oversized and trickled frames answered (AR) or cut while the link
 * stays up; 100 simultaneous connections; IHE LAW QC (SPM-11 = Q, INV lots) as QC runs; LAB-27
 * QBP^Q11 → RSP^K11 and LAB-28 OML^O33 work orders; IHE LTW LAB-1 OML^O21 → order + ORL^O22.
 */
import { createServer, type Socket } from 'node:net';
import { encodeMllp, MllpDecoder } from '@sillage/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, testAdminPassword, type TestApp, type TestClient } from '../testing/test-app.js';
import { expectStatus } from '../modules/orders/orders-test-helpers.js';
import {
  ackCodeOf,
  addMappings,
  count,
  createInstrument,
  eventually,
  Hl7TestSender,
  listeningPort,
  receivedTube,
} from './connect-test-support.js';

const maxFrameBytes = 64 * 1024;

function oru(controlId: string, barcode: string, observations: readonly [code: string, value: string][]): string {
  return [
    `MSH|^~\\&|cobas|LAB|SILLAGE|LABO|20260105093000+0100||ORU^R01^ORU_R01|${controlId}|P|2.5.1|||AL|NE||UNICODE UTF-8`,
    'PID|1||PAT1^^^LAB^PI||DUPONT^Marie||19650312|F',
    'OBR|1|||IONOS^Ionogramme',
    ...observations.map(
      ([code, value], index) =>
        `OBX|${index + 1}|NM|${code}^${code}^99ROC||${value}|mmol/L||N|||F|||20260105092000+0100||||c503^ROCHE|20260105092500+0100`
    ),
    `SPM|1|${barcode}&LAB||SER`,
    '',
  ].join('\r');
}

function segment(answer: string | undefined, name: string): string[] {
  return (
    answer
      ?.split(/\r|\n/)
      .find((s) => s.startsWith(`${name}|`))
      ?.split('|') ?? []
  );
}

describe('HL7 instrument links', () => {
  let t: TestApp;
  let admin: TestClient;
  let analyzer: string;
  let port: number;

  const messageRow = (controlId: string) =>
    t.db.database.query<{ id: number; status: string; error_code: string | null }>(
      'SELECT id::int AS id, status, error_code FROM inbound_message WHERE control_id = $1',
      [controlId]
    );
  const settled = (controlId: string) =>
    eventually(async () => {
      const [row] = await messageRow(controlId);
      return row !== undefined && row.status !== 'received' ? row : undefined;
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin', testAdminPassword);
    await t.app.services.instruments.startLinks(
      { hl7MaxFrameBytes: maxFrameBytes, partialMessageTimeoutMs: 800, pollMs: 200, workOrderScanMs: 300 },
      true
    );
    analyzer = (
      await createInstrument(admin, {
        code: 'COBAS-C503',
        name: 'Roche cobas c503',
        protocol: 'hl7',
        charset: 'utf-8',
      })
    ).id;
    await addMappings(admin, analyzer, [
      { instrumentCode: 'NA', analyteCode: 'SODIUM' },
      { instrumentCode: 'K', analyteCode: 'POTASSIUM' },
      { instrumentCode: '20340', analyteCode: 'CREATININE', factor: 88.4 },
    ]);
    port = await listeningPort(admin, analyzer);
  });

  afterAll(async () => {
    await t?.app.services.instruments.stopLinks();
    await t?.close();
  });

  it('ORU^R01 over MLLP: AA only after the message row is committed; results land as instrument results', async () => {
    const tube = await receivedTube(admin, ['IONOS']);
    const sender = await Hl7TestSender.connect(port);
    try {
      const answer = await sender.request(
        oru('ORU-0001', tube.barcode, [
          ['NA', '141'],
          ['K', '4.4'],
        ])
      );
      expect(ackCodeOf(answer)).toBe('AA');
      expect(segment(answer, 'MSA')[2]).toBe('ORU-0001');
      expect(segment(answer, 'MSH')[8]).toBe('ACK^R01^ACK');
      // The AA was written after the commit: the row is already there.
      expect(await messageRow('ORU-0001')).toHaveLength(1);
    } finally {
      await sender.close();
    }
    expect((await settled('ORU-0001')).status).toBe('processed');
    const rows = await t.db.database.query<{
      analyte_code: string;
      value_numeric: string;
      source: string;
      instrument: { runAt: string; equipment: string };
    }>(
      `SELECT r.analyte_code, rv.value_numeric::text AS value_numeric, rv.source, rv.instrument FROM result r
       JOIN result_version rv ON rv.result_id = r.id WHERE r.order_id = $1 ORDER BY r.analyte_code`,
      [tube.orderId]
    );
    expect(rows.map((r) => [r.analyte_code, Number(r.value_numeric), r.source])).toEqual([
      ['POTASSIUM', 4.4, 'instrument'],
      ['SODIUM', 141, 'instrument'],
    ]);
    // OBX-19 (analysis time) with its offset; OBX-18 equipment.
    expect(rows[1]?.instrument).toMatchObject({ runAt: '2026-01-05T08:25:00.000Z', equipment: 'c503' });
    const [ack] = await t.db.database.query<{ kind: string; status: string }>(
      `SELECT o.kind, o.status FROM outbound_message o JOIN inbound_message m ON m.id = o.inbound_message_id
       WHERE m.control_id = 'ORU-0001'`
    );
    expect(ack).toMatchObject({ kind: 'ack', status: 'sent' });
  });

  it('garbage, an unreadable frame and an unsupported type get AR (stored with status error); the link stays up', async () => {
    const before = await count(t, 'SELECT count(*) AS n FROM inbound_message');
    const sender = await Hl7TestSender.connect(port);
    try {
      sender.writeRaw('\x00\x01 random noise outside any frame \xff\r\n');
      sender.writeRaw('\x0bTHIS IS NOT HL7\r\x1c\x0d');
      const refused = await sender.nextAnswer();
      expect(ackCodeOf(refused)).toBe('AR');
      expect(segment(refused, 'ERR')[3]).toBe('100^Segment sequence error^HL70357');
      const adt = await sender.request(
        'MSH|^~\\&|HIS|H|SILLAGE|L|20260105||ADT^A01|ADT-1|P|2.5\rPID|1||X^^^H||DOE^JOHN\r'
      );
      expect(ackCodeOf(adt)).toBe('AR');
      expect(segment(adt, 'MSA')[2]).toBe('ADT-1');
      const tube = await receivedTube(admin, ['IONOS']);
      expect(ackCodeOf(await sender.request(oru('ORU-AFTER-GARBAGE', tube.barcode, [['NA', '140']])))).toBe('AA');
    } finally {
      await sender.close();
    }
    expect(await count(t, 'SELECT count(*) AS n FROM inbound_message')).toBe(before + 3);
    const errors = await t.db.database.query<{ error_code: string }>(
      `SELECT error_code FROM inbound_message WHERE status = 'error' ORDER BY id DESC LIMIT 2`
    );
    expect(errors.map((e) => e.error_code).sort()).toEqual([
      'SIL_CONNECT_MESSAGE_UNPARSEABLE',
      'SIL_CONNECT_UNSUPPORTED_MESSAGE',
    ]);
    expect((await settled('ORU-AFTER-GARBAGE')).status).toBe('processed');
  });

  it('an oversized frame is refused (AR 104) and a frame that never ends closes its connection only', async () => {
    const sender = await Hl7TestSender.connect(port);
    const slow = await Hl7TestSender.connect(port);
    try {
      sender.send(
        'MSH|^~\\&|X|Y|Z|W|20260105||ORU^R01|BIG-1|P|2.5.1\r' + 'NTE|1||'.padEnd(maxFrameBytes + 100, 'x') + '\r'
      );
      const refused = await sender.nextAnswer();
      expect(ackCodeOf(refused)).toBe('AR');
      expect(segment(refused, 'ERR')[3]).toContain('104');
      // A frame trickled byte by byte never completes: cut after partialMessageTimeoutMs.
      slow.writeRaw('\x0bMSH|^~\\&|');
      for (const char of 'SLOW') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        slow.writeRaw(char);
      }
      const tube = await receivedTube(admin, ['IONOS']);
      expect(ackCodeOf(await sender.request(oru('ORU-BESIDE-SLOW', tube.barcode, [['K', '3.8']])))).toBe('AA');
      await eventually(async () => (slow.closed ? true : undefined), 5000);
    } finally {
      await sender.close();
      await slow.close();
    }
    const recent = (await admin.get(`/api/instruments/${analyzer}`)).json<{
      status: { recentErrors: { code: string; detail: string }[] };
    }>().status.recentErrors;
    expect(recent.some((e) => e.code === 'SIL_HL7_MLLP_FRAMING' && e.detail.startsWith('frame-too-large'))).toBe(true);
    expect(recent.some((e) => e.detail.includes('connexion fermée'))).toBe(true);
  });

  it('100 simultaneous connections each get their AA and every message is stored once', async () => {
    const before = await count(t, 'SELECT count(*) AS n FROM inbound_message');
    const senders = await Promise.all(Array.from({ length: 100 }, () => Hl7TestSender.connect(port)));
    try {
      const answers = await Promise.all(
        senders.map((sender, index) => sender.request(oru(`MANY-${index}`, `ORPHAN-${index}`, [['NA', '140']]), 30_000))
      );
      expect(answers.map(ackCodeOf)).toEqual(Array.from({ length: 100 }, () => 'AA'));
      answers.forEach((answer, index) => expect(segment(answer, 'MSA')[2]).toBe(`MANY-${index}`));
      const live = (await admin.get(`/api/instruments/${analyzer}`)).json<{
        status: { connections: number; state: string };
      }>().status;
      expect(live).toMatchObject({ connections: 100, state: 'connected' });
    } finally {
      await Promise.all(senders.map((sender) => sender.close()));
    }
    expect(await count(t, 'SELECT count(*) AS n FROM inbound_message')).toBe(before + 100);
    // Unknown tubes: every one of them ends in the orphan list.
    await eventually(
      async () =>
        (await count(
          t,
          "SELECT count(*) AS n FROM inbound_message WHERE control_id LIKE 'MANY-%' AND status = 'orphan'"
        )) === 100
          ? true
          : undefined,
      30_000
    );
  });

  it('any byte stream (fast-check) gets AR answers or nothing, never a crash; the next valid message still gets its AA', async () => {
    const sender = await Hl7TestSender.connect(port);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(fc.constantFrom(0x0b, 0x1c, 0x0d, 0x0a, 0x7c, 0x5e), fc.integer({ min: 0, max: 255 })), {
            maxLength: 200,
          }),
          async (noise) => {
            run++;
            const controlId = `PROP-${run}`;
            sender.writeRaw(Uint8Array.from(noise));
            sender.send(oru(controlId, `PROP-TUBE-${run}`, [['NA', '140']]));
            for (let i = 0; i < 20; i++) {
              const answer = await sender.nextAnswer(5000);
              expect(answer).toBeDefined();
              if (segment(answer, 'MSA')[2] === controlId) {
                expect(ackCodeOf(answer)).toBe('AA');
                return;
              }
              expect(ackCodeOf(answer)).toBe('AR');
            }
            expect.unreachable('no answer to the valid message');
          }
        ),
        { numRuns: 20 }
      );
    } finally {
      await sender.close();
    }
  });

  it('IHE LAW QC (SPM-11 = Q): QC runs with the control and reagent lots, no patient result', async () => {
    const resultsBefore = await count(t, 'SELECT count(*) AS n FROM result_version');
    const qc = [
      'MSH|^~\\&|cobas pure||Host||20250701193219+0900||OUL^R22^OUL_R22|QC-159|P|2.5.1|||NE|AL||UNICODE UTF-8|||LAB-29^IHE',
      'SPM|1|20391&CONTROL||""|||||||Q^^HL70369|||~~~~|||||20260430',
      'INV|20391^PCCC1^99ROC|OK^^HL703843|CO^^HL70384|^^99ROC||||||||||||PCCC1-LOT7',
      'OBR|1|""||20340^^99ROC',
      'ORC|SC||||CM',
      'OBX|1|NM|20340^20340^99ROC^^^IHELAW|1|0.98|mg/dL^^99ROC||N^^HL70078|||F|||||HELV~BATCH||c303^ROCHE~24V5-03^ROCHE~1^ROCHE|20250701192446',
      'TCD|20340^^99ROC|^1^:^1',
      'INV|2034001|OK^^HL70383~CURRENT^^99ROC|R1|51193|1|12||||||20260531||||861168',
      'OBX|3|DTM|PT^Pipetting_Time^99ROC^S_OTHER^Other Supplemental^IHELAW|1|20250701191426|||N^^HL70078|||F',
      '',
    ].join('\r');
    const sender = await Hl7TestSender.connect(port);
    try {
      expect(ackCodeOf(await sender.request(qc))).toBe('AA');
    } finally {
      await sender.close();
    }
    const message = await settled('QC-159');
    expect(message.status).toBe('processed');
    const [run] = await t.db.database.query<{
      material: string;
      lot: string;
      analyte_code: string;
      value_numeric: string;
      run_at: Date;
    }>(
      'SELECT material, lot, analyte_code, value_numeric::text AS value_numeric, run_at FROM qc_run WHERE inbound_message_id = $1',
      [message.id]
    );
    // Factor 88.4 (mg/dL → µmol/L) applies to QC values too; OBX-19 in the sender's zone (MSH-7: +09:00).
    expect(run).toMatchObject({ material: '20391', lot: 'PCCC1-LOT7', analyte_code: 'CREATININE' });
    expect(Number(run?.value_numeric)).toBeCloseTo(86.632, 6);
    expect(run?.run_at.toISOString()).toBe('2025-07-01T10:24:46.000Z');
    expect(await count(t, 'SELECT count(*) AS n FROM result_version')).toBe(resultsBefore);
    expect(await count(t, 'SELECT count(*) AS n FROM qc_run WHERE inbound_message_id = $1', [message.id])).toBe(1);
  });

  it('client role: Sillage connects to the analyzer, answers it, reconnects after a drop; disabling the profile stops the link', async () => {
    const received: string[] = [];
    const sockets = new Set<Socket>();
    const analyzerSide = createServer((socket) => {
      sockets.add(socket);
      const decoder = new MllpDecoder();
      socket.on('data', (chunk: Buffer) => {
        for (const event of decoder.push(chunk)) {
          if (event.type === 'message') {
            received.push(Buffer.from(event.bytes).toString('utf8'));
          }
        }
      });
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => analyzerSide.listen(0, '127.0.0.1', resolve));
    const address = analyzerSide.address();
    const analyzerPort = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const created = await createInstrument(admin, {
        code: 'REMOTE-HL7',
        name: 'Analyseur en mode serveur',
        protocol: 'hl7',
        role: 'client',
        port: analyzerPort,
        charset: 'utf-8',
      });
      const firstSocket = await eventually(async () => [...sockets][0]);
      firstSocket.write(encodeMllp(Buffer.from(oru('CLIENT-1', 'CLIENT-TUBE-1', [['NA', '140']]))));
      await eventually(async () => (received.some((m) => m.includes('MSA|AA|CLIENT-1')) ? true : undefined));
      // The analyzer drops the connection: Sillage comes back (reconnect delay 1 s at first).
      firstSocket.destroy();
      const secondSocket = await eventually(async () => [...sockets].find((s) => s !== firstSocket), 10_000);
      secondSocket.write(encodeMllp(Buffer.from(oru('CLIENT-2', 'CLIENT-TUBE-2', [['NA', '141']]))));
      await eventually(async () => (received.some((m) => m.includes('MSA|AA|CLIENT-2')) ? true : undefined));
      expectStatus(
        await admin.patch(`/api/instruments/${created.id}`, { version: created.version, enabled: false }),
        200
      );
      await eventually(async () => (sockets.size === 0 ? true : undefined));
      expect(
        (await admin.get(`/api/instruments/${created.id}`)).json<{ status: { state: string } }>().status.state
      ).toBe('stopped');
    } finally {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => analyzerSide.close(() => resolve()));
    }
  });

  describe('bidirectional analyzer (IHE LAW LAB-27 / LAB-28)', () => {
    let bidirectional: string;
    let biPort: number;

    beforeAll(async () => {
      bidirectional = (
        await createInstrument(admin, {
          code: 'ATELLICA',
          name: 'Atellica CH',
          protocol: 'hl7',
          direction: 'bi',
          charset: 'utf-8',
        })
      ).id;
      await addMappings(admin, bidirectional, [{ instrumentCode: 'CA', analyteCode: 'CALCIUM' }]);
      biPort = await listeningPort(admin, bidirectional);
    });

    it('QBP^Q11 → RSP^K11 (QAK OK / NF), then the OML^O33 work order, whose ORL^O34 is recorded', async () => {
      const tube = await receivedTube(admin, ['CA']);
      const sender = await Hl7TestSender.connect(biPort);
      try {
        const query = (controlId: string, barcode: string) =>
          [
            `MSH|^~\\&|ATELLICA|LAB|SILLAGE|LABO|20260105100000+0100||QBP^Q11^QBP_Q11|${controlId}|P|2.5.1|||NE|AL||UNICODE UTF-8|||LAB-27^IHE`,
            `QPD|WOS^Work Order Step^IHE_LABTF|TAG-${controlId}|${barcode}`,
            'RCP|I|1^RD&Record&HL70126',
            '',
          ].join('\r');
        sender.send(query('QBP-1', tube.barcode));
        const answers = [await sender.nextAnswer(), await sender.nextAnswer()];
        const rsp = answers.find((a) => segment(a, 'MSH')[8] === 'RSP^K11^RSP_K11');
        const oml = answers.find((a) => segment(a, 'MSH')[8] === 'OML^O33^OML_O33');
        expect(segment(rsp, 'MSA').slice(1, 3)).toEqual(['AA', 'QBP-1']);
        expect(segment(rsp, 'QAK').slice(1, 3)).toEqual(['TAG-QBP-1', 'OK']);
        expect(segment(rsp, 'QPD')[3]).toBe(tube.barcode);
        expect(segment(oml, 'SPM')[2]).toBe(`${tube.barcode}&SILLAGE`);
        expect(segment(oml, 'ORC')[1]).toBe('NW');
        expect(segment(oml, 'OBR')[4]).toBe('CA^^99LIS');
        expect(segment(oml, 'PID')[5]).toBe('DUPONT^MARIE^^^^^L');
        const omlControlId = segment(oml, 'MSH')[9] as string;
        sender.send(
          `MSH|^~\\&|ATELLICA|LAB|SILLAGE|LABO|20260105100001||ORL^O34^ORL_O34|ORL-1|P|2.5.1\rMSA|AA|${omlControlId}\r`
        );
        await eventually(async () => {
          const [row] = await t.db.database.query<{ status: string }>(
            "SELECT status FROM outbound_message WHERE control_id = $1 AND kind = 'work_order'",
            [omlControlId]
          );
          return row?.status === 'acknowledged' ? true : undefined;
        });
        const nothing = await sender.request(query('QBP-2', 'NO-SUCH-TUBE'));
        expect(segment(nothing, 'QAK')[2]).toBe('NF');
      } finally {
        await sender.close();
      }
      // The analyzer's answer is logged too, and never acknowledged back (no ACK of an ACK).
      expect((await messageRow('ORL-1'))[0]?.status).toBe('processed');
    });

    it('pushes the work order of a tube received while the analyzer is connected (LAB-28)', async () => {
      const sender = await Hl7TestSender.connect(biPort);
      try {
        const tube = await receivedTube(admin, ['CA']);
        let oml: string | undefined;
        for (let i = 0; i < 20 && oml === undefined; i++) {
          const answer = await sender.nextAnswer(2000);
          if (segment(answer, 'SPM')[2] === `${tube.barcode}&SILLAGE`) {
            oml = answer;
          }
        }
        expect(segment(oml, 'MSH')[20]).toBe('LAB-28^IHE'); // MSH-21 (MSH-1 is the separator)
      } finally {
        await sender.close();
      }
    });
  });

  describe('orders from a clinic (IHE LTW LAB-1)', () => {
    let placerPort: number;

    beforeAll(async () => {
      const clinic = await createInstrument(admin, {
        code: 'CLINIQUE-ST-JEAN',
        name: 'Clinique Saint-Jean',
        kind: 'order_placer',
        protocol: 'hl7',
        charset: 'utf-8',
      });
      placerPort = await listeningPort(admin, clinic.id);
    });

    const oml = (
      controlId: string,
      tests: readonly string[],
      name = 'MARTIN^Lucie^Anne^^^^L',
      birthDate = '19790315'
    ) =>
      [
        `MSH|^~\\&|HIS|CLINIQUE|SILLAGE|LABO|20260105080000+0100||OML^O21^OML_O21|${controlId}|P|2.5.1|||AL|AL||UNICODE UTF-8`,
        `PID|1||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS~IPP123^^^CLINIQUE^PI||${name}||${birthDate}|F`,
        'PV1|1|I|CHIR^101^1',
        ...tests.flatMap((test, index) => [
          `ORC|NW|CMD-${controlId}-${index}^CLINIQUE`,
          'TQ1|||||||||S',
          `OBR|${index + 1}|CMD-${controlId}-${index}^CLINIQUE||${test}|||||||||Post-opératoire J1`,
        ]),
        '',
      ].join('\r');

    it('OML^O21 creates the order (patient created PROV), answered ORL^O22 AA with our order number; a resend gives the same answer, no second order', async () => {
      const ordersBefore = await count(t, 'SELECT count(*) AS n FROM lab_order');
      const sender = await Hl7TestSender.connect(placerPort);
      let answer: string | undefined;
      try {
        answer = await sender.request(oml('ORD-1', ['IONOS', 'CREA']));
        expect(ackCodeOf(answer)).toBe('AA');
        expect(segment(answer, 'MSH')[8]).toBe('ORL^O22^ORL_O22');
        const orcs = (answer ?? '').split('\r').filter((s) => s.startsWith('ORC|'));
        expect(orcs.map((orc) => orc.split('|').slice(1, 3))).toEqual([
          ['OK', 'CMD-ORD-1-0'],
          ['OK', 'CMD-ORD-1-1'],
        ]);
        const again = await sender.request(oml('ORD-1', ['IONOS', 'CREA']));
        expect(again).toBe(answer);
      } finally {
        await sender.close();
      }
      const orderNumber = segment(answer, 'ORC')[3]?.split('^')[0] as string;
      const [order] = await t.db.database.query<{
        urgency: string;
        clinical_info: string;
        birth_name: string;
        identity_status: string;
      }>(
        `SELECT o.urgency, o.clinical_info, p.birth_name, p.identity_status FROM lab_order o JOIN patient p ON p.id = o.patient_id
         WHERE o.order_number = $1`,
        [orderNumber]
      );
      expect(order).toMatchObject({
        urgency: 'urgent',
        clinical_info: 'Post-opératoire J1',
        birth_name: 'MARTIN',
        identity_status: 'PROV',
      });
      expect(await count(t, 'SELECT count(*) AS n FROM lab_order')).toBe(ordersBefore + 1);
      expect(
        await count(
          t,
          `SELECT count(*) AS n FROM result r JOIN lab_order o ON o.id = r.order_id WHERE o.order_number = $1`,
          [orderNumber]
        )
      ).toBeGreaterThanOrEqual(5);
      const [audit] = await t.db.database.query<{ actor_id: string | null; request_id: string }>(
        "SELECT actor_id, request_id FROM audit_event WHERE action = 'order.created' ORDER BY id DESC LIMIT 1"
      );
      expect(audit?.actor_id).toBeNull();
      expect(audit?.request_id).toMatch(/^inbound:\d+$/);
    });

    it('the same patient is matched by strict traits on a later order; an unknown test is refused (ORL^O22 AE, ORC UA), nothing created', async () => {
      const patientsBefore = await count(t, 'SELECT count(*) AS n FROM patient');
      const ordersBefore = await count(t, 'SELECT count(*) AS n FROM lab_order');
      const sender = await Hl7TestSender.connect(placerPort);
      try {
        const second = await sender.request(oml('ORD-2', ['K']));
        expect(ackCodeOf(second)).toBe('AA');
        const refused = await sender.request(oml('ORD-3', ['NOT-A-TEST']));
        expect(ackCodeOf(refused)).toBe('AE');
        expect(segment(refused, 'ERR')[3]).toBe('103^Table value not found^HL70357');
        expect(segment(refused, 'ORC').slice(1, 3)).toEqual(['UA', 'CMD-ORD-3-0']);
        const anonymous = await sender.request(oml('ORD-4', ['K'], '^^^^^^L'));
        expect(ackCodeOf(anonymous)).toBe('AR');
        expect(segment(anonymous, 'ERR')[3]).toBe('101^Required field missing^HL70357');
      } finally {
        await sender.close();
      }
      expect(await count(t, 'SELECT count(*) AS n FROM patient')).toBe(patientsBefore);
      expect(await count(t, 'SELECT count(*) AS n FROM lab_order')).toBe(ordersBefore + 1);
      expect((await messageRow('ORD-3'))[0]).toMatchObject({ status: 'error', error_code: 'SIL_ANALYSIS_UNKNOWN' });
      const errorQueue = (await admin.get('/api/instrument-messages/errors')).json<{ items: { controlId: string }[] }>()
        .items;
      expect(errorQueue.map((m) => m.controlId)).toEqual(expect.arrayContaining(['ORD-3', 'ORD-4']));
      expectStatus(await admin.get('/api/instrument-messages/outbound?status=sent'), 200);
    });
  });
});
