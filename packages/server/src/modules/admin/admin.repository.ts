import type { Role } from '@sillage/core';
import type { Queryable } from '../../db/database.js';
import type { SiteView, UserView } from './admin.schemas.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  site_ids: string[];
  active: boolean;
  totp_enabled: boolean;
  locale: 'fr' | 'en';
  created_at: Date;
  last_login_at: Date | null;
}

const userSelect = `SELECT u.id, u.username, u.display_name, u.active, u.totp_enabled, u.locale, u.created_at, u.last_login_at,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles,
  coalesce((SELECT array_agg(us.site_id::text ORDER BY us.site_id) FROM user_site us WHERE us.user_id = u.id), '{}') AS site_ids
  FROM app_user u`;

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    siteIds: row.site_ids,
    active: row.active,
    totpEnabled: row.totp_enabled,
    locale: row.locale,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

export async function listUsers(db: Queryable): Promise<UserView[]> {
  return (await db.query<UserRow>(`${userSelect} ORDER BY u.username`)).map(toUserView);
}

export async function getUser(db: Queryable, id: string): Promise<UserView | undefined> {
  const rows = await db.query<UserRow>(`${userSelect} WHERE u.id = $1`, [id]);
  return rows[0] === undefined ? undefined : toUserView(rows[0]);
}

export async function usernameExists(db: Queryable, username: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM app_user WHERE username = $1', [username]);
  return rows.length > 0;
}

export async function insertUser(
  db: Queryable,
  user: {
    username: string;
    displayName: string;
    passwordHash: string;
    locale: 'fr' | 'en';
    mustChangePassword: boolean;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO app_user (username, display_name, password_hash, locale, must_change_password)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [user.username, user.displayName, user.passwordHash, user.locale, user.mustChangePassword]
  );
  return (row as { id: string }).id;
}

export async function updateUserFields(
  db: Queryable,
  id: string,
  fields: { displayName?: string; active?: boolean; passwordHash?: string; mustChangePassword?: boolean }
): Promise<void> {
  await db.query(
    `UPDATE app_user SET
       display_name = coalesce($2, display_name),
       active = coalesce($3, active),
       password_hash = coalesce($4, password_hash),
       must_change_password = coalesce($5, must_change_password),
       updated_at = now()
     WHERE id = $1`,
    [
      id,
      fields.displayName ?? null,
      fields.active ?? null,
      fields.passwordHash ?? null,
      fields.mustChangePassword ?? null,
    ]
  );
}

export async function replaceUserRoles(db: Queryable, userId: string, roles: readonly Role[]): Promise<void> {
  await db.query('DELETE FROM user_role WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO user_role (user_id, role) SELECT $1, unnest($2::text[])', [userId, [...roles]]);
}

export async function replaceUserSites(db: Queryable, userId: string, siteIds: readonly string[]): Promise<void> {
  await db.query('DELETE FROM user_site WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO user_site (user_id, site_id) SELECT $1, unnest($2::uuid[])', [userId, [...siteIds]]);
}

export async function countActiveAdmins(db: Queryable, excludingUserId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE r.role = 'admin' AND u.active AND u.id <> $1`,
    [excludingUserId]
  );
  return Number(row?.n ?? 0);
}

export async function listRoleSettings(db: Queryable): Promise<{ role: Role; totp_required: boolean }[]> {
  return db.query('SELECT role, totp_required FROM role_setting ORDER BY role');
}

export async function setRoleTotp(db: Queryable, role: Role, required: boolean): Promise<void> {
  await db.query('UPDATE role_setting SET totp_required = $2 WHERE role = $1', [role, required]);
}

interface SiteRow {
  id: string;
  code: string;
  name: string;
  address: string | null;
  finess: string | null;
  territory: SiteView['territory'];
  alsace_moselle: boolean;
  active: boolean;
}

function toSiteView(row: SiteRow): SiteView {
  const { alsace_moselle: alsaceMoselle, ...rest } = row;
  return { ...rest, alsaceMoselle };
}

export async function listSites(db: Queryable): Promise<SiteView[]> {
  return (
    await db.query<SiteRow>('SELECT id, code, name, address, finess, territory, alsace_moselle, active FROM site ORDER BY code')
  ).map(toSiteView);
}

export async function getSite(db: Queryable, id: string): Promise<SiteView | undefined> {
  const rows = await db.query<SiteRow>(
    'SELECT id, code, name, address, finess, territory, alsace_moselle, active FROM site WHERE id = $1',
    [id]
  );
  return rows[0] === undefined ? undefined : toSiteView(rows[0]);
}

export async function existingSiteIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM site WHERE id = ANY($1::uuid[])', [[...ids]]);
  return rows.map((r) => r.id);
}

export async function siteCodeExists(db: Queryable, code: string, exceptId: string | null): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM site WHERE code = $1 AND ($2::uuid IS NULL OR id <> $2)', [
    code,
    exceptId,
  ]);
  return rows.length > 0;
}

export async function insertSite(
  db: Queryable,
  site: {
    code: string;
    name: string;
    address: string | null;
    finess: string | null;
    territory: string;
    alsaceMoselle: boolean;
  }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO site (code, name, address, finess, territory, alsace_moselle) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id`,
    [site.code, site.name, site.address, site.finess, site.territory, site.alsaceMoselle]
  );
  return (row as { id: string }).id;
}

export async function updateSite(db: Queryable, id: string, site: SiteView): Promise<void> {
  await db.query(
    `UPDATE site SET code = $2, name = $3, address = $4, finess = $5, territory = $6, active = $7,
       alsace_moselle = $8 WHERE id = $1`,
    [id, site.code, site.name, site.address, site.finess, site.territory, site.active, site.alsaceMoselle]
  );
}

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function listTokens(db: Queryable): Promise<
  {
    id: string;
    name: string;
    scopes: string[];
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[]
> {
  const rows = await db.query<TokenRow>(
    'SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_token ORDER BY created_at DESC'
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function insertToken(
  db: Queryable,
  token: { name: string; tokenHash: string; scopes: readonly string[]; createdBy: string }
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO api_token (name, token_hash, scopes, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [token.name, token.tokenHash, [...token.scopes], token.createdBy]
  );
  return (row as { id: string }).id;
}

export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id]
  );
  return rows.length > 0;
}
