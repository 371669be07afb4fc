/**
 * Data of the bench's and the biologist's home screens (issue 3 item 10). Counts and short lists
 * only; the patient record is opened (and the access logged) from the worklist or the review.
 */
import type { Database } from '../../db/database.js';
import { codedValuesOf } from './analyte-rule.js';
import * as dashboards from './dashboards.repository.js';
import { displayOf, resultValueOf } from './result-evaluation.js';
import { isoOrNull, patientSummaryOf } from './result-views.js';
import type { benchDashboardSchema, biologistDashboardSchema } from './results.schemas.js';
import type { z } from 'zod';

/** Rows of the home-screen lists: enough to act on, short enough to read at a glance. */
const homeListLimit = 50;

export class DashboardService {
  constructor(private readonly database: Database) {}

  async bench(): Promise<z.infer<typeof benchDashboardSchema>> {
    const sections = await dashboards.sectionLoads(this.database);
    const urgent = await dashboards.urgentSpecimens(this.database, homeListLimit);
    return {
      sections: sections.map((row) => ({
        section: row.section,
        awaitingEntry: row.awaiting_entry,
        awaitingTechnicalValidation: row.awaiting_technical_validation,
        urgent: row.urgent,
        specimens: row.specimens,
        oldestReceivedAt: isoOrNull(row.oldest_received_at),
      })),
      urgentSpecimens: urgent.map((row) => ({
        specimenId: row.specimen_id,
        barcode: row.barcode,
        orderNumber: row.order_number,
        urgency: row.urgency,
        sections: row.sections,
        openResults: row.open_results,
        receivedAt: isoOrNull(row.received_at),
      })),
    };
  }

  async biologist(): Promise<z.infer<typeof biologistDashboardSchema>> {
    const size = await dashboards.queueSize(this.database);
    const critical = await dashboards.criticalAwaitingCall(this.database, homeListLimit);
    return {
      queueOrders: size.queue_orders,
      queueResults: size.queue_results,
      urgentOrders: size.urgent_orders,
      criticalAwaitingCall: critical.map((row) => ({
        resultId: row.result_id,
        orderId: row.order_id,
        orderNumber: row.order_number,
        urgency: row.urgency,
        patient: patientSummaryOf(row),
        analyteCode: row.analyte_code,
        analyteLabel: row.analyte_label,
        value: displayOf(
          resultValueOf(
            {
              valueNumeric: row.value_numeric,
              qualifier: row.qualifier,
              valueText: row.value_text,
              valueCode: row.value_code,
            },
            row.decimals
          ),
          { codedValues: codedValuesOf(row.coded_values) }
        ),
        unit: row.unit_ucum,
        flag: row.flag,
        status: row.status,
        enteredAt: isoOrNull(row.entered_at),
      })),
    };
  }
}
