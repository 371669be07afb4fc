import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkBadge } from './instrument-link-status.js';
import type { LinkStatus } from './instrument-types.js';

export function InstrumentLinkBadge({ status }: { status: LinkStatus }) {
  const { t } = useTranslation();
  const badge = linkBadge(status);
  return (
    <Badge size="sm" variant="dot" color={badge.color} data-testid="instrument-link-badge">
      {t(`instruments.linkStates.${badge.state}`)}
    </Badge>
  );
}
