/**
 * First start: creates the lab, a main site and the `admin` account. The admin password is
 * SILLAGE_ADMIN_PASSWORD when set, else generated and printed once (never stored in clear).
 */
import { randomInt } from 'node:crypto';
import { checkPassword, SillageError } from '@sillage/core';
import type { Database } from '../db/database.js';
import { writeAuditEvent } from '../modules/audit/audit-writer.js';
import { hashPassword } from '../modules/auth/password-hashing.js';
import { seedStarterCatalogue } from '../modules/catalogue/starter-catalogue.js';

export interface FirstStartResult {
  created: boolean;
  generatedPassword: string | null;
}

const passwordAlphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 20): string {
  let password = '';
  for (let i = 0; i < length; i++) {
    password += passwordAlphabet[randomInt(passwordAlphabet.length)];
  }
  return password;
}

export async function ensureFirstStart(
  database: Database,
  options: { labName: string; adminPassword: string | undefined }
): Promise<FirstStartResult> {
  const [existing] = await database.query('SELECT 1 FROM lab WHERE id = 1');
  if (existing !== undefined) {
    return { created: false, generatedPassword: null };
  }
  const password = options.adminPassword ?? generatePassword();
  const problem = checkPassword(password, { username: 'admin' });
  if (problem !== null) {
    throw new SillageError(problem, { detail: 'SILLAGE_ADMIN_PASSWORD refusé par la politique de mots de passe' });
  }
  const passwordHash = await hashPassword(password);
  await database.transaction(async (tx) => {
    await tx.query('INSERT INTO lab (id, name) VALUES (1, $1)', [options.labName]);
    const [site] = await tx.query<{ id: string }>(
      "INSERT INTO site (code, name, territory) VALUES ('PRINCIPAL', 'Site principal', 'metropole') RETURNING id"
    );
    const [admin] = await tx.query<{ id: string }>(
      `INSERT INTO app_user (username, display_name, password_hash) VALUES ('admin', 'Administrateur', $1) RETURNING id`,
      [passwordHash]
    );
    const adminId = (admin as { id: string }).id;
    await tx.query("INSERT INTO user_role (user_id, role) VALUES ($1, 'admin')", [adminId]);
    await tx.query('INSERT INTO user_site (user_id, site_id) VALUES ($1, $2)', [adminId, (site as { id: string }).id]);
    const catalogue = await seedStarterCatalogue(tx);
    await writeAuditEvent(
      tx,
      { actor: null, requestId: null, address: null },
      {
        action: 'lab.initialised',
        entityType: 'lab',
        entityId: '1',
        after: { name: options.labName, admin: 'admin', catalogue },
      }
    );
  });
  return { created: true, generatedPassword: options.adminPassword === undefined ? password : null };
}
