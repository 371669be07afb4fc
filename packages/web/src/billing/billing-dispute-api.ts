/**
 * Reimbursement returns and disputes (litiges) API, issue 5 item 7 — keep in step with
 * `packages/server/src/modules/billing/disputes.schemas.ts` and RETURNS-FORMAT.md.
 * Permission `billing.disputes`. Money is integer cents.
 */
import type { AgeingBucket } from '@sillage/core';
import { api } from '../api/api.js';

export type { AgeingBucket };

export const disputeStatuses = ['open', 'corrected_resubmitted', 'billed_to_patient', 'written_off'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];

export const disputeResolutions = ['corrected_resubmitted', 'billed_to_patient', 'written_off'] as const;
export type DisputeResolution = (typeof disputeResolutions)[number];

export interface DisputeView {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  patientId: string;
  patientName: string;
  payer: 'AMO' | 'AMC';
  rejectionCode: string;
  rejectionReason: string | null;
  /** What the insurer did not pay. */
  amountCents: number;
  status: DisputeStatus;
  openedOn: string;
  dueDate: string;
  overdue: boolean;
  /** Days since the return (Paris). */
  ageDays: number;
  ageingBucket: AgeingBucket;
  assignee: { id: string; name: string | null } | null;
  resolutionReason: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  version: number;
}

export interface DisputeAgeing {
  bucket: AgeingBucket;
  label: string;
  count: number;
  amountCents: number;
}

export interface DisputeList {
  items: DisputeView[];
  ageing: DisputeAgeing[];
}

export interface DisputeListQuery {
  status: DisputeStatus | 'all';
  assigneeId?: string | undefined;
}

export interface DisputeUpdate {
  assigneeId?: string | null;
  dueDate?: string;
  version: number;
}

export interface DisputeResolveInput {
  resolution: DisputeResolution;
  reason: string;
  version: number;
}

const disputePath = (id: string) => `/api/disputes/${encodeURIComponent(id)}`;

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (query: DisputeListQuery) => ['disputes', 'list', query] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
};

export const fetchDisputes = (query: DisputeListQuery, signal?: AbortSignal) =>
  api.get<DisputeList>('/api/disputes', {
    query: { status: query.status, assigneeId: query.assigneeId, limit: 1000 },
    signal,
  });

export const fetchDispute = (id: string, signal?: AbortSignal) => api.get<DisputeView>(disputePath(id), { signal });

export const updateDispute = (id: string, update: DisputeUpdate) => api.patch<DisputeView>(disputePath(id), update);

export const resolveDispute = (id: string, input: DisputeResolveInput) =>
  api.post<DisputeView>(`${disputePath(id)}/resolve`, input);
