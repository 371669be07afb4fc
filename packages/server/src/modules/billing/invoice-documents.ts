/**
 * The patient's invoice (facture) or credit note (avoir), and the receipt (reçu) of the amounts
 * paid, in French, as pdfmake definitions (issue 5 item 5). An invoice names the lab, the patient,
 * the prescriber, each NABM line (code, label, coefficient, amount, billed or why not), the shares
 * of the AMO, the AMC and the patient, the participation forfaitaire (tracked, not collected: CSS
 * L162-13-1 tiers payant), the payments and what remains due.
 */
import { formatCoefficient, paymentMethodLabels } from '@sillage/core';
import { amountCell, billingDocument, euros, keyValues, table, type LabIdentity } from './billing-document-parts.js';
import { frenchDate, frenchDateTime, notCertifiedNotice } from './billing-format.js';
import type { PaymentRow } from './cash.repository.js';
import type { InvoiceLineRow } from './invoices.repository.js';

export interface InvoiceDocumentData {
  lab: LabIdentity;
  kind: 'invoice' | 'credit_note';
  number: string | null;
  creditedNumber: string | null;
  creditNoteNumber: string | null;
  creditReason: string | null;
  issuedAt: Date | null;
  actsDate: string;
  performedAt: Date;
  orderNumber: string;
  patient: { name: string; birthDate: string; patientNumber: string; address: string | null };
  insured: { nir: string; rank: string; regime: string; caisse: string; centre: string } | null;
  amc: { organisme: string; tiersPayant: boolean } | null;
  prescriber: { name: string; rpps: string | null } | null;
  prescriptionDate: string | null;
  lines: readonly InvoiceLineRow[];
  totalCents: number;
  amoCents: number;
  amcCents: number;
  patientCents: number;
  amcRefundToPatientCents: number;
  participation: { cents: number; count: number; reason: string | null };
  patientChargedCents: number;
  patientPaidCents: number;
  patientRemainingCents: number;
  payments: readonly PaymentRow[];
  notes: readonly string[];
}

function titleOf(data: InvoiceDocumentData): string {
  if (data.kind === 'credit_note') {
    return `Avoir n° ${data.number ?? '(brouillon)'}`;
  }
  return data.number === null ? 'Facture (brouillon, non numérotée)' : `Facture n° ${data.number}`;
}

function coefficientText(line: InvoiceLineRow): string {
  if (line.coefficient_hundredths === null || line.key_letter === null) {
    return 'HN';
  }
  return formatCoefficient(line.key_letter, line.coefficient_hundredths);
}

function partiesBlock(data: InvoiceDocumentData): object[] {
  const rows: [string, string][] = [
    [
      'Patient',
      `${data.patient.name}, né(e) le ${frenchDate(data.patient.birthDate)} (n° ${data.patient.patientNumber})`,
    ],
  ];
  if (data.patient.address !== null) {
    rows.push(['Adresse', data.patient.address]);
  }
  if (data.insured !== null) {
    rows.push([
      'Assurance maladie',
      `NIR assuré ${data.insured.nir}, rang ${data.insured.rank} — régime ${data.insured.regime}, caisse ${data.insured.caisse}, centre ${data.insured.centre}`,
    ]);
  }
  if (data.amc !== null) {
    rows.push(['Complémentaire', `${data.amc.organisme}${data.amc.tiersPayant ? ' (tiers payant)' : ''}`]);
  }
  rows.push([
    'Prescripteur',
    data.prescriber === null
      ? 'non renseigné'
      : `${data.prescriber.name}${data.prescriber.rpps === null ? '' : ` (RPPS ${data.prescriber.rpps})`}`,
  ]);
  if (data.prescriptionDate !== null) {
    rows.push(['Date de prescription', frenchDate(data.prescriptionDate)]);
  }
  rows.push(['Dossier', data.orderNumber]);
  rows.push(['Date des actes', frenchDateTime(data.performedAt)]);
  if (data.issuedAt !== null) {
    rows.push([data.kind === 'credit_note' ? 'Avoir émis le' : 'Facture émise le', frenchDateTime(data.issuedAt)]);
  }
  if (data.creditedNumber !== null) {
    rows.push(['Annule la facture', `${data.creditedNumber} — motif : ${data.creditReason ?? ''}`]);
  }
  if (data.creditNoteNumber !== null) {
    rows.push(['Annulée par l’avoir', `${data.creditNoteNumber} — motif : ${data.creditReason ?? ''}`]);
  }
  return [keyValues(rows)];
}

function linesTable(lines: readonly InvoiceLineRow[]): object {
  return table(
    ['Code NABM', 'Libellé', 'Cotation', 'Montant', 'AMO', 'Patient'],
    lines.map((line) => [
      line.code,
      line.billed ? line.label : { text: [line.label, { text: `\nNon facturé : ${line.reason}`, style: 'small' }] },
      coefficientText(line),
      amountCell(line.amount_cents),
      line.amo_rate_percent === null ? '' : `${line.amo_rate_percent} %`,
      amountCell(line.patient_cents + line.amc_share_cents),
    ]),
    [48, '*', 48, 52, 30, 52]
  );
}

function totalsBlock(data: InvoiceDocumentData): object {
  const rows: (readonly [string, object])[] = [
    ['Total des actes', amountCell(data.totalCents, true)],
    ['Part Assurance Maladie obligatoire (tiers payant)', amountCell(data.amoCents)],
  ];
  if (data.amcCents !== 0) {
    rows.push(['Part complémentaire (tiers payant)', amountCell(data.amcCents)]);
  }
  rows.push(['Part à la charge du patient', amountCell(data.patientCents, true)]);
  if (data.amcRefundToPatientCents !== 0) {
    rows.push(['dont remboursable par votre complémentaire', amountCell(data.amcRefundToPatientCents)]);
  }
  if (data.patientChargedCents !== 0) {
    rows.push(['Refacturé au patient après rejet de remboursement', amountCell(data.patientChargedCents)]);
  }
  rows.push(['Déjà payé', amountCell(data.patientPaidCents)]);
  rows.push(['Reste dû', amountCell(data.patientRemainingCents, true)]);
  return {
    table: { widths: ['*', 80], body: rows.map(([label, cell]) => [{ text: label, alignment: 'right' }, cell]) },
    layout: 'noBorders',
    margin: [180, 4, 0, 4],
  };
}

function participationText(data: InvoiceDocumentData): string {
  const p = data.participation;
  const amount = p.cents === 0 ? 'néant' : `${euros(Math.abs(p.cents))} (${Math.abs(p.count)} participation(s))`;
  return `Participation forfaitaire (CSS L160-13) : ${amount}. ${p.reason ?? ''} Elle n’est pas encaissée par le laboratoire : l’Assurance Maladie la récupère ultérieurement.`;
}

function paymentsTable(payments: readonly PaymentRow[]): object {
  if (payments.length === 0) {
    return { text: 'Aucun paiement enregistré.', margin: [0, 0, 0, 6] };
  }
  return table(
    ['Date', 'Mode', 'Caisse', 'Opération', 'Montant'],
    payments.map((p) => [
      frenchDateTime(p.recorded_at),
      paymentMethodLabels[p.method],
      p.desk_code,
      p.direction === 'payment' ? 'Paiement' : `Remboursement (${p.reason ?? ''})`,
      amountCell(p.direction === 'payment' ? p.amount_cents : -p.amount_cents),
    ]),
    [80, 80, 50, '*', 60]
  );
}

export function invoiceDocument(data: InvoiceDocumentData, printedAt: Date = new Date()): object {
  const content: object[] = [
    ...partiesBlock(data),
    { text: 'Actes', style: 'section' },
    linesTable(data.lines),
    totalsBlock(data),
    { text: participationText(data), margin: [0, 4, 0, 4] },
    { text: 'Paiements', style: 'section' },
    paymentsTable(data.payments),
  ];
  if (data.notes.length > 0) {
    content.push({ text: 'Remarques', style: 'section' });
    content.push({ ul: data.notes.map((note) => ({ text: note, style: 'small' })) });
  }
  content.push({ text: notCertifiedNotice, style: 'small', margin: [0, 12, 0, 0] });
  return billingDocument(titleOf(data), data.lab, content, printedAt);
}

/** Receipt of the amounts paid ("reçu"), with the invoice it settles. */
export function receiptDocument(data: InvoiceDocumentData, printedAt: Date = new Date()): object {
  const paid = data.payments.filter((p) => p.direction === 'payment').reduce((s, p) => s + p.amount_cents, 0);
  const refunded = data.payments.filter((p) => p.direction === 'refund').reduce((s, p) => s + p.amount_cents, 0);
  const content: object[] = [
    keyValues([
      ['Facture', data.number ?? '(brouillon)'],
      ['Patient', `${data.patient.name}, né(e) le ${frenchDate(data.patient.birthDate)}`],
      ['Date des actes', frenchDate(data.actsDate)],
      ['Part à la charge du patient', euros(data.patientCents + data.patientChargedCents)],
    ]),
    { text: 'Paiements reçus', style: 'section' },
    paymentsTable(data.payments),
    keyValues([
      ['Total reçu', euros(paid)],
      ['Total remboursé', euros(refunded)],
      ['Reste dû', euros(data.patientRemainingCents)],
    ]),
    {
      text: `Le laboratoire reconnaît avoir reçu la somme de ${euros(paid - refunded)} pour acquit.`,
      margin: [0, 10, 0, 0],
    },
    { text: notCertifiedNotice, style: 'small', margin: [0, 12, 0, 0] },
  ];
  return billingDocument(`Reçu — facture ${data.number ?? '(brouillon)'}`, data.lab, content, printedAt);
}
