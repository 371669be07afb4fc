/**
 * Users, roles, sites and API tokens (administration). Every change is audited with its
 * before/after image; password hashes and token secrets never enter the audit trail.
 */
import { checkPassword, permissionMatrix, SillageError, type Role } from '@sillage/core';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { revokeUserSessions } from '../auth/auth.repository.js';
import { hashPassword } from '../auth/password-hashing.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import * as repo from './admin.repository.js';
import { sessionCache } from '../../http/session-cache.js';
import type { SiteView, UserView } from './admin.schemas.js';

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  siteIds: string[];
  locale: 'fr' | 'en';
}

export interface UserUpdateInput {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  siteIds?: string[] | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

export class AdminService {
  constructor(private readonly database: Database) {}

  listUsers(): Promise<UserView[]> {
    return repo.listUsers(this.database);
  }

  async createUser(input: UserCreateInput, context: AuditContext): Promise<UserView> {
    const problem = checkPassword(input.password, { username: input.username });
    if (problem !== null) {
      throw new SillageError(problem);
    }
    const passwordHash = await hashPassword(input.password);
    return this.database.transaction(async (tx) => {
      if (await repo.usernameExists(tx, input.username)) {
        throw new SillageError('SIL_USERNAME_TAKEN');
      }
      await this.assertSitesExist(tx, input.siteIds);
      // An initial password chosen by an admin is provisional: the user is asked to change it.
      const id = await repo.insertUser(tx, { ...input, passwordHash, mustChangePassword: true });
      await repo.replaceUserRoles(tx, id, input.roles);
      await repo.replaceUserSites(tx, id, input.siteIds);
      const created = (await repo.getUser(tx, id)) as UserView;
      await writeAuditEvent(tx, context, { action: 'user.created', entityType: 'user', entityId: id, after: created });
      return created;
    });
  }

  async updateUser(id: string, input: UserUpdateInput, context: AuditContext): Promise<UserView> {
    const updated = await this.updateUserInTransaction(id, input, context);
    sessionCache.clear(); // after commit, so no request re-caches the previous roles
    return updated;
  }

  private async updateUserInTransaction(id: string, input: UserUpdateInput, context: AuditContext): Promise<UserView> {
    if (input.password !== undefined) {
      const problem = checkPassword(input.password);
      if (problem !== null) {
        throw new SillageError(problem);
      }
    }
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    return this.database.transaction(async (tx) => {
      const before = await repo.getUser(tx, id);
      if (before === undefined) {
        throw new SillageError('SIL_USER_NOT_FOUND');
      }
      const losesAdmin =
        before.roles.includes('admin') &&
        ((input.roles !== undefined && !input.roles.includes('admin')) || input.active === false);
      if (losesAdmin && (await repo.countActiveAdmins(tx, id)) === 0) {
        throw new SillageError('SIL_LAST_ADMIN');
      }
      if (input.siteIds !== undefined) {
        await this.assertSitesExist(tx, input.siteIds);
        await repo.replaceUserSites(tx, id, input.siteIds);
      }
      if (input.roles !== undefined) {
        await repo.replaceUserRoles(tx, id, input.roles);
      }
      await repo.updateUserFields(tx, id, {
        displayName: input.displayName,
        active: input.active,
        passwordHash,
        mustChangePassword: passwordHash === undefined ? undefined : true,
      });
      if (input.active === false || passwordHash !== undefined) {
        await revokeUserSessions(tx, id, null);
      }
      const after = (await repo.getUser(tx, id)) as UserView;
      sessionCache.clear(); // roles, sites or activity of live sessions may have changed
      await writeAuditEvent(tx, context, {
        action: passwordHash === undefined ? 'user.updated' : 'user.password_reset',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async listRoles(): Promise<{ role: Role; permissions: string[]; totpRequired: boolean }[]> {
    const settings = await repo.listRoleSettings(this.database);
    return settings.map((s) => ({
      role: s.role,
      permissions: [...permissionMatrix[s.role]],
      totpRequired: s.totp_required,
    }));
  }

  async setRoleTotp(
    role: Role,
    totpRequired: boolean,
    context: AuditContext
  ): Promise<{ role: Role; permissions: string[]; totpRequired: boolean }> {
    await this.database.transaction(async (tx) => {
      await repo.setRoleTotp(tx, role, totpRequired);
      await writeAuditEvent(tx, context, {
        action: 'role.totp_requirement_changed',
        entityType: 'role',
        entityId: role,
        after: { totpRequired },
      });
    });
    return { role, permissions: [...permissionMatrix[role]], totpRequired };
  }

  listSites(): Promise<SiteView[]> {
    return repo.listSites(this.database);
  }

  async createSite(
    input: {
      code: string;
      name: string;
      address?: string | null | undefined;
      finess?: string | null | undefined;
      territory: SiteView['territory'];
      alsaceMoselle?: boolean | undefined;
    },
    context: AuditContext
  ): Promise<SiteView> {
    return this.database.transaction(async (tx) => {
      if (await repo.siteCodeExists(tx, input.code, null)) {
        throw new SillageError('SIL_SITE_CODE_TAKEN');
      }
      const id = await repo.insertSite(tx, {
        code: input.code,
        name: input.name,
        address: input.address ?? null,
        finess: input.finess ?? null,
        territory: input.territory,
        alsaceMoselle: input.alsaceMoselle ?? false,
      });
      const created = (await repo.getSite(tx, id)) as SiteView;
      await writeAuditEvent(tx, context, { action: 'site.created', entityType: 'site', entityId: id, after: created });
      return created;
    });
  }

  async updateSite(id: string, input: Partial<SiteView>, context: AuditContext): Promise<SiteView> {
    return this.database.transaction(async (tx) => {
      const before = await repo.getSite(tx, id);
      if (before === undefined) {
        throw new SillageError('SIL_SITE_NOT_FOUND');
      }
      if (input.code !== undefined && (await repo.siteCodeExists(tx, input.code, id))) {
        throw new SillageError('SIL_SITE_CODE_TAKEN');
      }
      const after: SiteView = { ...before, ...stripUndefined(input), id };
      await repo.updateSite(tx, id, after);
      await writeAuditEvent(tx, context, { action: 'site.updated', entityType: 'site', entityId: id, before, after });
      return after;
    });
  }

  listTokens(): ReturnType<typeof repo.listTokens> {
    return repo.listTokens(this.database);
  }

  async createToken(
    input: { name: string; scopes: string[] },
    createdBy: string,
    context: AuditContext
  ): Promise<{ id: string; token: string }> {
    const token = newSecretToken('sil_');
    const id = await this.database.transaction(async (tx) => {
      const tokenId = await repo.insertToken(tx, { ...input, tokenHash: hashSecretToken(token), createdBy });
      await writeAuditEvent(tx, context, {
        action: 'token.created',
        entityType: 'api_token',
        entityId: tokenId,
        after: { name: input.name, scopes: input.scopes },
      });
      return tokenId;
    });
    return { id, token };
  }

  async revokeToken(id: string, context: AuditContext): Promise<void> {
    await this.database.transaction(async (tx) => {
      if (!(await repo.revokeToken(tx, id))) {
        throw new SillageError('SIL_NOT_FOUND');
      }
      await writeAuditEvent(tx, context, { action: 'token.revoked', entityType: 'api_token', entityId: id });
    });
  }

  private async assertSitesExist(tx: Queryable, siteIds: readonly string[]): Promise<void> {
    const existing = await repo.existingSiteIds(tx, siteIds);
    if (existing.length !== new Set(siteIds).size) {
      throw new SillageError('SIL_SITE_NOT_FOUND');
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
