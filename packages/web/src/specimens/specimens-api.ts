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
