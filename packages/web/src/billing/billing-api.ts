import { api } from '../api/api.js';
import type { ItemList } from '../api/types.js';
import type {
  ClosingInput,
  ClosingView,
  DeskDay,
  InvoiceListItem,
  InvoiceListQuery,
  InvoiceView,
  PaymentAnswer,
  PaymentInput,
  RefundInput,
} from './billing-types.js';

const invoicePath = (id: string) => `/api/invoices/${encodeURIComponent(id)}`;

export const billingKeys = {
  invoices: ['invoices'] as const,
  invoiceList: (query: InvoiceListQuery) => ['invoices', 'list', query] as const,
  invoice: (id: string) => ['invoices', 'detail', id] as const,
  cash: ['cash'] as const,
  deskDay: (deskCode: string, date: string) => ['cash', 'day', deskCode, date] as const,
  closings: (date?: string) => ['cash', 'closings', date ?? 'all'] as const,
};

export const fetchInvoices = (query: InvoiceListQuery, signal?: AbortSignal) =>
  api.get<ItemList<InvoiceListItem>>('/api/invoices', { query: { ...query }, signal });

export const fetchInvoice = (id: string, signal?: AbortSignal) => api.get<InvoiceView>(invoicePath(id), { signal });

/** Prices the order (NABM cotation, AMO/AMC/patient shares); a draft gets no number yet. */
export const createInvoice = (orderId: string, draft: boolean, payer: 'coverage' | 'patient' = 'coverage') =>
  api.post<InvoiceView>(`/api/orders/${encodeURIComponent(orderId)}/invoice`, { draft, payer });

export const issueInvoice = (id: string) => api.post<InvoiceView>(`${invoicePath(id)}/issue`);

export const creditInvoice = (id: string, reason: string) =>
  api.post<InvoiceView>(`${invoicePath(id)}/credit-note`, { reason });

export const markFseSent = (id: string, batch: string | null) =>
  api.post<InvoiceView>(`${invoicePath(id)}/fse-sent`, { batch });

export const recordPayment = (id: string, input: PaymentInput) =>
  api.post<PaymentAnswer>(`${invoicePath(id)}/payments`, input);

export const recordRefund = (id: string, input: RefundInput) =>
  api.post<PaymentAnswer>(`${invoicePath(id)}/refunds`, input);

/** The invoice (or credit note) PDF, opened by the browser (same-origin cookie session). */
export const invoicePdfUrl = (id: string) => `${invoicePath(id)}/pdf`;
export const receiptPdfUrl = (id: string) => `${invoicePath(id)}/receipt.pdf`;
/** The FSE data prepared for the lab's certified SESAM-Vitale software (JSON, FSE-EXPORT.md). */
export const fseExportUrl = (id: string) => `${invoicePath(id)}/fse`;

export const fetchDeskDay = (deskCode: string, date: string, signal?: AbortSignal) =>
  api.get<DeskDay>('/api/cash/day', { query: { deskCode, date }, signal });

export const fetchClosings = (date: string | undefined, signal?: AbortSignal) =>
  api.get<ItemList<ClosingView>>('/api/cash/closings', { query: { date }, signal });

export const closeDeskDay = (input: ClosingInput) => api.post<ClosingView>('/api/cash/closings', input);

export const closingPdfUrl = (id: string) => `/api/cash/closings/${encodeURIComponent(id)}/pdf`;
