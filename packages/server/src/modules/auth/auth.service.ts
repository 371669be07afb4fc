/**
 * Login with optional TOTP second step, sessions, password change, TOTP enrolment.
 * Throttling counts failures per account and per address in the database (holds across
 * instances); every outcome is audited.
 */
import { checkPassword, permissionsOf, SillageError } from '@sillage/core';
import type { SillageConfig } from '../../config.js';
import type { Database, Queryable } from '../../db/database.js';
import { writeAuditEvent, type AuditContext } from '../audit/audit-writer.js';
import { sessionCache } from '../../http/session-cache.js';
import * as repo from './auth.repository.js';
import type { LoginAnswer, Me } from './auth.schemas.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hashing.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const ticketLifetimeMs = 5 * 60_000;
const totpIssuer = 'Sillage';

export interface NewSession {
  token: string;
  csrfToken: string;
  me: Me;
}

export type LoginOutcome = { answer: LoginAnswer; session: NewSession | null };

export function toMe(user: repo.UserAuthRow): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    siteIds: user.site_ids,
    permissions: permissionsOf(user.roles),
    locale: user.locale,
    totpEnabled: user.totp_enabled,
    mustChangePassword: user.must_change_password,
  };
}

export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly config: SillageConfig
  ) {}

  async login(
    username: string,
    password: string,
    context: AuditContext & { address: string; userAgent: string | null }
  ): Promise<LoginOutcome> {
    const account = username.trim().toLowerCase();
    const failures = await repo.countRecentFailures(
      this.database,
      account,
      context.address,
      this.config.loginThrottleWindowMinutes
    );
    if (
      failures.account >= this.config.loginMaxFailuresPerAccount ||
      failures.address >= this.config.loginMaxFailuresPerAddress
    ) {
      await this.database.transaction((tx) =>
        writeAuditEvent(tx, context, {
          action: 'auth.login_throttled',
          entityType: 'user',
          after: { username: account },
        })
      );
      throw new SillageError('SIL_AUTH_THROTTLED');
    }
    const user = await repo.findUserByUsername(this.database, account);
    const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (user === undefined || !passwordOk) {
      await this.recordFailure(account, context, 'mot de passe');
      throw new SillageError('SIL_AUTH_INVALID_CREDENTIALS');
    }
    if (!user.active) {
      await this.recordFailure(account, context, 'compte désactivé');
      throw new SillageError('SIL_AUTH_ACCOUNT_DISABLED');
    }
    if (user.totp_enabled && user.totp_secret !== null) {
      return { answer: { step: 'totp', ticket: await this.issueTicket(user.id, null) }, session: null };
    }
    const required = await repo.rolesRequiringTotp(this.database);
    if (user.roles.some((role) => required.includes(role))) {
      const secret = newTotpSecret();
      const ticket = await this.issueTicket(user.id, secret);
      return {
        answer: { step: 'totp_enrol', ticket, secret, otpauthUrl: totpUri(secret, user.username, totpIssuer) },
        session: null,
      };
    }
    const session = await this.openSession(user, context, 'auth.login');
    return { answer: { step: 'done', user: session.me }, session };
  }

  async completeTotp(
    ticket: string,
    code: string,
    context: AuditContext & { address: string; userAgent: string | null }
  ): Promise<LoginOutcome> {
    const ticketHash = hashSecretToken(ticket);
    const pending = await this.database.transaction(async (tx) => {
      const row = await repo.consumeLoginTicket(tx, ticketHash);
      return row === undefined ? undefined : { row, user: await repo.findUserById(tx, row.user_id) };
    });
    if (pending?.user === undefined) {
      throw new SillageError('SIL_AUTH_SESSION_EXPIRED');
    }
    const { row, user } = pending;
    const secret = row.enrol_secret ?? user.totp_secret;
    if (secret === null || !(await verifyTotp(secret, code))) {
      await this.recordFailure(user.username, context, 'code TOTP');
      throw new SillageError('SIL_AUTH_TOTP_INVALID');
    }
    const session = await this.openSession(user, context, 'auth.login', async (tx) => {
      await repo.markLoginTicketUsed(tx, ticketHash);
      if (row.enrol_secret !== null) {
        await repo.setTotp(tx, user.id, row.enrol_secret, true);
        await writeAuditEvent(tx, context, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
      }
    });
    return { answer: { step: 'done', user: { ...session.me, totpEnabled: true } }, session };
  }

  async logout(tokenHash: string, context: AuditContext): Promise<void> {
    await this.database.transaction(async (tx) => {
      await repo.revokeSession(tx, tokenHash);
      await writeAuditEvent(tx, context, { action: 'auth.logout', entityType: 'session' });
    });
    sessionCache.clear(); // again after commit: a concurrent request may have re-cached the session
  }

  async me(userId: string): Promise<Me> {
    const user = await repo.findUserById(this.database, userId);
    if (user === undefined) {
      throw new SillageError('SIL_USER_NOT_FOUND');
    }
    return toMe(user);
  }

  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    keepSessionHash: string | null,
    context: AuditContext
  ): Promise<void> {
    const user = await repo.findUserById(this.database, userId);
    if (user === undefined) {
      throw new SillageError('SIL_USER_NOT_FOUND');
    }
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new SillageError('SIL_PASSWORD_WRONG_CURRENT');
    }
    const problem = checkPassword(newPassword, { username: user.username });
    if (problem !== null) {
      throw new SillageError(problem);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.database.transaction(async (tx) => {
      await repo.setPassword(tx, userId, passwordHash, false);
      // Other sessions of this user end: a password change is how one evicts a thief.
      await repo.revokeUserSessions(tx, userId, keepSessionHash);
      await writeAuditEvent(tx, context, { action: 'auth.password_changed', entityType: 'user', entityId: userId });
    });
    sessionCache.clear();
  }

  async setupTotp(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await repo.findUserById(this.database, userId);
    if (user === undefined) {
      throw new SillageError('SIL_USER_NOT_FOUND');
    }
    const secret = newTotpSecret();
    // Kept aside until a code proves the authenticator has it; an enabled factor stays in force.
    await this.database.transaction((tx) => repo.setPendingTotp(tx, userId, secret));
    return { secret, otpauthUrl: totpUri(secret, user.username, totpIssuer) };
  }

  async enableTotp(userId: string, code: string, context: AuditContext): Promise<void> {
    const user = await repo.findUserById(this.database, userId);
    const pending = user?.totp_pending_secret ?? null;
    if (pending === null || !(await verifyTotp(pending, code))) {
      throw new SillageError('SIL_AUTH_TOTP_INVALID');
    }
    await this.database.transaction(async (tx) => {
      await repo.setTotp(tx, userId, pending, true);
      await writeAuditEvent(tx, context, { action: 'auth.totp_enabled', entityType: 'user', entityId: userId });
    });
  }

  async setLocale(userId: string, locale: 'fr' | 'en', context: AuditContext): Promise<Me> {
    await this.database.transaction(async (tx) => {
      await repo.setLocale(tx, userId, locale);
      await writeAuditEvent(tx, context, {
        action: 'user.preferences_changed',
        entityType: 'user',
        entityId: userId,
        after: { locale },
      });
    });
    return this.me(userId);
  }

  private async issueTicket(userId: string, enrolSecret: string | null): Promise<string> {
    const ticket = newSecretToken();
    await this.database.transaction((tx) =>
      repo.insertLoginTicket(tx, {
        ticketHash: hashSecretToken(ticket),
        userId,
        enrolSecret,
        expiresAt: new Date(Date.now() + ticketLifetimeMs),
      })
    );
    return ticket;
  }

  private async openSession(
    user: repo.UserAuthRow,
    context: AuditContext & { address: string; userAgent: string | null },
    action: string,
    alsoInTransaction?: (tx: Queryable) => Promise<void>
  ): Promise<NewSession> {
    const token = newSecretToken();
    const csrfToken = newSecretToken();
    const tokenHash = hashSecretToken(token);
    const me = toMe(user);
    await this.database.transaction(async (tx) => {
      await repo.insertSession(tx, {
        tokenHash,
        userId: user.id,
        csrfToken,
        absoluteExpiresAt: new Date(Date.now() + this.config.sessionAbsoluteHours * 3_600_000),
        address: context.address,
        userAgent: context.userAgent,
      });
      await repo.markLogin(tx, user.id);
      await repo.clearLoginFailures(tx, user.username);
      await alsoInTransaction?.(tx);
      const actorContext: AuditContext = {
        ...context,
        actor: {
          kind: 'user',
          userId: user.id,
          name: user.username,
          roles: user.roles,
          permissions: permissionsOf(user.roles),
          siteIds: user.site_ids,
          locale: user.locale,
          sessionTokenHash: tokenHash,
          csrfToken,
          tokenId: null,
        },
      };
      await writeAuditEvent(tx, actorContext, { action, entityType: 'session', entityId: user.id });
    });
    return { token, csrfToken, me };
  }

  private async recordFailure(
    account: string,
    context: AuditContext & { address: string },
    why: string
  ): Promise<void> {
    await this.database.transaction(async (tx) => {
      await repo.recordLoginFailure(tx, account, context.address);
      await writeAuditEvent(tx, context, {
        action: 'auth.login_failed',
        entityType: 'user',
        after: { username: account, reason: why },
      });
    });
  }
}
