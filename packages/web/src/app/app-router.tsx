import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminRolesPage } from '../admin/admin-roles-page.js';
import { AdminSitesPage } from '../admin/admin-sites-page.js';
import { AdminTokensPage } from '../admin/admin-tokens-page.js';
import { AdminUsersPage } from '../admin/admin-users-page.js';
import type { Permission } from '../api/types.js';
import { AuditEventsPage } from '../audit/audit-events-page.js';
import { BillingDisputesPage } from '../billing/billing-disputes-page.js';
import { BillingNabmPage } from '../billing/billing-nabm-page.js';
import { BillingCashPage } from '../billing/billing-cash-page.js';
import { BillingInvoicesPage } from '../billing/billing-invoices-page.js';
import { ChangePasswordPage } from '../auth/change-password-page.js';
import { hasPermission, useCurrentUser } from '../auth/current-user-context.js';
import { CatalogueAnalysesPage } from '../catalogue/catalogue-analyses-page.js';
import { CatalogueAnalysisPage } from '../catalogue/catalogue-analysis-page.js';
import { CatalogueAnalytePage } from '../catalogue/catalogue-analyte-page.js';
import { CatalogueAnalytesPage } from '../catalogue/catalogue-analytes-page.js';
import { InstrumentDetailPage } from '../instruments/instrument-detail-page.js';
import { InstrumentMessagesPage } from '../instruments/instrument-messages-page.js';
import { InstrumentsPage } from '../instruments/instruments-page.js';
import { HomeAdministrationPage } from '../home/home-administration-page.js';
import { HomeBenchPage } from '../home/home-bench-page.js';
import { HomeQualityPage } from '../home/home-quality-page.js';
import { HomeReceptionPage } from '../home/home-reception-page.js';
import { HomeRedirect } from '../home/home-redirect.js';
import { HomeValidationPage } from '../home/home-validation-page.js';
import type { fr } from '../i18n/fr.js';
import { PatientCreatePage } from '../patients/patient-create-page.js';
import { PatientEditPage } from '../patients/patient-edit-page.js';
import { PatientSearchPage } from '../patients/patient-search-page.js';
import { PatientViewPage } from '../patients/patient-view-page.js';
import { OrderCreatePage } from '../orders/order-create-page.js';
import { OrderViewPage } from '../orders/order-view-page.js';
import { OrdersOfDayPage } from '../orders/orders-of-day-page.js';
import { ResultEntryPage } from '../results/result-entry-page.js';
import { ReceptionPage } from '../specimens/reception-page.js';
import { SamplingPage } from '../specimens/sampling-page.js';
import { ValidationReviewPage } from '../validation/validation-review-page.js';
import { AppMessagePage } from './app-message-page.js';
import { matchPath, useLocation, type AppLocation } from './router.js';

interface RouteDefinition {
  pattern: string;
  titleKey: `pageTitle.${keyof (typeof fr)['pageTitle'] & string}` | 'disputes.title' | 'nabm.title';
  permission?: Permission;
  render: (params: Record<string, string>, location: AppLocation) => ReactNode;
}

/**
 * Every page of the app. Order matters: `/patients/nouveau` before `/patients/:id`,
 * `/demandes/nouvelle` before `/demandes/:id`, `/automates/messages` before `/automates/:id`,
 * `/catalogue/analyses/nouvelle` before `/catalogue/analyses/:code` (same for analytes).
 */
const routes: readonly RouteDefinition[] = [
  { pattern: '/', titleKey: 'pageTitle.home', render: () => <HomeRedirect /> },
  { pattern: '/accueil', titleKey: 'pageTitle.reception', render: () => <HomeReceptionPage /> },
  { pattern: '/paillasse', titleKey: 'pageTitle.bench', render: () => <HomeBenchPage /> },
  { pattern: '/validation', titleKey: 'pageTitle.validation', render: () => <HomeValidationPage /> },
  { pattern: '/qualite', titleKey: 'pageTitle.quality', render: () => <HomeQualityPage /> },
  { pattern: '/administration', titleKey: 'pageTitle.administration', render: () => <HomeAdministrationPage /> },
  {
    pattern: '/patients',
    titleKey: 'pageTitle.patientSearch',
    permission: 'patients.read',
    render: (_params, location) => <PatientSearchPage initialQuery={location.search.get('q') ?? ''} />,
  },
  {
    pattern: '/patients/nouveau',
    titleKey: 'pageTitle.patientCreate',
    permission: 'patients.write',
    render: () => <PatientCreatePage />,
  },
  {
    pattern: '/patients/:id',
    titleKey: 'pageTitle.patient',
    permission: 'patients.read',
    render: (params) => <PatientViewPage patientId={params['id'] ?? ''} />,
  },
  {
    pattern: '/patients/:id/modifier',
    titleKey: 'pageTitle.patientEdit',
    permission: 'patients.write',
    render: (params) => <PatientEditPage patientId={params['id'] ?? ''} />,
  },
  {
    pattern: '/demandes',
    titleKey: 'pageTitle.orders',
    permission: 'orders.read',
    render: (_params, location) => (
      <OrdersOfDayPage date={location.search.get('date') ?? ''} status={location.search.get('statut')} />
    ),
  },
  {
    pattern: '/demandes/nouvelle',
    titleKey: 'pageTitle.orderCreate',
    permission: 'orders.write',
    render: (_params, location) => <OrderCreatePage patientId={location.search.get('patientId') ?? ''} />,
  },
  {
    pattern: '/demandes/:id',
    titleKey: 'pageTitle.order',
    permission: 'orders.read',
    render: (params) => <OrderViewPage orderId={params['id'] ?? ''} />,
  },
  {
    pattern: '/factures',
    titleKey: 'pageTitle.invoices',
    permission: 'billing.invoice',
    render: (_params, location) => <BillingInvoicesPage search={location.search} />,
  },
  {
    pattern: '/caisse',
    titleKey: 'pageTitle.cashDesk',
    permission: 'billing.cash',
    render: () => <BillingCashPage />,
  },
  {
    pattern: '/prelevements',
    titleKey: 'pageTitle.sampling',
    permission: 'specimens.collect',
    render: () => <SamplingPage />,
  },
  {
    pattern: '/reception',
    titleKey: 'pageTitle.specimenReception',
    permission: 'specimens.receive',
    render: () => <ReceptionPage />,
  },
  {
    pattern: '/paillasse/saisie',
    titleKey: 'pageTitle.resultEntry',
    permission: 'results.enter',
    render: (_params, location) => <ResultEntryPage section={location.search.get('section') || null} />,
  },
  {
    pattern: '/validation/demandes/:orderId',
    titleKey: 'pageTitle.validationReview',
    permission: 'results.validate_biological',
    render: (params) => <ValidationReviewPage orderId={params['orderId'] ?? ''} />,
  },
  {
    pattern: '/audit',
    titleKey: 'pageTitle.audit',
    permission: 'audit.read',
    render: (_params, location) => (
      <AuditEventsPage
        initialFilters={{
          patientId: location.search.get('patientId') ?? '',
          userId: location.search.get('userId') ?? '',
        }}
      />
    ),
  },
  {
    pattern: '/admin/utilisateurs',
    titleKey: 'pageTitle.users',
    permission: 'users.manage',
    render: () => <AdminUsersPage />,
  },
  {
    pattern: '/admin/roles',
    titleKey: 'pageTitle.roles',
    permission: 'users.manage',
    render: () => <AdminRolesPage />,
  },
  {
    pattern: '/admin/sites',
    titleKey: 'pageTitle.sites',
    permission: 'sites.manage',
    render: () => <AdminSitesPage />,
  },
  {
    pattern: '/admin/jetons',
    titleKey: 'pageTitle.tokens',
    permission: 'tokens.manage',
    render: () => <AdminTokensPage />,
  },
  {
    pattern: '/automates',
    titleKey: 'pageTitle.instruments',
    permission: 'instruments.read',
    render: () => <InstrumentsPage />,
  },
  {
    pattern: '/automates/messages',
    titleKey: 'pageTitle.instrumentMessages',
    permission: 'instruments.read',
    render: () => <InstrumentMessagesPage />,
  },
  {
    pattern: '/automates/:id',
    titleKey: 'pageTitle.instrument',
    permission: 'instruments.read',
    render: (params) => <InstrumentDetailPage instrumentId={params['id'] ?? ''} />,
  },
  {
    pattern: '/catalogue/analyses',
    titleKey: 'pageTitle.catalogueAnalyses',
    permission: 'catalogue.read',
    render: () => <CatalogueAnalysesPage />,
  },
  {
    pattern: '/catalogue/analyses/nouvelle',
    titleKey: 'pageTitle.catalogueAnalysisCreate',
    permission: 'catalogue.manage',
    render: () => <CatalogueAnalysisPage code={null} />,
  },
  {
    pattern: '/catalogue/analyses/:code',
    titleKey: 'pageTitle.catalogueAnalysis',
    permission: 'catalogue.read',
    render: (params) => <CatalogueAnalysisPage code={params['code'] ?? ''} />,
  },
  {
    pattern: '/catalogue/analytes',
    titleKey: 'pageTitle.catalogueAnalytes',
    permission: 'catalogue.read',
    render: () => <CatalogueAnalytesPage />,
  },
  {
    pattern: '/catalogue/analytes/nouveau',
    titleKey: 'pageTitle.catalogueAnalyteCreate',
    permission: 'catalogue.manage',
    render: () => <CatalogueAnalytePage code={null} />,
  },
  {
    pattern: '/catalogue/analytes/:code',
    titleKey: 'pageTitle.catalogueAnalyte',
    permission: 'catalogue.read',
    render: (params) => <CatalogueAnalytePage code={params['code'] ?? ''} />,
  },
  {
    pattern: '/litiges',
    titleKey: 'disputes.title',
    permission: 'billing.disputes',
    render: () => <BillingDisputesPage />,
  },
  { pattern: '/admin/nabm', titleKey: 'nabm.title', permission: 'billing.manage', render: () => <BillingNabmPage /> },
  { pattern: '/compte', titleKey: 'pageTitle.account', render: () => <ChangePasswordPage /> },
];

function findRoute(pathname: string): { route: RouteDefinition; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params !== null) {
      return { route, params };
    }
  }
  return null;
}

export function AppRouter() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const found = findRoute(location.pathname);
  const title = found ? t(found.route.titleKey) : t('pageTitle.notFound');

  useEffect(() => {
    document.title = `${title} · ${t('common.appName')}`;
  }, [title, t]);

  if (found === null) {
    return <AppMessagePage kind="notFound" />;
  }
  if (found.route.permission !== undefined && !hasPermission(me, found.route.permission)) {
    return <AppMessagePage kind="forbidden" />;
  }
  // Keyed by URL: a page remounts with fresh state when the URL changes (patient A → patient B).
  return <div key={location.href}>{found.route.render(found.params, location)}</div>;
}
