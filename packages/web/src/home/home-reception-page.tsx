import { Button, Card, Group, Kbd, Stack } from '@mantine/core';
import {
  IconCalendar,
  IconFileText,
  IconFlask,
  IconReceipt,
  IconReportMedical,
  IconTag,
  IconTruck,
  IconUserPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { followLink } from '../app/router.js';
import { useHasPermission } from '../auth/current-user-context.js';
import { PatientSearchBox } from '../patients/patient-search-box.js';
import { HomeEntryCard } from './home-entry-card.js';
import { HomeLayout } from './home-layout.js';
import { HomeReceptionDashboard } from './home-reception-dashboard.js';

/** Accueil (secrétaire, préleveur): find or register the patient first, then the rest of the desk. */
export function HomeReceptionPage() {
  const { t } = useTranslation();
  const canRead = useHasPermission('patients.read');
  const canWrite = useHasPermission('patients.write');
  const canReadOrders = useHasPermission('orders.read');
  const canCollect = useHasPermission('specimens.collect');
  const canReceive = useHasPermission('specimens.receive');
  const canDeliver = useHasPermission('reports.deliver');
  return (
    <HomeLayout
      title={t('home.reception.title')}
      intro={t('home.reception.intro')}
      top={
        canRead || canReadOrders ? (
          <Stack gap="md">
            {canRead ? (
              <Card withBorder padding="md">
                <Stack gap="sm">
                  <PatientSearchBox autoFocus />
                  {canWrite ? (
                    <Group>
                      <Button
                        component="a"
                        href={paths.patientCreate}
                        onClick={followLink(paths.patientCreate)}
                        variant="light"
                        leftSection={<IconUserPlus size={16} />}
                        rightSection={
                          <Group gap={2}>
                            <Kbd size="xs">Alt</Kbd>
                            <Kbd size="xs">N</Kbd>
                          </Group>
                        }
                      >
                        {t('patients.create.action')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Card>
            ) : null}
            {canReadOrders ? <HomeReceptionDashboard /> : null}
          </Stack>
        ) : null
      }
    >
      <HomeEntryCard
        icon={IconFileText}
        title={t('home.cards.orders.title')}
        text={t('home.cards.orders.text')}
        href={canReadOrders ? paths.orders : undefined}
      />
      <HomeEntryCard
        icon={IconCalendar}
        title={t('home.cards.appointments.title')}
        text={t('home.cards.appointments.text')}
      />
      <HomeEntryCard
        icon={IconTag}
        title={t('home.cards.labels.title')}
        text={t('home.cards.labels.text')}
        href={canReadOrders ? paths.orders : undefined}
      />
      <HomeEntryCard
        icon={IconFlask}
        title={t('home.cards.sampling.title')}
        text={t('home.cards.sampling.text')}
        href={canCollect ? paths.sampling : undefined}
      />
      <HomeEntryCard
        icon={IconTruck}
        title={t('home.cards.externalSamples.title')}
        text={t('home.cards.externalSamples.text')}
        href={canReceive ? paths.reception : undefined}
      />
      <HomeEntryCard icon={IconReceipt} title={t('home.cards.billing.title')} text={t('home.cards.billing.text')} />
      <HomeEntryCard
        icon={IconReportMedical}
        title={t('home.cards.reportDelivery.title')}
        text={t('home.cards.reportDelivery.text')}
        href={canDeliver ? paths.ordersWithStatus('complete') : undefined}
      />
    </HomeLayout>
  );
}
