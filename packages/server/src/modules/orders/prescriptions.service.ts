/**
 * Prescription scans attached to an order (PDF or image). The content is checked by its
 * signature, limited to 10 MB, stored with its SHA-256 (integrity of the record, ISO 15189:2022
 * §8.4), and every upload and read is in the audit trail with the patient.
 */
import { createHash } from 'node:crypto';
import { SillageError } from '@sillage/core';
import type { Database } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { toPrescriptionView } from './order-view.js';
import { cleanFilename, detectPrescriptionType } from './prescription-file-type.js';
import * as repo from './orders.repository.js';
import type { PrescriptionDocumentView } from './orders.schemas.js';

export const prescriptionMaxBytes = 10 * 1024 * 1024;

export interface PrescriptionFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export class PrescriptionService {
  constructor(private readonly database: Database) {}

  async attach(
    orderId: string,
    upload: { filename: string | undefined; content: Buffer },
    context: AuditContext
  ): Promise<PrescriptionDocumentView> {
    if (upload.content.length === 0) {
      throw new SillageError('SIL_PRESCRIPTION_FILE_MISSING');
    }
    if (upload.content.length > prescriptionMaxBytes) {
      throw new SillageError('SIL_PRESCRIPTION_FILE_TOO_LARGE');
    }
    const contentType = detectPrescriptionType(upload.content);
    if (contentType === null) {
      throw new SillageError('SIL_PRESCRIPTION_FILE_TYPE');
    }
    const filename = cleanFilename(upload.filename, contentType);
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    return this.database.transaction(async (tx) => {
      const order = await repo.findOrder(tx, orderId);
      if (order === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const id = await repo.insertPrescriptionDocument(tx, {
        orderId,
        filename,
        contentType,
        content: upload.content,
        sha256,
        uploadedBy: context.actor?.userId ?? null,
      });
      await writeAuditEvent(tx, context, {
        action: 'prescription.attached',
        entityType: 'prescription_document',
        entityId: id,
        patientId: order.patient_id,
        after: { orderId, orderNumber: order.order_number, filename, contentType, size: upload.content.length, sha256 },
      });
      const row = (await repo.listPrescriptionDocuments(tx, orderId)).find((d) => d.id === id);
      return toPrescriptionView(row as repo.PrescriptionDocumentRow);
    });
  }

  async read(orderId: string, documentId: string, context: AuditContext): Promise<PrescriptionFile> {
    return this.database.transaction(async (tx) => {
      const order = await repo.findOrder(tx, orderId);
      if (order === undefined) {
        throw new SillageError('SIL_ORDER_NOT_FOUND');
      }
      const document = await repo.findPrescriptionDocument(tx, orderId, documentId);
      if (document === undefined) {
        throw new SillageError('SIL_PRESCRIPTION_NOT_FOUND');
      }
      await writeAuditEvent(tx, context, {
        action: 'prescription.read',
        entityType: 'prescription_document',
        entityId: documentId,
        patientId: order.patient_id,
      });
      return {
        filename: document.filename,
        contentType: document.content_type,
        content: Buffer.from(document.content.buffer, document.content.byteOffset, document.content.byteLength),
      };
    });
  }
}
