import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type {
  AnalysisCreateInput,
  AnalysisDetail,
  AnalysisSummary,
  AnalysisUpdateInput,
  Analysis,
  Analyte,
  AnalyteCreateInput,
  AnalyteUpdateInput,
  Container,
} from './catalogue-types.js';

export const catalogueKeys = {
  all: ['catalogue'] as const,
  analyses: ['catalogue', 'analyses', 'all'] as const,
  analysis: (code: string) => ['catalogue', 'analysis', code] as const,
  analytes: ['catalogue', 'analytes'] as const,
  analyte: (code: string) => ['catalogue', 'analyte', code] as const,
  analyteVersions: (code: string) => ['catalogue', 'analyte', code, 'versions'] as const,
  analysisVersions: (code: string) => ['catalogue', 'analysis', code, 'versions'] as const,
  containers: ['catalogue', 'containers'] as const,
};

const analysisUrl = (code: string) => `/api/catalogue/analyses/${encodeURIComponent(code)}`;
const analyteUrl = (code: string) => `/api/catalogue/analytes/${encodeURIComponent(code)}`;

/** The server's list limit (analysisSearchQuerySchema): the whole catalogue, orderable or not. */
const analysisListLimit = 500;

export const fetchAnalyses = () =>
  api.get<ItemList<AnalysisSummary>>('/api/catalogue/analyses', { query: { all: true, limit: analysisListLimit } });
export const fetchAnalysis = (code: string) => api.get<AnalysisDetail>(analysisUrl(code));
export const fetchAnalysisVersions = (code: string) => api.get<ItemList<Analysis>>(`${analysisUrl(code)}/versions`);
export const createAnalysis = (input: AnalysisCreateInput) => api.post<Analysis>('/api/catalogue/analyses', input);
export const updateAnalysis = (code: string, input: AnalysisUpdateInput) => api.put<Analysis>(analysisUrl(code), input);

export const fetchAnalytes = () => api.get<ItemList<Analyte>>('/api/catalogue/analytes');
export const fetchAnalyte = (code: string) => api.get<Analyte>(analyteUrl(code));
export const fetchAnalyteVersions = (code: string) => api.get<ItemList<Analyte>>(`${analyteUrl(code)}/versions`);
export const createAnalyte = (input: AnalyteCreateInput) => api.post<Analyte>('/api/catalogue/analytes', input);
export const updateAnalyte = (code: string, input: AnalyteUpdateInput) => api.put<Analyte>(analyteUrl(code), input);

export const fetchContainers = () => api.get<ItemList<Container>>('/api/catalogue/containers');
