import { api } from '../api/api.js';
import type {
  BenchDashboard,
  CommentCode,
  CriticalNotification,
  CriticalNotificationInput,
  EntryAnswer,
  ResultEntryInput,
  TechnicalValidationAnswer,
  Worklist,
} from '../api/workflow-types.js';

export const resultKeys = {
  worklist: (section: string | null) => ['results', 'worklist', section ?? ''] as const,
  benchDashboard: ['results', 'dashboard', 'bench'] as const,
  commentCodes: ['results', 'comment-codes'] as const,
};

export const fetchWorklist = (section: string | null, signal?: AbortSignal) =>
  api.get<Worklist>('/api/worklists', { query: { section, limit: 200 }, signal });

export const fetchBenchDashboard = (signal?: AbortSignal) =>
  api.get<BenchDashboard>('/api/dashboard/bench', { signal });

/** One value (decimal comma or point, coded value, text): the answer carries flags, delta and calculations. */
export const enterResult = (resultId: string, input: ResultEntryInput) =>
  api.put<EntryAnswer>(`/api/results/${encodeURIComponent(resultId)}`, input);

export const validateSpecimenTechnically = (specimenBarcode: string) =>
  api.post<TechnicalValidationAnswer>('/api/results/validate-technical', { specimenBarcode });

export const recordCriticalCall = (resultId: string, input: CriticalNotificationInput) =>
  api.post<CriticalNotification>(`/api/results/${encodeURIComponent(resultId)}/critical-notification`, input);

/** The lab's active coded comments with their labels. */
export const fetchCommentCodes = (signal?: AbortSignal) =>
  api.get<{ items: CommentCode[] }>('/api/results/comment-codes', { signal });
