import { describe, expect, it } from 'vitest';
import { navigationFor } from '../app/app-navigation.js';
import { paths } from '../app/paths.js';
import type { Me } from '../api/types.js';

function user(permissions: string[]): Me {
  return {
    id: 'u1',
    username: 'u1',
    displayName: 'U',
    roles: ['technicien'],
    siteIds: [],
    permissions,
    locale: 'fr',
    totpEnabled: false,
    mustChangePassword: false,
  };
}

function catalogueLinks(me: Me): string[] {
  return navigationFor(me)
    .filter((section) => section.titleKey === 'nav.catalogue')
    .flatMap((section) => section.items.map((item) => item.href));
}

describe('catalogue navigation', () => {
  it('lists analyses and analytes for any role that reads the catalogue', () => {
    expect(catalogueLinks(user(['catalogue.read']))).toEqual([paths.catalogueAnalyses, paths.catalogueAnalytes]);
  });

  it('hides the section without catalogue.read', () => {
    expect(catalogueLinks(user(['patients.read']))).toEqual([]);
  });

  it('keeps the entry active on a detail page', () => {
    const analyses = navigationFor(user(['catalogue.read']))
      .flatMap((section) => section.items)
      .find((item) => item.href === paths.catalogueAnalyses);
    expect(analyses?.activePrefix).toBe('/catalogue/analyses/');
    expect(paths.catalogueAnalysis('CRP')).toBe('/catalogue/analyses/CRP');
  });
});
