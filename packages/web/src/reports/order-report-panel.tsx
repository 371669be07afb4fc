import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileText, IconReportMedical } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api/api-error-alert.js';
import { isApiError } from '../api/api-error.js';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { OrderView, Report } from '../api/workflow-types.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLocale } from '../i18n/i18n.js';
import { requiredField } from '../lib/required-field.js';
import { ReportDeliveryForm } from './report-delivery-form.js';
import { ReportDeliveryLog } from './report-delivery-log.js';
import { fetchReports, issueReport, reportKeys, reportPdfUrl } from './reports-api.js';

/**
 * The order's report (compte rendu): issue the next version from what the biologist validated
 * (partial, complete, amended with its reason), open the stored PDF, and record its delivery.
 */
export function OrderReportPanel({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const canDeliver = useHasPermission('reports.deliver');
  const reports = useQuery({
    queryKey: reportKeys.forOrder(order.id),
    queryFn: ({ signal }) => fetchReports(order.id, signal),
  });
  const [reasonAsked, setReasonAsked] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const issue = useMutation({
    mutationFn: (withReason: string | undefined) => issueReport(order.id, withReason),
    onSuccess: (report) => {
      setReasonAsked(false);
      setReason('');
      notifySuccess(t('reports.issued', { version: report.version, kind: t(`reports.kind.${report.kind}`) }));
      void queryClient.invalidateQueries({ queryKey: reportKeys.forOrder(order.id) });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'SIL_REPORT_AMENDMENT_REASON_REQUIRED') {
        setReasonAsked(true);
        setReasonError(error.title);
        return;
      }
      notifyError(error, t('common.unknownError'));
    },
  });

  const issueWithReason = () => {
    if (reason.trim().length < 3) {
      setReasonError(t('reports.reasonRequired'));
      return;
    }
    issue.mutate(reason.trim());
  };

  const versions = [...(reports.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const current = versions.find((report) => report.current);

  return (
    <Card withBorder padding="md" data-testid="order-report">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('reports.title')}
        </Title>
        {canDeliver ? (
          <Button
            leftSection={<IconReportMedical size={16} />}
            onClick={() => issue.mutate(undefined)}
            loading={issue.isPending && !reasonAsked}
            data-testid="report-issue"
          >
            {t('reports.issue')}
          </Button>
        ) : null}
      </Group>
      {reasonAsked ? (
        <Group align="flex-end" mb="sm">
          <TextInput
            style={{ flex: 1 }}
            label={t('reports.amendmentReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
            maxLength={500}
            autoFocus
            {...requiredField}
          />
          <Button onClick={issueWithReason} loading={issue.isPending}>
            {t('reports.issueAmended')}
          </Button>
        </Group>
      ) : null}
      {reports.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : reports.isError ? (
        <ApiErrorAlert error={reports.error} />
      ) : versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.none')}
        </Text>
      ) : (
        <Stack gap="md">
          <ReportVersionsTable versions={versions} locale={locale} />
          {canDeliver && current !== undefined ? <ReportDeliveryForm report={current} patient={order.patient} /> : null}
          <ReportDeliveryLog versions={versions} />
        </Stack>
      )}
    </Card>
  );
}

function ReportVersionsTable({ versions, locale }: { versions: readonly Report[]; locale: 'fr' | 'en' }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder data-testid="report-versions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.version')}</Table.Th>
          <Table.Th>{t('reports.kindLabel')}</Table.Th>
          <Table.Th>{t('reports.issuedAt')}</Table.Th>
          <Table.Th>{t('reports.resultCount')}</Table.Th>
          <Table.Th aria-label={t('common.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((report) => (
          <Table.Tr
            key={report.id}
            data-testid="report-version-row"
            data-version={report.version}
            data-kind={report.kind}
          >
            <Table.Td>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {t('reports.versionN', { version: report.version })}
                </Text>
                <Badge size="xs" variant="light" color={report.current ? 'teal' : 'gray'}>
                  {report.current ? t('reports.current') : t('reports.superseded')}
                </Badge>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`reports.kind.${report.kind}`)}</Text>
              {report.amendmentReason !== null ? (
                <Text size="xs" c="dimmed">
                  {t('reports.reasonShown', { reason: report.amendmentReason })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="xs">{formatDateTime(report.createdAt, locale)}</Text>
              <Text size="xs" c="dimmed">
                {report.createdBy?.name ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>{report.resultCount}</Table.Td>
            <Table.Td>
              <Anchor
                href={reportPdfUrl(report.id)}
                target="_blank"
                rel="noopener"
                size="sm"
                data-testid="report-pdf-link"
              >
                <Group gap={4} wrap="nowrap" component="span">
                  <IconFileText size={14} aria-hidden />
                  {t('reports.openPdf')}
                </Group>
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
