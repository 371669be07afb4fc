import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderSpecimen } from '../api/workflow-types.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { TubeColourSwatch } from '../specimens/tube-colour-swatch.js';
import { SpecimenStatusBadge } from './order-badges.js';

/** The tubes computed from the analyses, in the order of draw (CLSI GP41). */
export function OrderTubesTable({ specimens }: { specimens: readonly OrderSpecimen[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sorted = [...specimens].sort((a, b) => a.drawOrder - b.drawOrder || a.tubeIndex - b.tubeIndex);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table withTableBorder striped data-testid="order-tubes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('specimens.fields.colour')}</Table.Th>
            <Table.Th>{t('specimens.fields.container')}</Table.Th>
            <Table.Th>{t('specimens.fields.barcode')}</Table.Th>
            <Table.Th>{t('specimens.fields.analyses')}</Table.Th>
            <Table.Th>{t('specimens.fields.volume')}</Table.Th>
            <Table.Th>{t('specimens.fields.status')}</Table.Th>
            <Table.Th>{t('specimens.fields.collectedAt')}</Table.Th>
            <Table.Th>{t('specimens.fields.receivedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((specimen) => (
            <Table.Tr key={specimen.id} data-testid="order-tube-row" data-barcode={specimen.barcode}>
              <Table.Td>
                <TubeColourSwatch colour={specimen.colour} colourHex={specimen.colourHex} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{specimen.containerLabel}</Text>
                <Text size="xs" c="dimmed">
                  {specimen.specimenType}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" data-testid="order-tube-barcode">
                  {specimen.barcode}
                </Text>
                <TubeReplacementNote specimen={specimen} />
              </Table.Td>
              <Table.Td>{specimen.analyses.join(', ')}</Table.Td>
              <Table.Td>{t('specimens.volumeMl', { volume: specimen.volumeMl.toLocaleString(locale) })}</Table.Td>
              <Table.Td>
                <SpecimenStatusBadge status={specimen.status} />
                {specimen.rejectionReason !== null ? (
                  <Text size="xs" c="red">
                    {specimen.rejectionReason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(specimen.collectedAt, locale)}</Text>
                {specimen.collectedBy !== null ? (
                  <Text size="xs" c="dimmed">
                    {specimen.collectedBy}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(specimen.receivedAt, locale)}</Text>
                {specimen.receivedBy !== null ? (
                  <Text size="xs" c="dimmed">
                    {specimen.receivedBy}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Replacement tubes (0015): the rejected tube a tube redraws, or the tube that redrew it. */
function TubeReplacementNote({ specimen }: { specimen: OrderSpecimen }) {
  const { t } = useTranslation();
  const links = specimen as OrderSpecimen & { replacesBarcode?: string | null; replacedByBarcode?: string | null };
  const replacedBy = links.replacedByBarcode ?? null;
  const replaces = links.replacesBarcode ?? null;
  const note =
    replacedBy !== null
      ? t('specimens.replacement.replacedBy', { barcode: replacedBy })
      : replaces !== null
        ? t('specimens.replacement.replaces', { barcode: replaces })
        : null;
  return note === null ? null : (
    <Text size="xs" c="dimmed" data-testid="order-tube-replacement">
      {note}
    </Text>
  );
}
