import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { labelDocument, type LabelData } from './label-document.js';
import { code128Svg } from './labels.service.js';
import { createOrder, createPatient, expectStatus, type OrderBody } from './orders-test-helpers.js';
import { renderPdf } from './pdf-engine.js';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sillage-labels-'));
  try {
    const file = join(dir, 'labels.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page objects of a PDF (pdfkit writes "/Type /Page" per page and "/Type /Pages" for the tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1] ?? '');
}

describe('tube labels', () => {
  let t: TestApp;
  let desk: TestClient;
  let sampler: TestClient;
  let order: OrderBody;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    sampler = await loginAs(t, ['preleveur']);
    patientId = (
      await createPatient(desk, {
        birthName: 'Lefèvre',
        usedName: 'Nguyễn',
        firstFirstName: 'Zoé',
        birthFirstNames: 'Zoé Anne',
      })
    ).id;
    order = await createOrder(desk, patientId, ['NFS', 'GLY', 'CREA']);
  });
  afterAll(async () => t?.close());

  it('prints one 50 × 25 mm page per tube, the same bytes each time, audited with the patient', async () => {
    const res = await sampler.get(`/api/orders/${order.id}/labels`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="etiquettes-${order.orderNumber}.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(order.specimens.length);
    // 50 × 25 mm = 141.73 × 70.87 pt (PDF user space unit 1/72 in).
    for (const box of mediaBoxes(pdf)) {
      expect(box.split(' ').map(Number)).toEqual([0, 0, expect.closeTo(141.73, 1), expect.closeTo(70.87, 1)]);
    }
    const again = await sampler.get(`/api/orders/${order.id}/labels`);
    expect(Buffer.compare(again.rawPayload, pdf)).toBe(0);
    const events = await t.db.database.query<{ patient_id: string; after: { barcodes: string[]; format: string } }>(
      "SELECT patient_id, after FROM audit_event WHERE action = 'labels.printed' AND entity_id = $1",
      [order.id]
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      patient_id: patientId,
      after: { format: 'label50x25', barcodes: order.specimens.map((s) => s.barcode) },
    });
  });

  it('prints an A4 sheet of 3 × 8 labels, and one tube’s label on request', async () => {
    const sheet = await desk.get(`/api/orders/${order.id}/labels?format=a4`);
    expectStatus(sheet, 200);
    expect(pageCount(sheet.rawPayload)).toBe(1);
    expect(mediaBoxes(sheet.rawPayload)[0]?.split(' ').map(Number)).toEqual([
      0,
      0,
      expect.closeTo(595.28, 1),
      expect.closeTo(841.89, 1),
    ]);
    const single = await desk.get(`/api/orders/${order.id}/labels?barcode=${order.specimens[0]?.barcode}`);
    expect(pageCount(single.rawPayload)).toBe(1);
    const unknown = await desk.get(`/api/orders/${order.id}/labels?barcode=000000000000`);
    expect(unknown.json()).toMatchObject({ code: 'SIL_SPECIMEN_NOT_FOUND' });
    const badFormat = await desk.get(`/api/orders/${order.id}/labels?format=a5`);
    expect(badFormat.json()).toMatchObject({ code: 'SIL_VALIDATION' });
    const noOrder = await desk.get('/api/orders/00000000-0000-4000-8000-000000000000/labels');
    expect(noOrder.json()).toMatchObject({ code: 'SIL_ORDER_NOT_FOUND' });
  });

  it('spreads 25 labels over two A4 sheets, the same bytes however many are rendered at once', async () => {
    const svg = code128Svg('260302000101');
    const label: LabelData = {
      barcode: '260302000101',
      barcodeSvg: svg,
      birthName: 'DUPONT',
      usedName: null,
      firstFirstName: 'MARIE',
      birthDate: '1965-03-12',
      sex: 'F',
      containerLabel: 'Tube EDTA',
      colour: 'violet',
      collectedAt: null,
    };
    const render = () =>
      renderPdf(
        labelDocument(Array(25).fill(label), { format: 'a4', title: 'x', createdAt: new Date('2026-03-02T08:00:00Z') })
      );
    const [pdf, ...others] = await Promise.all([render(), render(), render(), render()]);
    expect(pageCount(pdf as Buffer)).toBe(2);
    for (const other of others) {
      expect(Buffer.compare(other, pdf as Buffer)).toBe(0);
    }
    expect(svg).toMatch(/^<svg preserveAspectRatio="none" viewBox="0 0 \d+ \d+"/);
  });

  describe.skipIf(!hasPdftotext)('text of the labels (pdftotext)', () => {
    it('carries the specimen number and the identity traits of CSP R6211-22, tube type and colour', async () => {
      const text = pdfText((await desk.get(`/api/orders/${order.id}/labels`)).rawPayload);
      for (const tube of order.specimens) {
        expect(text).toContain(tube.barcode);
        expect(text).toContain(tube.colour);
      }
      expect(text).toContain('LEFEVRE');
      expect(text).toContain('ZOE');
      expect(text).toContain('Nom utilisé : NGUYEN');
      expect(text).toMatch(/Né\(e\) le \d{2}\/\d{2}\/\d{4} · Sexe F/);
      expect(text).toContain('Prélevé le : ___/___/______ à ___h___');
    });

    it('prints the collection date and time once the tube is collected (Europe/Paris)', async () => {
      const barcode = order.specimens[0]?.barcode as string;
      await sampler.post('/api/specimens/collect', { barcodes: [barcode], collectedAt: '2026-03-02T07:15:00Z' });
      const text = pdfText((await desk.get(`/api/orders/${order.id}/labels?barcode=${barcode}`)).rawPayload);
      expect(text).toContain('Prélevé le 02/03/2026 à 08h15');
    });
  });
});
