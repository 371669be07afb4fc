import {
  IconBarcode,
  IconBuildingHospital,
  IconCash,
  IconChecks,
  IconClipboardList,
  IconDroplet,
  IconDeviceDesktopAnalytics,
  IconFileInvoice,
  IconFilePlus,
  IconFlask2,
  IconHistory,
  IconHome,
  IconKey,
  IconListDetails,
  IconLock,
  IconMicroscope,
  IconReceiptEuro,
  IconReceiptRefund,
  IconSearch,
  IconSettings,
  IconShieldCheck,
  IconTestPipe,
  IconUserPlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Me, Permission } from '../api/types.js';
import { hasPermission } from '../auth/current-user-context.js';
import { homesForRoles, type HomeId } from '../home/home-definitions.js';
import type { fr } from '../i18n/fr.js';
import { paths } from './paths.js';

type NavLabelKey = `nav.${keyof (typeof fr)['nav'] & string}` | `home.${HomeId}.title` | 'disputes.nav' | 'nabm.nav';

export interface NavItem {
  labelKey: NavLabelKey;
  href: string;
  icon: Icon;
  /** Also active on these sub-paths (prefix match). */
  activePrefix?: string;
}

export interface NavSection {
  titleKey: NavLabelKey;
  items: NavItem[];
}

const homeIcons: Record<HomeId, Icon> = {
  reception: IconHome,
  bench: IconMicroscope,
  validation: IconChecks,
  quality: IconShieldCheck,
  administration: IconSettings,
};

function when(me: Me, permission: Permission, item: NavItem): NavItem[] {
  return hasPermission(me, permission) ? [item] : [];
}

/** The navbar, from the user's roles (homes) and permissions (everything else). */
export function navigationFor(me: Me): NavSection[] {
  const sections: NavSection[] = [
    {
      titleKey: 'nav.workspaces',
      items: homesForRoles(me.roles).map((home) => ({
        labelKey: home.labelKey,
        href: home.path,
        icon: homeIcons[home.id],
      })),
    },
    {
      titleKey: 'nav.patients',
      items: [
        ...when(me, 'patients.read', { labelKey: 'nav.patientSearch', href: paths.patientSearch, icon: IconSearch }),
        ...when(me, 'patients.write', { labelKey: 'nav.patientCreate', href: paths.patientCreate, icon: IconUserPlus }),
      ],
    },
    {
      titleKey: 'nav.orders',
      items: [
        ...when(me, 'orders.read', { labelKey: 'nav.ordersOfDay', href: paths.orders, icon: IconClipboardList }),
        ...when(me, 'orders.write', { labelKey: 'nav.orderCreate', href: paths.orderCreate, icon: IconFilePlus }),
      ],
    },
    {
      titleKey: 'nav.billing',
      items: [
        ...when(me, 'billing.invoice', { labelKey: 'nav.invoices', href: paths.invoices, icon: IconFileInvoice }),
        ...when(me, 'billing.cash', { labelKey: 'nav.cashDesk', href: paths.cashDesk, icon: IconCash }),
        ...when(me, 'billing.disputes', { labelKey: 'disputes.nav', href: paths.disputes, icon: IconReceiptRefund }),
      ],
    },
    {
      titleKey: 'nav.specimens',
      items: [
        ...when(me, 'specimens.collect', { labelKey: 'nav.sampling', href: paths.sampling, icon: IconDroplet }),
        ...when(me, 'specimens.receive', { labelKey: 'nav.reception', href: paths.reception, icon: IconBarcode }),
        ...when(me, 'results.enter', { labelKey: 'nav.resultEntry', href: paths.resultEntry, icon: IconFlask2 }),
        ...when(me, 'instruments.read', {
          labelKey: 'nav.instruments',
          href: paths.instruments,
          icon: IconDeviceDesktopAnalytics,
          activePrefix: `${paths.instruments}/`,
        }),
      ],
    },
    {
      titleKey: 'nav.catalogue',
      items: [
        ...when(me, 'catalogue.read', {
          labelKey: 'nav.catalogueAnalyses',
          href: paths.catalogueAnalyses,
          icon: IconListDetails,
          activePrefix: `${paths.catalogueAnalyses}/`,
        }),
        ...when(me, 'catalogue.read', {
          labelKey: 'nav.catalogueAnalytes',
          href: paths.catalogueAnalytes,
          icon: IconTestPipe,
          activePrefix: `${paths.catalogueAnalytes}/`,
        }),
      ],
    },
    {
      titleKey: 'nav.traceability',
      items: when(me, 'audit.read', { labelKey: 'nav.audit', href: paths.audit, icon: IconHistory }),
    },
    {
      titleKey: 'nav.administration',
      items: [
        ...when(me, 'users.manage', { labelKey: 'nav.users', href: paths.adminUsers, icon: IconUsers }),
        ...when(me, 'users.manage', { labelKey: 'nav.roles', href: paths.adminRoles, icon: IconLock }),
        ...when(me, 'sites.manage', { labelKey: 'nav.sites', href: paths.adminSites, icon: IconBuildingHospital }),
        ...when(me, 'tokens.manage', { labelKey: 'nav.tokens', href: paths.adminTokens, icon: IconKey }),
        ...when(me, 'billing.manage', { labelKey: 'nabm.nav', href: paths.adminNabm, icon: IconReceiptEuro }),
      ],
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (pathname === item.href) {
    return true;
  }
  return item.activePrefix !== undefined && pathname.startsWith(item.activePrefix);
}
