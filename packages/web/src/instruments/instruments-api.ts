import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type {
  CodeMapping,
  CodeMappingInput,
  InboundDetail,
  InboundSummary,
  Instrument,
  InstrumentCreateInput,
  InstrumentDetail,
  InstrumentUpdateInput,
  MessageFilters,
  ProcessingOutcome,
} from './instrument-types.js';

export const instrumentKeys = {
  list: ['instruments', 'list'] as const,
  detail: (id: string) => ['instruments', 'detail', id] as const,
  messages: (filters: MessageFilters) => ['instruments', 'messages', filters] as const,
  errors: ['instruments', 'messages', 'errors'] as const,
  orphans: ['instruments', 'messages', 'orphans'] as const,
  message: (id: number) => ['instruments', 'message', id] as const,
  allMessages: ['instruments', 'messages'] as const,
};

const instrumentUrl = (id: string) => `/api/instruments/${encodeURIComponent(id)}`;

export const fetchInstruments = () => api.get<ItemList<Instrument>>('/api/instruments');
export const fetchInstrument = (id: string) => api.get<InstrumentDetail>(instrumentUrl(id));
export const createInstrument = (input: InstrumentCreateInput) => api.post<Instrument>('/api/instruments', input);
export const updateInstrument = (id: string, input: InstrumentUpdateInput) =>
  api.patch<Instrument>(instrumentUrl(id), input);

export const createMapping = (instrumentId: string, input: CodeMappingInput) =>
  api.post<CodeMapping>(`${instrumentUrl(instrumentId)}/mappings`, input);
export const updateMapping = (instrumentId: string, mappingId: string, input: CodeMappingInput) =>
  api.put<CodeMapping>(`${instrumentUrl(instrumentId)}/mappings/${encodeURIComponent(mappingId)}`, input);
export const deleteMapping = (instrumentId: string, mappingId: string) =>
  api.delete<undefined>(`${instrumentUrl(instrumentId)}/mappings/${encodeURIComponent(mappingId)}`);

/** Query string of the message log; empty filters are left out (the server refuses ''). */
export function messageQuery(filters: MessageFilters): string {
  const params = new URLSearchParams();
  if (filters.instrumentId !== '') {
    params.set('instrumentId', filters.instrumentId);
  }
  if (filters.status !== '') {
    params.set('status', filters.status);
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export const fetchMessages = (filters: MessageFilters) =>
  api.get<ItemList<InboundSummary>>(`/api/instrument-messages${messageQuery(filters)}`);
export const fetchErrorQueue = () => api.get<ItemList<InboundSummary>>('/api/instrument-messages/errors');
export const fetchOrphans = () => api.get<ItemList<InboundSummary>>('/api/instrument-messages/orphans');
export const fetchMessage = (id: number) => api.get<InboundDetail>(`/api/instrument-messages/${id}`);
export const replayMessage = (id: number, reason: string) =>
  api.post<ProcessingOutcome>(`/api/instrument-messages/${id}/replay`, reason === '' ? {} : { reason });
export const assignOrphan = (id: number, input: { messageSpecimenId: string; barcode: string; reason: string }) =>
  api.post<ProcessingOutcome>(`/api/instrument-messages/${id}/assign`, input);
