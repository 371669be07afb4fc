/**
 * Patient statement (relevé de compte patient): the patient's invoices with their share, the
 * amounts billed to the patient after a rejected reimbursement (with the reason), the payments and
 * what remains due — the document the desk hands or sends when chasing an unpaid balance.
 */
import { paymentMethodLabels } from '@sillage/core';
import { amountCell, billingDocument, euros, keyValues, table, type LabIdentity } from './billing-document-parts.js';
import { frenchDate, frenchDateTime, notCertifiedNotice } from './billing-format.js';

export interface StatementInvoice {
  number: string;
  actsDate: string;
  status: string;
  patientCents: number;
  chargedCents: number;
  paidCents: number;
  remainingCents: number;
  charges: readonly { amountCents: number; reason: string; createdAt: Date }[];
  payments: readonly {
    direction: 'payment' | 'refund';
    method: keyof typeof paymentMethodLabels;
    amountCents: number;
    at: Date;
  }[];
}

export interface StatementData {
  lab: LabIdentity;
  patient: { name: string; birthDate: string; patientNumber: string; address: string | null };
  printedAt: Date;
  invoices: readonly StatementInvoice[];
}

export function patientStatementDocument(data: StatementData): object {
  const remaining = data.invoices.reduce((sum, invoice) => sum + invoice.remainingCents, 0);
  const details: object[] = [];
  for (const invoice of data.invoices) {
    const rows: (readonly [string, string])[] = [
      ...invoice.charges.map(
        (charge) =>
          [
            `${frenchDate(charge.createdAt.toISOString().slice(0, 10))} refacturé`,
            `${euros(charge.amountCents)} — ${charge.reason}`,
          ] as const
      ),
      ...invoice.payments.map(
        (payment) =>
          [
            `${frenchDateTime(payment.at)} ${payment.direction === 'payment' ? 'paiement' : 'remboursement'}`,
            `${euros(payment.direction === 'payment' ? payment.amountCents : -payment.amountCents)} (${paymentMethodLabels[payment.method]})`,
          ] as const
      ),
    ];
    if (rows.length > 0) {
      details.push({ text: `Facture ${invoice.number}`, bold: true, margin: [0, 6, 0, 2] }, keyValues(rows));
    }
  }
  return billingDocument(
    'Relevé de compte patient',
    data.lab,
    [
      keyValues([
        [
          'Patient',
          `${data.patient.name}, né(e) le ${frenchDate(data.patient.birthDate)} (n° ${data.patient.patientNumber})`,
        ],
        ...(data.patient.address === null ? [] : ([['Adresse', data.patient.address]] as const)),
        ['Relevé établi le', frenchDateTime(data.printedAt)],
      ]),
      { text: 'Factures', style: 'section' },
      table(
        ['Facture', 'Actes du', 'Part patient', 'Refacturé', 'Payé', 'Reste dû'],
        data.invoices.map((invoice) => [
          invoice.number,
          frenchDate(invoice.actsDate),
          amountCell(invoice.patientCents),
          amountCell(invoice.chargedCents),
          amountCell(invoice.paidCents),
          amountCell(invoice.remainingCents, invoice.remainingCents > 0),
        ]),
        ['*', 60, 65, 65, 65, 65]
      ),
      {
        text: `Total restant dû : ${euros(remaining)}`,
        bold: true,
        fontSize: 11,
        alignment: 'right',
        margin: [0, 4, 0, 6],
      },
      ...(details.length > 0 ? [{ text: 'Détail', style: 'section' }, ...details] : []),
      {
        text: 'Les montants « refacturés » correspondent à des remboursements refusés par l’Assurance Maladie ou la complémentaire (motif indiqué). Règlement à l’accueil du laboratoire.',
        style: 'small',
        margin: [0, 10, 0, 0],
      },
      { text: notCertifiedNotice, style: 'small', margin: [0, 4, 0, 0] },
    ],
    data.printedAt
  );
}
