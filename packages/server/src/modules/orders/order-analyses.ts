/**
 * Turning typed analysis terms into catalogue analyses, and placing analyses on tubes with their
 * pending result rows — shared by order creation and by adding analyses to an order.
 */
import {
  checkFeasibility,
  computeTubes,
  formatSpecimenBarcode,
  parseSpecimenBarcode,
  SillageError,
  type FeasibilityWarning,
  type FieldIssue,
  type PlannedTube,
} from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import * as catalogue from './order-catalogue.repository.js';
import * as orders from './orders.repository.js';
import type { OrderCreateInput } from './orders.schemas.js';
import * as specimens from './specimens.repository.js';

/**
 * Resolves each term to one current orderable analysis: by code first, else by mnemonic
 * (case-insensitive) when exactly one analysis bears it. Unknown or ambiguous terms →
 * `SIL_ANALYSIS_UNKNOWN` naming them all; the same analysis twice → `SIL_ORDER_ANALYSIS_DUPLICATE`.
 */
export async function resolveAnalyses(db: Queryable, terms: readonly string[]): Promise<catalogue.CatalogueAnalysis[]> {
  const candidates = await catalogue.findOrderableAnalyses(db, terms);
  const unknown: FieldIssue[] = [];
  const resolved: catalogue.CatalogueAnalysis[] = [];
  terms.forEach((term, index) => {
    const upper = term.toUpperCase();
    const byCode = candidates.find((a) => a.code === upper);
    const byMnemonic = candidates.filter((a) => a.mnemonic.toUpperCase() === upper);
    const match = byCode ?? (byMnemonic.length === 1 ? byMnemonic[0] : undefined);
    if (match === undefined) {
      unknown.push({
        path: `analyses.${index}`,
        message: byMnemonic.length > 1 ? `${term} : mnémonique ambigu` : `${term} : inconnu`,
      });
    } else {
      resolved.push(match);
    }
  });
  if (unknown.length > 0) {
    throw new SillageError('SIL_ANALYSIS_UNKNOWN', {
      issues: unknown,
      extra: { unknown: unknown.map((issue) => terms[Number(issue.path.split('.')[1])]) },
    });
  }
  const seen = new Map<string, number>();
  const duplicates: FieldIssue[] = [];
  resolved.forEach((analysis, index) => {
    const first = seen.get(analysis.code);
    if (first === undefined) {
      seen.set(analysis.code, index);
    } else {
      duplicates.push({ path: `analyses.${index}`, message: `${terms[index]} = ${terms[first]} (${analysis.code})` });
    }
  });
  if (duplicates.length > 0) {
    throw new SillageError('SIL_ORDER_ANALYSIS_DUPLICATE', { issues: duplicates });
  }
  return resolved;
}

const transportTemperature = { ambiante: 'room', refrigeree: 'cold' } as const;

/** Feasibility warnings (core lab/feasibility.ts); blocking ones stop the desk unless acknowledged. */
export function feasibilityOf(
  analyses: readonly catalogue.CatalogueAnalysis[],
  context: Pick<OrderCreateInput, 'patientFasting' | 'plannedSamplingAt' | 'plannedTransport' | 'acknowledgeWarnings'>
): FeasibilityWarning[] {
  const warnings = checkFeasibility(
    analyses.map((a) => ({
      code: a.code,
      label: a.label,
      fastingRequired: a.fastingRequired,
      samplingWindow:
        a.timeWindowStart === null || a.timeWindowEnd === null
          ? null
          : { from: a.timeWindowStart, to: a.timeWindowEnd },
      stabilityHoursRoom: a.stabilityHoursRoom,
      stabilityHoursCold: a.stabilityHoursCold,
    })),
    {
      fasting: context.patientFasting === 'unknown' ? null : context.patientFasting === 'yes',
      samplingAt: context.plannedSamplingAt,
      transport:
        context.plannedTransport === null
          ? null
          : {
              transportHours: context.plannedTransport.hours,
              temperature: transportTemperature[context.plannedTransport.temperature],
            },
    }
  );
  const blocking = warnings.filter((w) => w.severity === 'blocking');
  if (blocking.length > 0 && !context.acknowledgeWarnings) {
    throw new SillageError('SIL_ORDER_FEASIBILITY_BLOCKED', {
      issues: blocking.map((w) => ({ path: `analyses.${w.analysisCode}`, message: w.message })),
      extra: { warnings },
    });
  }
  return warnings;
}

export interface PlacedAnalysis {
  analysis: catalogue.CatalogueAnalysis;
  orderAnalysisId: string;
}

interface OrderContext {
  orderId: string;
  orderNumber: string;
  patientId: string;
  urgent: boolean;
}

async function containersFor(
  db: Queryable,
  analyses: readonly catalogue.CatalogueAnalysis[]
): Promise<Map<string, catalogue.CatalogueContainer>> {
  const codes = [...new Set(analyses.map((a) => a.containerCode))];
  const containers = new Map((await catalogue.findContainers(db, codes)).map((c) => [c.code, c]));
  const missing = codes.filter((code) => !containers.has(code));
  if (missing.length > 0) {
    throw new SillageError('SIL_ORDER_CATALOGUE_INCOMPLETE', { detail: `contenant ${missing.join(', ')}` });
  }
  return containers;
}

/** The tubes of a new order (core computeTubes: shared when compatible, volumes, order of draw). */
export async function planTubes(
  db: Queryable,
  analyses: readonly catalogue.CatalogueAnalysis[]
): Promise<PlannedTube[]> {
  const containers = await containersFor(db, analyses);
  return computeTubes(
    analyses.map((a) => ({
      code: a.code,
      containerCode: a.containerCode,
      volumeMl: a.volumeMl,
      specimenType: (containers.get(a.containerCode) as catalogue.CatalogueContainer).specimenType,
      shareable: a.shareable,
    })),
    [...containers.values()].map((c) => ({
      code: c.code,
      colour: c.colour,
      capacityMl: c.capacityMl,
      drawOrder: c.drawOrder,
    }))
  );
}

/** One pending result per analyte (current analyte version) of each analysis, on its tube. */
async function insertResultsFor(
  db: Queryable,
  order: OrderContext,
  placements: readonly { placed: PlacedAnalysis; specimenId: string }[]
): Promise<number> {
  const codes = [...new Set(placements.flatMap((p) => p.placed.analysis.analyteCodes))];
  const analyteIds = await catalogue.findCurrentAnalyteIds(db, codes);
  const missing = codes.filter((code) => !analyteIds.has(code));
  if (missing.length > 0) {
    throw new SillageError('SIL_ORDER_CATALOGUE_INCOMPLETE', { detail: `analyte ${missing.join(', ')}` });
  }
  const rows = placements.flatMap(({ placed, specimenId }) =>
    placed.analysis.analyteCodes.map((code) => ({
      orderId: order.orderId,
      orderAnalysisId: placed.orderAnalysisId,
      specimenId,
      patientId: order.patientId,
      analyteId: analyteIds.get(code) as string,
      analyteCode: code,
      urgent: order.urgent,
    }))
  );
  await orders.insertPendingResults(db, rows);
  return rows.length;
}

/** Inserts the planned tubes of a new order, links their analyses and creates the pending results. */
export async function createTubes(
  db: Queryable,
  order: OrderContext,
  tubes: readonly PlannedTube[],
  placed: readonly PlacedAnalysis[]
): Promise<{ barcodes: string[]; results: number }> {
  const byCode = new Map(placed.map((p) => [p.analysis.code, p]));
  const placements: { placed: PlacedAnalysis; specimenId: string }[] = [];
  const barcodes: string[] = [];
  for (const tube of tubes) {
    const barcode = formatSpecimenBarcode(order.orderNumber, tube.index);
    const specimenId = await specimens.insertSpecimen(db, {
      orderId: order.orderId,
      barcode,
      containerCode: tube.containerCode,
      volumeMl: tube.volumeMl,
    });
    barcodes.push(barcode);
    for (const code of tube.analyses) {
      const analysis = byCode.get(code) as PlacedAnalysis;
      await specimens.linkSpecimenAnalysis(db, specimenId, analysis.orderAnalysisId);
      placements.push({ placed: analysis, specimenId });
    }
  }
  return { barcodes, results: await insertResultsFor(db, order, placements) };
}

interface HostTube {
  id: string;
  barcode: string;
  containerCode: string;
  roomMl: number;
}

/** Tube statuses on which an added analysis may still be measured ("rajout" on a drawn tube). */
const reusableStatuses = new Set(['expected', 'collected', 'received', 'in_analysis']);

/**
 * Places analyses added to an existing order: on a tube of the same container that is still usable,
 * shareable and has room left, else on a new tube numbered after the order's last one (gap-free).
 */
export async function addToExistingTubes(
  db: Queryable,
  order: OrderContext,
  placed: readonly PlacedAnalysis[]
): Promise<{ barcodes: string[]; newBarcodes: string[]; results: number }> {
  const containers = await containersFor(
    db,
    placed.map((p) => p.analysis)
  );
  const existing = await specimens.listOrderSpecimens(db, order.orderId);
  let lastIndex = Math.max(0, ...existing.map((t) => parseSpecimenBarcode(t.barcode)?.tubeIndex ?? 0));
  const hosts: HostTube[] = existing
    .filter((t) => reusableStatuses.has(t.status) && t.all_shareable)
    .map((t) => ({
      id: t.id,
      barcode: t.barcode,
      containerCode: t.container_code,
      roomMl: Number(t.capacity_ml) - Number(t.volume_ml),
    }));
  const placements: { placed: PlacedAnalysis; specimenId: string }[] = [];
  const barcodes: string[] = [];
  const newBarcodes: string[] = [];
  for (const item of placed) {
    const { analysis } = item;
    const host = analysis.shareable
      ? hosts.find((t) => t.containerCode === analysis.containerCode && t.roomMl + 1e-9 >= analysis.volumeMl)
      : undefined;
    let specimenId: string;
    let barcode: string;
    if (host === undefined) {
      const container = containers.get(analysis.containerCode) as catalogue.CatalogueContainer;
      if (analysis.volumeMl > container.capacityMl) {
        throw new SillageError('SIL_TUBE_VOLUME_EXCEEDS_CAPACITY', { detail: analysis.code });
      }
      lastIndex++;
      barcode = formatSpecimenBarcode(order.orderNumber, lastIndex);
      specimenId = await specimens.insertSpecimen(db, {
        orderId: order.orderId,
        barcode,
        containerCode: analysis.containerCode,
        volumeMl: analysis.volumeMl,
      });
      newBarcodes.push(barcode);
      if (analysis.shareable) {
        // A later analysis of the same request may share this new tube.
        hosts.push({
          id: specimenId,
          barcode,
          containerCode: analysis.containerCode,
          roomMl: container.capacityMl - analysis.volumeMl,
        });
      }
    } else {
      specimenId = host.id;
      barcode = host.barcode;
      host.roomMl -= analysis.volumeMl;
      await specimens.addSpecimenVolume(db, host.id, analysis.volumeMl);
    }
    await specimens.linkSpecimenAnalysis(db, specimenId, item.orderAnalysisId);
    placements.push({ placed: item, specimenId });
    barcodes.push(barcode);
  }
  return { barcodes, newBarcodes, results: await insertResultsFor(db, order, placements) };
}
