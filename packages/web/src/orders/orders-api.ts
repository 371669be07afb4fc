import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type {
  AnalysisSummary,
  FeasibilityWarning,
  NonConformity,
  NonConformityStatus,
  OrderCreateInput,
  OrderListQuery,
  OrderSummary,
  OrderView,
  OrderWithWarnings,
  Prescriber,
  PrescriptionDocument,
} from '../api/workflow-types.js';

export const orderKeys = {
  all: ['orders'] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  /** The feasibility warnings answered at creation, kept for the order page that follows. */
  creationWarnings: (id: string) => ['orders', 'creation-warnings', id] as const,
  list: (query: OrderListQuery) => ['orders', 'list', query] as const,
  nonConformities: (query: { status?: NonConformityStatus; orderId?: string }) =>
    ['orders', 'non-conformities', query] as const,
  analysisSearch: (q: string) => ['catalogue', 'analyses', q] as const,
  prescriberSearch: (q: string) => ['prescribers', 'search', q] as const,
};

export async function searchAnalyses(q: string, signal?: AbortSignal): Promise<AnalysisSummary[]> {
  const answer = await api.get<ItemList<AnalysisSummary>>('/api/catalogue/analyses', {
    query: { q, limit: 8 },
    signal,
  });
  return answer.items;
}

export async function searchPrescribers(q: string, signal?: AbortSignal): Promise<Prescriber[]> {
  const answer = await api.get<ItemList<Prescriber>>('/api/prescribers', { query: { q, limit: 10 }, signal });
  return answer.items;
}

export const createOrder = (input: OrderCreateInput) => api.post<OrderWithWarnings>('/api/orders', input);

export const fetchOrder = (id: string, signal?: AbortSignal) =>
  api.get<OrderView>(`/api/orders/${encodeURIComponent(id)}`, { signal });

export const fetchOrders = (query: OrderListQuery, signal?: AbortSignal) =>
  api.get<ItemList<OrderSummary>>('/api/orders', { query: { ...query }, signal });

export function attachPrescription(orderId: string, file: File): Promise<PrescriptionDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<PrescriptionDocument>(`/api/orders/${encodeURIComponent(orderId)}/prescription`, form);
}

export const fetchNonConformities = (query: { status?: NonConformityStatus; orderId?: string }, signal?: AbortSignal) =>
  api.get<ItemList<NonConformity>>('/api/non-conformities', { query: { ...query }, signal });

export const updateNonConformity = (id: string, input: { status: 'in_progress' | 'closed'; resolution: string }) =>
  api.patch<NonConformity>(`/api/non-conformities/${encodeURIComponent(id)}`, input);

export type LabelFormat = 'label50x25' | 'a4';

/** The labels PDF, opened by the browser (same-origin cookie session). */
export function labelsUrl(orderId: string, format: LabelFormat): string {
  return `/api/orders/${encodeURIComponent(orderId)}/labels?format=${format}`;
}

export function prescriptionUrl(orderId: string, documentId: string): string {
  return `/api/orders/${encodeURIComponent(orderId)}/prescription/${encodeURIComponent(documentId)}`;
}

/** Blocking feasibility warnings come back in the 422 problem's `warnings` extension. */
export function feasibilityWarningsOf(extensions: Readonly<Record<string, unknown>>): FeasibilityWarning[] {
  const warnings = extensions['warnings'];
  if (!Array.isArray(warnings)) {
    return [];
  }
  return warnings.filter(
    (item: unknown): item is FeasibilityWarning =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Record<string, unknown>)['message'] === 'string' &&
      typeof (item as Record<string, unknown>)['analysisCode'] === 'string'
  );
}
