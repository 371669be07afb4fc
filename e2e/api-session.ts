/** A cookie-keeping API client for e2e set-up steps (CSRF header echoed on mutations). */
export interface ApiAnswer {
  status: number;
  json: unknown;
}

export interface ApiSession {
  req(method: string, path: string, body?: unknown): Promise<ApiAnswer>;
}

export function apiSession(base: string): ApiSession {
  const cookies = new Map<string, string>();
  return {
    async req(method, path, body) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
      }
      const csrf = cookies.get('sillage_csrf');
      if (method !== 'GET' && csrf !== undefined) {
        headers['x-csrf-token'] = decodeURIComponent(csrf);
      }
      headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const cookie of res.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const i = pair.indexOf('=');
        cookies.set(pair.slice(0, i), pair.slice(i + 1));
      }
      const text = await res.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON (PDF…)
      }
      return { status: res.status, json };
    },
  };
}
