import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultFlag } from '../api/workflow-types.js';

const flagColors: Record<ResultFlag, string> = {
  N: 'gray',
  L: 'orange',
  H: 'orange',
  LL: 'red',
  HH: 'red',
  A: 'orange',
  AA: 'red',
};

/**
 * The flag computed by the server from the interval frozen with the result (HL7 v2 table 0078
 * codes: L, H, LL, HH, A, AA), and "critique" beyond the critical limits. Normal shows nothing.
 */
export function ResultFlagBadge({ flag, critical }: { flag: ResultFlag | null; critical: boolean }) {
  const { t } = useTranslation();
  const shown = flag !== null && flag !== 'N';
  if (!shown && !critical) {
    return null;
  }
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {shown ? (
        <Tooltip label={t(`results.flags.${flag}`)} withinPortal>
          <Badge
            color={flagColors[flag]}
            variant={flag.length === 2 ? 'filled' : 'light'}
            size="sm"
            data-testid="result-flag"
            data-flag={flag}
            aria-label={t(`results.flags.${flag}`)}
          >
            {flag}
          </Badge>
        </Tooltip>
      ) : null}
      {critical ? (
        <Badge color="red" variant="filled" size="sm" data-testid="result-critical">
          {t('results.critical')}
        </Badge>
      ) : null}
    </Group>
  );
}
