import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type {
  AmendmentAnswer,
  AmendmentInput,
  BiologicalValidationAnswer,
  BiologistDashboard,
  OrderReview,
  QueueItem,
  ResultStatusAnswer,
} from '../api/workflow-types.js';

export const validationKeys = {
  all: ['validation'] as const,
  queue: ['validation', 'queue'] as const,
  dashboard: ['validation', 'dashboard'] as const,
  review: (orderId: string) => ['validation', 'review', orderId] as const,
};

export const fetchQueue = (signal?: AbortSignal) =>
  api.get<ItemList<QueueItem>>('/api/validation/queue', { query: { limit: 200 }, signal });

export const fetchBiologistDashboard = (signal?: AbortSignal) =>
  api.get<BiologistDashboard>('/api/dashboard/biologist', { signal });

export const fetchReview = (orderId: string, signal?: AbortSignal) =>
  api.get<OrderReview>(`/api/validation/orders/${encodeURIComponent(orderId)}`, { signal });

export const validateBiologically = (orderId: string, resultIds: string[]) =>
  api.post<BiologicalValidationAnswer>(`/api/validation/orders/${encodeURIComponent(orderId)}/validate`, { resultIds });

export const requestRerun = (resultId: string, reason: string) =>
  api.post<ResultStatusAnswer>(`/api/validation/results/${encodeURIComponent(resultId)}/rerun`, { reason });

export const amendResult = (resultId: string, input: AmendmentInput) =>
  api.post<AmendmentAnswer>(`/api/results/${encodeURIComponent(resultId)}/amend`, input);
