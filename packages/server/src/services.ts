/**
 * The services of one app instance, built once and handed to each feature plugin
 * (Fastify encapsulation: no global singletons, tests build their own).
 */
import type { SillageConfig } from './config.js';
import type { Database } from './db/database.js';
import { AccessEventWriter } from './modules/audit/audit-writer.js';
import { AdminService } from './modules/admin/admin.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PatientService } from './modules/patients/patients.service.js';
import { CatalogueService } from './modules/catalogue/catalogue.service.js';
import { PrescriberService } from './modules/prescribers/prescribers.service.js';
import { OrderService } from './modules/orders/orders.service.js';
import { ResultService } from './modules/results/results.service.js';
import { ReportService } from './modules/reports/reports.service.js';
import { BillingService } from './modules/billing/billing.service.js';
import { InstrumentService } from './modules/instruments/instruments.service.js';

export interface Services {
  readonly config: SillageConfig;
  readonly database: Database;
  readonly auth: AuthService;
  /** Group-committed access (read) events, shared by every feature that reads patient data. */
  readonly accessEvents: AccessEventWriter;
  readonly admin: AdminService;
  readonly patients: PatientService;
  readonly catalogue: CatalogueService;
  readonly prescribers: PrescriberService;
  readonly orders: OrderService;
  readonly results: ResultService;
  readonly reports: ReportService;
  readonly billing: BillingService;
  readonly instruments: InstrumentService;
}

export function createServices(database: Database, config: SillageConfig): Services {
  const accessEvents = new AccessEventWriter(database);
  return {
    accessEvents,
    config,
    database,
    auth: new AuthService(database, config),
    admin: new AdminService(database),
    patients: new PatientService(database, accessEvents),
    catalogue: new CatalogueService(database),
    prescribers: new PrescriberService(database),
    orders: new OrderService(database),
    results: new ResultService(database, accessEvents),
    reports: new ReportService(database),
    billing: new BillingService(database),
    instruments: new InstrumentService(database, accessEvents),
  };
}
