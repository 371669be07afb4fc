import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type { Delivery, DeliveryInput, Report } from '../api/workflow-types.js';

export const reportKeys = {
  forOrder: (orderId: string) => ['reports', 'order', orderId] as const,
  deliveries: (reportId: string) => ['reports', 'deliveries', reportId] as const,
};

export const fetchReports = (orderId: string, signal?: AbortSignal) =>
  api.get<ItemList<Report>>(`/api/orders/${encodeURIComponent(orderId)}/reports`, { signal });

/** Issues the next version (partial, complete or amended) from the validated results. */
export const issueReport = (orderId: string, reason?: string) =>
  api.post<Report>(`/api/orders/${encodeURIComponent(orderId)}/reports`, reason === undefined ? {} : { reason });

export const fetchDeliveries = (reportId: string, signal?: AbortSignal) =>
  api.get<ItemList<Delivery>>(`/api/reports/${encodeURIComponent(reportId)}/deliveries`, { signal });

export const recordDelivery = (reportId: string, input: DeliveryInput) =>
  api.post<Delivery>(`/api/reports/${encodeURIComponent(reportId)}/deliveries`, input);

/** The stored PDF (byte-identical on reprint), opened by the browser. */
export function reportPdfUrl(reportId: string): string {
  return `/api/reports/${encodeURIComponent(reportId)}/pdf`;
}
