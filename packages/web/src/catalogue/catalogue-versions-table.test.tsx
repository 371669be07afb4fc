import { MantineProvider } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ItemList } from '../api/types.js';
import { i18n } from '../i18n/i18n.js';
import type { VersionMeta } from './catalogue-types.js';
import { CatalogueVersionsTable } from './catalogue-versions-table.js';

interface Priced extends VersionMeta {
  priceCents: number;
}

const seeded: Priced = {
  id: 'v1',
  version: 1,
  validFrom: '2026-01-05T08:00:00Z',
  validTo: '2026-11-20T10:00:00Z',
  changeReason: null,
  createdBy: null,
  createdByName: null,
  priceCents: 1200,
};
const edited: Priced = {
  ...seeded,
  id: 'v2',
  version: 2,
  validFrom: '2026-11-20T10:00:00Z',
  validTo: null,
  changeReason: 'Nouveau tarif',
  createdBy: 'u1',
  createdByName: 'Dr Claire Morel',
  priceCents: 1500,
};

afterEach(cleanup);

describe('catalogue versions table', () => {
  it('lists the newest version first, marks the one in force, names the author or the starter catalogue', () => {
    const versions = {
      isPending: false,
      isError: false,
      data: { items: [seeded, edited] },
    } as unknown as UseQueryResult<ItemList<Priced>>;
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider env="test">
          <CatalogueVersionsTable<Priced>
            versions={versions}
            notice="Les résultats gardent leur version."
            minWidth={600}
            testId="versions"
            columns={[{ header: 'Prix', cell: (version) => String(version.priceCents) }]}
          />
        </MantineProvider>
      </I18nextProvider>
    );
    const rows = screen.getAllByTestId('catalogue-version-row');
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['2 En vigueur', '1 ']);
    expect(within(rows[0] as HTMLElement).getByText('Dr Claire Morel')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Nouveau tarif')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('1500')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Catalogue de départ')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Prix' })).toBeTruthy();
  });
});
