/**
 * Patient coverage (AMO / AMC) API, issue 5 item 3 — keep in step with
 * `packages/server/src/modules/billing/coverage.schemas.ts`. Permission `billing.invoice`.
 */
import type { Exoneration } from '@sillage/core';
import { api } from '../api/api.js';

export type { Exoneration };

export interface AmoCoverage {
  regime: string;
  caisse: string;
  centre: string;
  insuredNir: string;
  beneficiaryRank: string;
  validFrom: string | null;
  validTo: string | null;
  exoneration: Exoneration | null;
  exonerationValidFrom: string | null;
  exonerationValidTo: string | null;
  alsaceMoselle: boolean;
}

export interface AmcCoverage {
  organisme: string;
  memberNumber: string | null;
  contract: string | null;
  validFrom: string | null;
  validTo: string | null;
  ratePercentOfTm: number;
  tiersPayant: boolean;
}

export type CoverageSource = 'manual' | 'attestation';

export interface CoverageInput {
  amo: AmoCoverage;
  amc: AmcCoverage | null;
  source: CoverageSource;
  /** Version read before editing (`null` on first entry): a concurrent change is refused. */
  version: number | null;
}

export interface CoverageIssue {
  code: string;
  path: string;
  detail: string;
}

export interface CoverageView {
  patientId: string;
  amo: AmoCoverage;
  amc: AmcCoverage | null;
  source: CoverageSource;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** Day the rights were checked (today, Paris); `issuesToday` is empty when they are open. */
  checkedOn: string;
  issuesToday: CoverageIssue[];
}

export interface CoverageAnswer {
  patientId: string;
  coverage: CoverageView | null;
  notice: string;
}

const coveragePath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/coverage`;

export const coverageKeys = {
  patient: (patientId: string) => ['coverage', patientId] as const,
};

export const fetchCoverage = (patientId: string, signal?: AbortSignal) =>
  api.get<CoverageAnswer>(coveragePath(patientId), { signal });

export const saveCoverage = (patientId: string, input: CoverageInput) =>
  api.put<CoverageView>(coveragePath(patientId), input);
