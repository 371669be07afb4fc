import { describe, expect, it, vi } from 'vitest';
import { buildUrl, createApiClient, readCookie } from './api-client.js';
import { ApiError, fieldErrorsByName } from './api-error.js';
import type { Locale } from './types.js';

interface RecordedCall {
  url: string;
  init: RequestInit;
}

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function setup(
  response: () => Response | Promise<Response>,
  cookies = 'sillage_csrf=abc%2F123; other=1',
  locale: Locale = 'fr'
) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return Promise.resolve(response());
  });
  const client = createApiClient({ fetch: fetchMock, readCookies: () => cookies, getLocale: () => locale });
  const headersOf = (index: number): Record<string, string> =>
    (calls[index]?.init.headers ?? {}) as Record<string, string>;
  return { client, calls, headersOf };
}

describe('api client requests', () => {
  it('sends the CSRF cookie value back in X-CSRF-Token on mutations', async () => {
    const { client, calls, headersOf } = setup(() => jsonResponse(201, { id: 'p1' }));
    await client.post('/api/patients', { birthName: 'DUPONT' });
    await client.patch('/api/patients/p1', { version: 1 });
    await client.put('/api/admin/roles/admin', { totpRequired: true });
    await client.delete('/api/admin/tokens/t1');
    expect(calls.map((call) => call.init.method)).toEqual(['POST', 'PATCH', 'PUT', 'DELETE']);
    for (const index of [0, 1, 2, 3]) {
      expect(headersOf(index)['X-CSRF-Token']).toBe('abc/123');
    }
    expect(headersOf(0)['Content-Type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"birthName":"DUPONT"}');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('does not send the CSRF header on reads, and not at all without the cookie', async () => {
    const withCookie = setup(() => jsonResponse(200, { items: [] }));
    await withCookie.client.get('/api/patients', { query: { q: 'DUPONT 12/03/1965', limit: 20, empty: '' } });
    expect(withCookie.headersOf(0)['X-CSRF-Token']).toBeUndefined();
    expect(withCookie.calls[0]?.url).toBe('/api/patients?q=DUPONT+12%2F03%2F1965&limit=20');

    const withoutCookie = setup(() => jsonResponse(200, { step: 'totp', ticket: 't' }), 'other=1');
    await withoutCookie.client.post('/api/auth/login', { username: 'a', password: 'b' });
    expect(withoutCookie.headersOf(0)['X-CSRF-Token']).toBeUndefined();
  });

  it('asks for the UI language so problem titles come back localized', async () => {
    const { client, headersOf } = setup(() => jsonResponse(200, {}), '', 'en');
    await client.get('/api/auth/me');
    expect(headersOf(0)['Accept-Language']).toBe('en');
  });

  it('uploads FormData as multipart: no JSON content type, the CSRF header still sent', async () => {
    const { client, calls, headersOf } = setup(() => jsonResponse(201, { id: 'd1' }));
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'ordonnance.pdf');
    await client.upload('/api/orders/o1/prescription', form);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe(form);
    expect(headersOf(0)['Content-Type']).toBeUndefined();
    expect(headersOf(0)['X-CSRF-Token']).toBe('abc/123');
  });

  it('returns undefined for 204 No Content', async () => {
    const { client } = setup(() => new Response(null, { status: 204 }));
    await expect(client.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});

describe('api client errors', () => {
  it('parses problem+json into an ApiError with code, title, errors and extensions', async () => {
    const problem = {
      type: 'https://sillage.dev/errors/SIL_PATIENT_DUPLICATE_SUSPECTED',
      title: 'Doublon potentiel : un patient proche existe déjà. Confirmez la création.',
      status: 409,
      code: 'SIL_PATIENT_DUPLICATE_SUSPECTED',
      detail: '1 candidat',
      errors: [{ path: '/birthDate', message: 'même date' }, { nonsense: true }],
      candidates: [{ id: 'p9', patientNumber: 'P00000009' }],
    };
    const { client } = setup(() => jsonResponse(409, problem, 'application/problem+json; charset=utf-8'));
    const error = await client.post('/api/patients', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('SIL_PATIENT_DUPLICATE_SUSPECTED');
    expect(apiError.status).toBe(409);
    expect(apiError.title).toBe(problem.title);
    expect(apiError.message).toBe(problem.title);
    expect(apiError.detail).toBe('1 candidat');
    expect(apiError.errors).toEqual([{ path: '/birthDate', message: 'même date' }]);
    expect(apiError.extensions).toEqual({ candidates: problem.candidates });
    expect(fieldErrorsByName(apiError)).toEqual({ birthDate: 'même date' });
  });

  it('falls back to the shared catalog when the answer is not problem+json', async () => {
    const { client } = setup(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
    );
    await expect(client.get('/api/health')).rejects.toMatchObject({
      code: 'SIL_UNAVAILABLE',
      status: 502,
      title: 'Service momentanément indisponible.',
    });
  });

  it('fills a missing title from the catalog in the UI language', async () => {
    const { client } = setup(() => jsonResponse(401, { code: 'SIL_AUTH_REQUIRED', status: 401 }), '', 'en');
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({
      code: 'SIL_AUTH_REQUIRED',
      title: 'Authentication required.',
    });
  });

  it('turns a network failure into SIL_UNAVAILABLE with status 0', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({ code: 'SIL_UNAVAILABLE', status: 0 });
  });
});

describe('readCookie / buildUrl', () => {
  it('reads one cookie among several, URL-decoded', () => {
    expect(readCookie('a=1; sillage_csrf=x%3Dy; b=2', 'sillage_csrf')).toBe('x=y');
    expect(readCookie('xsillage_csrf=1', 'sillage_csrf')).toBeUndefined();
    expect(readCookie('', 'sillage_csrf')).toBeUndefined();
    expect(readCookie('sillage_csrf=%E0%A4%A', 'sillage_csrf')).toBe('%E0%A4%A');
  });

  it('drops empty query values', () => {
    expect(buildUrl('/api/audit/events', { patientId: 'p1', userId: undefined, from: null, limit: 50 })).toBe(
      '/api/audit/events?patientId=p1&limit=50'
    );
    expect(buildUrl('/api/x', {})).toBe('/api/x');
  });
});
