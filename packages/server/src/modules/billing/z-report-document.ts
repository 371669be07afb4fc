/**
 * Z report (rapport de clôture de caisse) of one desk for one day: per payment method what was
 * received and refunded, what the drawer should hold, what was counted and the difference
 * (counted − expected: negative = missing), the opening float, and who closed it when. After it,
 * nothing of that desk-day can change (issue 5 item 6).
 */
import { paymentMethodLabels, type ClosingFigures } from '@sillage/core';
import { amountCell, billingDocument, euros, keyValues, table, type LabIdentity } from './billing-document-parts.js';
import { frenchDate, frenchDateTime } from './billing-format.js';

export interface ZReportData {
  lab: LabIdentity;
  deskCode: string;
  date: string;
  figures: ClosingFigures;
  closedBy: string | null;
  closedAt: Date;
  comment: string | null;
}

function signed(cents: number): object {
  const cell = amountCell(cents, cents !== 0) as { text: string };
  return { ...cell, text: cents > 0 ? `+${cell.text}` : cell.text, color: cents === 0 ? '#000000' : '#B00020' };
}

export function zReportDocument(data: ZReportData): object {
  const { figures } = data;
  const content: object[] = [
    keyValues([
      [
        'Caisse',
        `${data.deskCode}${data.lab.site?.name === null || data.lab.site === null ? '' : ` — site ${data.lab.site.name}`}`,
      ],
      ['Journée', frenchDate(data.date)],
      ['Clôturée le', `${frenchDateTime(data.closedAt)} par ${data.closedBy ?? 'inconnu'}`],
      ['Mouvements', String(figures.movementCount)],
      ['Fond de caisse', euros(figures.cashFloatCents)],
    ]),
    { text: 'Compté et attendu par mode de paiement', style: 'section' },
    table(
      ['Mode', 'Encaissé', 'Remboursé', 'Attendu', 'Compté', 'Écart'],
      [
        ...figures.lines.map((line) => [
          `${paymentMethodLabels[line.method]} (${line.movementCount})`,
          amountCell(line.receivedCents),
          amountCell(line.refundedCents),
          amountCell(line.expectedCents),
          amountCell(line.countedCents),
          signed(line.differenceCents),
        ]),
        [
          { text: 'Total', bold: true },
          amountCell(
            figures.lines.reduce((s, l) => s + l.receivedCents, 0),
            true
          ),
          amountCell(
            figures.lines.reduce((s, l) => s + l.refundedCents, 0),
            true
          ),
          amountCell(figures.expectedTotalCents, true),
          amountCell(figures.countedTotalCents, true),
          signed(figures.differenceTotalCents),
        ],
      ],
      ['*', 62, 62, 62, 62, 62]
    ),
    {
      text: 'Attendu = encaissé − remboursé (+ fond de caisse pour les espèces). Écart = compté − attendu.',
      style: 'small',
    },
  ];
  if (data.comment !== null) {
    content.push({ text: 'Commentaire', style: 'section' }, { text: data.comment });
  }
  content.push({
    text: 'Clôture définitive : aucun paiement ni remboursement ne peut plus être enregistré sur cette caisse pour cette journée.',
    margin: [0, 12, 0, 0],
    bold: true,
  });
  return billingDocument(
    `Rapport Z — caisse ${data.deskCode} — ${frenchDate(data.date)}`,
    data.lab,
    content,
    data.closedAt
  );
}
