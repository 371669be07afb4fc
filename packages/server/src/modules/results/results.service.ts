/**
 * The results feature (issue 3 items 6–8 and the bench/biologist dashboards of item 10), one small
 * service per concern behind this facade, which `services.ts` builds once per app.
 */
import type { Database, Queryable } from '../../db/database.js';
import { AccessEventWriter } from '../audit/audit-writer.js';
import { BiologicalValidationService } from './biological-validation.service.js';
import { activeCommentCodes, type CommentCode } from './comment-codes.repository.js';
import { CriticalNotificationService } from './critical-notifications.service.js';
import { DashboardService } from './dashboards.service.js';
import { ResultHistoryService } from './history.service.js';
import { ResultAmendmentService } from './result-amendment.service.js';
import { ResultEntryService } from './result-entry.service.js';
import { validatedResultsForOrder, type ValidatedResult } from './results-read.repository.js';
import { TechnicalValidationService } from './technical-validation.service.js';
import { WorklistService } from './worklists.service.js';

export type { ValidatedResult } from './results-read.repository.js';

export class ResultService {
  readonly worklists: WorklistService;
  readonly entry: ResultEntryService;
  readonly technicalValidation: TechnicalValidationService;
  readonly criticalNotifications: CriticalNotificationService;
  readonly biologicalValidation: BiologicalValidationService;
  readonly amendments: ResultAmendmentService;
  readonly history: ResultHistoryService;
  readonly dashboards: DashboardService;

  /**
   * `accessEvents`: the app's shared group-commit writer of read events (services.ts); a writer of
   * its own otherwise — reads of a patient's results are logged either way.
   */
  constructor(
    readonly database: Database,
    accessEvents: AccessEventWriter = new AccessEventWriter(database)
  ) {
    this.worklists = new WorklistService(database);
    this.entry = new ResultEntryService(database);
    this.technicalValidation = new TechnicalValidationService(database);
    this.criticalNotifications = new CriticalNotificationService(database);
    this.biologicalValidation = new BiologicalValidationService(database, accessEvents);
    this.amendments = new ResultAmendmentService(database);
    this.history = new ResultHistoryService(database, accessEvents);
    this.dashboards = new DashboardService(database);
  }

  /** The lab's active coded comments with their labels (the picker of the entry grid). */
  commentCodes(): Promise<CommentCode[]> {
    return activeCommentCodes(this.database);
  }

  /**
   * For the reports feature: per result of the order, the latest biologically validated version
   * (value, unit, flag, interval, comment, validator and time, previous result and its date).
   * Runs in the caller's transaction.
   */
  validatedResultsForOrder(tx: Queryable, orderId: string): Promise<ValidatedResult[]> {
    return validatedResultsForOrder(tx, orderId);
  }
}
