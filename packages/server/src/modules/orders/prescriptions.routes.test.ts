import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestClient } from '../../testing/test-app.js';
import { count, createOrder, createPatient, expectStatus, type OrderBody } from './orders-test-helpers.js';

const boundary = '----sillage-test-boundary';

/** A multipart/form-data body with one file part (RFC 7578). */
function multipart(filename: string, contentType: string, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
      'utf8'
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
}

const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}` };

const scanPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1'
);

describe('prescription scans', () => {
  let t: TestApp;
  let desk: TestClient;
  let sampler: TestClient;
  let order: OrderBody;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await loginAs(t, ['secretaire']);
    sampler = await loginAs(t, ['preleveur']);
    patientId = (await createPatient(desk)).id;
    order = await createOrder(desk, patientId, ['NFS']);
  });
  afterAll(async () => t?.close());

  it('stores an uploaded scan with its SHA-256, lists it on the order and gives it back byte for byte', async () => {
    const res = await desk.request(
      'POST',
      `/api/orders/${order.id}/prescription`,
      multipart('Ordonnance Dr Émile.pdf', 'application/pdf', scanPdf),
      multipartHeaders
    );
    expectStatus(res, 201);
    const sha256 = createHash('sha256').update(scanPdf).digest('hex');
    const document = res.json<{ id: string; sha256: string; size: number; contentType: string; filename: string }>();
    expect(document).toMatchObject({
      sha256,
      size: scanPdf.length,
      contentType: 'application/pdf',
      filename: 'Ordonnance Dr Émile.pdf',
    });
    const view = (await desk.get(`/api/orders/${order.id}`)).json<{ prescriptions: { id: string }[] }>();
    expect(view.prescriptions.map((p) => p.id)).toEqual([document.id]);

    const download = await sampler.get(`/api/orders/${order.id}/prescription/${document.id}`);
    expectStatus(download, 200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `inline; filename="Ordonnance Dr Emile.pdf"; filename*=UTF-8''Ordonnance%20Dr%20%C3%89mile.pdf`
    );
    expect(Buffer.compare(download.rawPayload, scanPdf)).toBe(0);
    const events = await t.db.database.query<{ action: string; patient_id: string }>(
      `SELECT action, patient_id FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [document.id]
    );
    expect(events).toEqual([
      { action: 'prescription.attached', patient_id: patientId },
      { action: 'prescription.read', patient_id: patientId },
    ]);
  });

  it('takes the type from the content, not from the declared one', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const res = await desk.request(
      'POST',
      `/api/orders/${order.id}/prescription`,
      multipart('scan.pdf', 'application/pdf', png),
      multipartHeaders
    );
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({ contentType: 'image/png' });
  });

  it('refuses a disguised file, an oversized one, a body without file, an unknown order; nothing stored', async () => {
    const before = await count(t, 'prescription_document');
    const html = await desk.request(
      'POST',
      `/api/orders/${order.id}/prescription`,
      multipart('ordonnance.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>')),
      multipartHeaders
    );
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'SIL_PRESCRIPTION_FILE_TYPE' });

    const big = Buffer.concat([scanPdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await desk.request(
      'POST',
      `/api/orders/${order.id}/prescription`,
      multipart('gros.pdf', 'application/pdf', big),
      multipartHeaders
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'SIL_PRESCRIPTION_FILE_TOO_LARGE' });

    const json = await desk.post(`/api/orders/${order.id}/prescription`, { file: 'x' });
    expect(json.json()).toMatchObject({ code: 'SIL_PRESCRIPTION_FILE_MISSING' });

    const noOrder = await desk.request(
      'POST',
      '/api/orders/00000000-0000-4000-8000-000000000000/prescription',
      multipart('o.pdf', 'application/pdf', scanPdf),
      multipartHeaders
    );
    expect(noOrder.json()).toMatchObject({ code: 'SIL_ORDER_NOT_FOUND' });

    const forbidden = await sampler.request(
      'POST',
      `/api/orders/${order.id}/prescription`,
      multipart('o.pdf', 'application/pdf', scanPdf),
      multipartHeaders
    );
    expect(forbidden.statusCode).toBe(403);
    expect(await count(t, 'prescription_document')).toBe(before);

    const missing = await desk.get(`/api/orders/${order.id}/prescription/00000000-0000-4000-8000-000000000000`);
    expect(missing.json()).toMatchObject({ code: 'SIL_PRESCRIPTION_NOT_FOUND' });
  });
});
