import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type { CollectedTube, ReceptionInput, ReceptionResult, SpecimenContext } from '../api/workflow-types.js';

export const specimenKeys = {
  context: (barcode: string) => ['specimens', 'context', barcode] as const,
};

export const collectSpecimens = (barcodes: string[], collectedAt: string | undefined) =>
  api.post<ItemList<CollectedTube>>('/api/specimens/collect', {
    barcodes,
    ...(collectedAt === undefined ? {} : { collectedAt }),
  });

export const fetchSpecimenContext = (barcode: string, signal?: AbortSignal) =>
  api.get<SpecimenContext>(`/api/specimens/${encodeURIComponent(barcode)}`, { signal });

export const receiveSpecimen = (barcode: string, input: ReceptionInput) =>
  api.post<ReceptionResult>(`/api/specimens/${encodeURIComponent(barcode)}/receive`, input);

/** A replacement tube created for a rejected one (POST /api/specimens/:barcode/replacement). */
export interface ReplacementTube {
  id: string;
  barcode: string;
  replacesBarcode: string;
  orderId: string;
  orderNumber: string;
  status: string;
  containerCode: string;
  containerLabel: string;
  colour: string;
  analyses: string[];
  results: number;
  nonConformityIds: string[];
}

export const createReplacementTube = (barcode: string) =>
  api.post<ReplacementTube>(`/api/specimens/${encodeURIComponent(barcode)}/replacement`, {});

/** One tube's label (reprint or a replacement tube), for the label printer or an A4 sheet. */
export function tubeLabelUrl(orderId: string, barcode: string, format: 'label50x25' | 'a4'): string {
  return `/api/orders/${encodeURIComponent(orderId)}/labels?format=${format}&barcode=${encodeURIComponent(barcode)}`;
}

/** Rejects a tube already accepted (clot at the bench, haemolysis after centrifugation). */
export const rejectAcceptedSpecimen = (barcode: string, input: { reasonCode: string; comment?: string }) =>
  api.post<ReceptionResult>(`/api/specimens/${encodeURIComponent(barcode)}/reject`, input);
