import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, SpecimenStatus, Urgency } from '../api/workflow-types.js';

const orderStatusColors: Record<OrderStatus, string> = {
  awaiting_specimens: 'gray',
  in_progress: 'blue',
  partially_validated: 'cyan',
  complete: 'teal',
  delivered: 'green',
  cancelled: 'dark',
};

/** An order's status, derived by the server from its results (never edited). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={orderStatusColors[status]} variant="light" data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}

const urgencyColors: Record<Urgency, string> = { routine: 'gray', urgent: 'orange', vital: 'red' };

export function UrgencyBadge({ urgency, hideRoutine = false }: { urgency: Urgency; hideRoutine?: boolean }) {
  const { t } = useTranslation();
  if (hideRoutine && urgency === 'routine') {
    return null;
  }
  return (
    <Badge
      color={urgencyColors[urgency]}
      variant={urgency === 'routine' ? 'outline' : 'filled'}
      data-testid="order-urgency"
      data-urgency={urgency}
    >
      {t(`orders.urgency.${urgency}`)}
    </Badge>
  );
}

const specimenStatusColors: Record<SpecimenStatus, string> = {
  expected: 'gray',
  collected: 'blue',
  received: 'teal',
  rejected: 'red',
  in_analysis: 'cyan',
  stored: 'green',
  disposed: 'dark',
};

export function SpecimenStatusBadge({ status }: { status: SpecimenStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={specimenStatusColors[status]}
      variant="light"
      size="sm"
      data-testid="specimen-status"
      data-status={status}
    >
      {t(`specimens.status.${status}`)}
    </Badge>
  );
}
