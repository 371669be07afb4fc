import { Button, Card, Group, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { followLink } from '../app/router.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { PatientSearchBox } from './patient-search-box.js';

export function PatientSearchPage({ initialQuery }: { initialQuery: string }) {
  const { t } = useTranslation();
  const canWrite = useHasPermission('patients.write');
  return (
    <Card withBorder padding="md" maw={1100}>
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h3">
          {t('patients.search.title')}
        </Title>
        {canWrite ? (
          <Button
            component="a"
            href={paths.patientCreate}
            onClick={followLink(paths.patientCreate)}
            variant="light"
            leftSection={<IconUserPlus size={16} />}
          >
            {t('patients.create.action')}
          </Button>
        ) : null}
      </Group>
      <PatientSearchBox autoFocus initialQuery={initialQuery} />
    </Card>
  );
}
