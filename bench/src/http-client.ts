/**
 * Minimal HTTP/1.1 client on a keep-alive agent (one socket per virtual client, like a browser
 * tab that keeps its connection), and the admin login that yields the session cookies.
 */
import http from 'node:http';

export interface HttpTarget {
  host: string;
  port: number;
}

export function targetOf(baseUrl: string): HttpTarget {
  const url = new URL(baseUrl);
  return { host: url.hostname, port: Number(url.port) };
}

/** GET that resolves with the body when the status is 200, and rejects otherwise. */
export function httpGet(
  agent: http.Agent,
  target: HttpTarget,
  path: string,
  headers: Record<string, string>
): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ agent, host: target.host, port: target.port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode === 200) {
          resolve(body);
        } else {
          reject(new Error(`GET ${path} → HTTP ${response.statusCode ?? '?'} ${body.slice(0, 300)}`));
        }
      });
    });
    request.on('error', reject);
  });
}

/** POST /api/auth/login → the `Cookie` header carrying `sillage_session` and `sillage_csrf`. */
export async function loginCookieHeader(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw new Error(`Connexion ${username} refusée : HTTP ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair.startsWith('sillage_session=') || pair.startsWith('sillage_csrf='));
  if (!cookies.some((pair) => pair.startsWith('sillage_session='))) {
    throw new Error('Connexion sans cookie sillage_session (étape TOTP demandée ?)');
  }
  return cookies.join('; ');
}
