import type { Role } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import { sessionCache } from '../../http/session-cache.js';

export interface UserAuthRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: 'fr' | 'en';
  active: boolean;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_pending_secret: string | null;
  must_change_password: boolean;
  roles: Role[];
  site_ids: string[];
}

const userColumns = `u.id, u.username, u.display_name, u.password_hash, u.locale, u.active, u.totp_secret,
  u.totp_enabled, u.totp_pending_secret, u.must_change_password,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles,
  coalesce((SELECT array_agg(us.site_id::text ORDER BY us.site_id) FROM user_site us WHERE us.user_id = u.id), '{}') AS site_ids`;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserAuthRow | undefined> {
  const rows = await db.query<UserAuthRow>(`SELECT ${userColumns} FROM app_user u WHERE u.username = $1`, [username]);
  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserAuthRow | undefined> {
  const rows = await db.query<UserAuthRow>(`SELECT ${userColumns} FROM app_user u WHERE u.id = $1`, [id]);
  return rows[0];
}

export interface SessionRow extends UserAuthRow {
  token_hash: string;
  csrf_token: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await db.query<SessionRow>(
    `SELECT s.token_hash, s.csrf_token, s.last_seen_at, s.absolute_expires_at, s.revoked_at, ${userColumns}
       FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash]
  );
  return rows[0];
}

export async function insertSession(
  db: Queryable,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    absoluteExpiresAt: Date;
    address: string;
    userAgent: string | null;
  }
): Promise<void> {
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, csrf_token, absolute_expires_at, address, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.absoluteExpiresAt,
      session.address,
      session.userAgent,
    ]
  );
}

export async function touchSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  sessionCache.clear();
  await db.query('UPDATE user_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
}

export async function revokeUserSessions(db: Queryable, userId: string, exceptTokenHash: string | null): Promise<void> {
  sessionCache.clear();
  await db.query(
    `UPDATE user_session SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR token_hash <> $2)`,
    [userId, exceptTokenHash]
  );
}

export async function countRecentFailures(
  db: Queryable,
  account: string,
  address: string,
  windowMinutes: number
): Promise<{ account: number; address: number }> {
  const rows = await db.query<{ account_failures: number; address_failures: number }>(
    `SELECT
       (SELECT count(*) FROM login_failure WHERE account = $1 AND failed_at > now() - make_interval(mins => $3)) AS account_failures,
       (SELECT count(*) FROM login_failure WHERE address = $2 AND failed_at > now() - make_interval(mins => $3)) AS address_failures`,
    [account, address, windowMinutes]
  );
  const row = rows[0] ?? { account_failures: 0, address_failures: 0 };
  return { account: Number(row.account_failures), address: Number(row.address_failures) };
}

export async function recordLoginFailure(db: Queryable, account: string, address: string): Promise<void> {
  await db.query('INSERT INTO login_failure (account, address) VALUES ($1, $2)', [account, address]);
}

export async function clearLoginFailures(db: Queryable, account: string): Promise<void> {
  await db.query('DELETE FROM login_failure WHERE account = $1', [account]);
}

export async function markLogin(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [userId]);
}

export async function rolesRequiringTotp(db: Queryable): Promise<Role[]> {
  const rows = await db.query<{ role: Role }>('SELECT role FROM role_setting WHERE totp_required');
  return rows.map((r) => r.role);
}

export async function insertLoginTicket(
  db: Queryable,
  ticket: { ticketHash: string; userId: string; enrolSecret: string | null; expiresAt: Date }
): Promise<void> {
  await db.query('INSERT INTO login_ticket (ticket_hash, user_id, enrol_secret, expires_at) VALUES ($1, $2, $3, $4)', [
    ticket.ticketHash,
    ticket.userId,
    ticket.enrolSecret,
    ticket.expiresAt,
  ]);
}

export async function consumeLoginTicket(
  db: Queryable,
  ticketHash: string
): Promise<{ user_id: string; enrol_secret: string | null } | undefined> {
  const rows = await db.query<{ user_id: string; enrol_secret: string | null }>(
    `SELECT user_id, enrol_secret FROM login_ticket
      WHERE ticket_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
    [ticketHash]
  );
  return rows[0];
}

export async function markLoginTicketUsed(db: Queryable, ticketHash: string): Promise<void> {
  await db.query('UPDATE login_ticket SET used_at = now() WHERE ticket_hash = $1', [ticketHash]);
}

export async function setPassword(
  db: Queryable,
  userId: string,
  passwordHash: string,
  mustChange: boolean
): Promise<void> {
  await db.query(
    'UPDATE app_user SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1',
    [userId, passwordHash, mustChange]
  );
}

export async function setTotp(db: Queryable, userId: string, secret: string | null, enabled: boolean): Promise<void> {
  await db.query(
    'UPDATE app_user SET totp_secret = $2, totp_enabled = $3, totp_pending_secret = NULL, updated_at = now() WHERE id = $1',
    [userId, secret, enabled]
  );
}

export async function setPendingTotp(db: Queryable, userId: string, secret: string): Promise<void> {
  await db.query('UPDATE app_user SET totp_pending_secret = $2, updated_at = now() WHERE id = $1', [userId, secret]);
}

export async function setLocale(db: Queryable, userId: string, locale: 'fr' | 'en'): Promise<void> {
  await db.query('UPDATE app_user SET locale = $2, updated_at = now() WHERE id = $1', [userId, locale]);
}

export interface ApiTokenRow {
  id: string;
  name: string;
  scopes: string[];
  created_by: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export async function findApiToken(db: Queryable, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const rows = await db.query<ApiTokenRow>(
    'SELECT id, name, scopes, created_by, revoked_at, last_used_at FROM api_token WHERE token_hash = $1',
    [tokenHash]
  );
  return rows[0];
}

export async function touchApiToken(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [id]);
}
