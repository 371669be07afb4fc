import { Table } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../api/types.js';
import { formatIsoDate } from '../lib/typed-date.js';
import { formatInsNumber } from './patient-display.js';
import { PatientIdentityStatusBadge } from './patient-identity-status-badge.js';

/** Search results; the active row (moved with ↑/↓ from the search box) is highlighted and scrolled into view. */
export function PatientSearchResults({
  id,
  rowIdPrefix,
  patients,
  activeIndex,
  onSelect,
}: {
  id: string;
  rowIdPrefix: string;
  patients: readonly PatientSummary[];
  activeIndex: number;
  onSelect: (patient: PatientSummary) => void;
}) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const row = bodyRef.current?.children[activeIndex];
    if (row instanceof HTMLElement && typeof row.scrollIntoView === 'function') {
      row.scrollIntoView({ block: 'nearest' });
    }
  }, [activeIndex]);

  return (
    <Table.ScrollContainer minWidth={720} maxHeight={420}>
      <Table id={id} highlightOnHover stickyHeader data-testid="patient-search-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('patients.fields.patientNumber')}</Table.Th>
            <Table.Th>{t('patients.fields.birthName')}</Table.Th>
            <Table.Th>{t('patients.fields.usedName')}</Table.Th>
            <Table.Th>{t('patients.fields.firstFirstName')}</Table.Th>
            <Table.Th>{t('patients.fields.birthDate')}</Table.Th>
            <Table.Th>{t('patients.fields.sex')}</Table.Th>
            <Table.Th>{t('patients.fields.identityStatus')}</Table.Th>
            <Table.Th>{t('patients.fields.insShort')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {patients.map((patient, index) => (
            <Table.Tr
              key={patient.id}
              id={`${rowIdPrefix}${String(index)}`}
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'sil-row-active sil-clickable-row' : 'sil-clickable-row'}
              onClick={() => onSelect(patient)}
              data-testid="patient-search-row"
              data-patient-number={patient.patientNumber}
            >
              <Table.Td ff="monospace">{patient.patientNumber}</Table.Td>
              <Table.Td fw={600}>{patient.birthName}</Table.Td>
              <Table.Td>{patient.usedName ?? '—'}</Table.Td>
              <Table.Td>{patient.firstFirstName}</Table.Td>
              <Table.Td>{formatIsoDate(patient.birthDate)}</Table.Td>
              <Table.Td>{t(`patients.sex.${patient.sex}`)}</Table.Td>
              <Table.Td>
                <PatientIdentityStatusBadge status={patient.identityStatus} />
              </Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {patient.insNumber === null ? '—' : formatInsNumber(patient.insNumber)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
