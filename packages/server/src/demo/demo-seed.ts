/**
 * The demo lab (`npm run demo`): two sites, one account per role with documented passwords
 * (README § Démo), a few hundred realistic patients — all created through the services, so the
 * audit trail of the demo is as real as production's.
 */
import type { Role } from '@sillage/core';
import { SillageError } from '@sillage/core';
import type { Services } from '../services.js';
import type { AuditContext } from '../modules/audit/audit-writer.js';
import { seedDemoPrescribers } from './demo-prescribers.js';
import { generatePatient, seededRandom } from './patient-generator.js';

export const demoAccounts: readonly { username: string; displayName: string; role: Role; password: string }[] = [
  {
    username: 'secretaire',
    displayName: 'Sophie Martin (secrétaire)',
    role: 'secretaire',
    password: 'Accueil-Bellecour-2026',
  },
  {
    username: 'preleveur',
    displayName: 'Karim Benali (préleveur)',
    role: 'preleveur',
    password: 'Garrot-et-Aiguille-2026',
  },
  {
    username: 'technicien',
    displayName: 'Julie Moreau (technicienne)',
    role: 'technicien',
    password: 'Paillasse-Centrifugeuse-2026',
  },
  {
    username: 'biologiste',
    displayName: 'Dr Paul Lefèvre (biologiste)',
    role: 'biologiste',
    password: 'Validation-Sanguine-2026',
  },
  {
    username: 'qualiticien',
    displayName: 'Anne Rousseau (qualité)',
    role: 'qualiticien',
    password: 'Indicateurs-Qualite-2026',
  },
];

export const demoAdminPassword = 'Gestion-du-Laboratoire-2026';

export async function seedDemo(
  services: Services,
  patientCount = 300
): Promise<{ created: boolean; patients: number }> {
  const existing = await services.admin.listUsers();
  if (existing.some((u) => u.username === 'secretaire')) {
    return { created: false, patients: 0 };
  }
  const [admin] = existing.filter((u) => u.username === 'admin');
  const context: AuditContext = {
    actor:
      admin === undefined
        ? null
        : {
            kind: 'user',
            userId: admin.id,
            name: 'admin',
            roles: ['admin'],
            permissions: [],
            siteIds: [],
            locale: 'fr',
            sessionTokenHash: null,
            csrfToken: null,
            tokenId: null,
          },
    requestId: 'demo-seed',
    address: null,
  };
  const sites = await services.admin.listSites();
  const annexe = await services.admin.createSite(
    {
      code: 'ANNEXE',
      name: 'Site annexe — Croix-Rousse',
      address: '12 rue d’Austerlitz, 69004 Lyon',
      territory: 'metropole',
    },
    context
  );
  const siteIds = [...sites.map((s) => s.id), annexe.id];
  for (const account of demoAccounts) {
    const user = await services.admin.createUser(
      {
        username: account.username,
        displayName: account.displayName,
        password: account.password,
        roles: [account.role],
        siteIds,
        locale: 'fr',
      },
      context
    );
    // Demo passwords are documented; do not force a change at first login.
    await services.database.query('UPDATE app_user SET must_change_password = false WHERE id = $1', [user.id]);
  }
  await seedDemoPrescribers(services, context);
  const random = seededRandom(20261121);
  let created = 0;
  for (let i = 0; i < patientCount; i++) {
    try {
      await services.patients.create(generatePatient(random, i), siteIds[0] ?? null, context);
      created++;
    } catch (error) {
      if (!(error instanceof SillageError && error.code === 'SIL_PATIENT_INS_TAKEN')) {
        throw error;
      }
    }
  }
  return { created: true, patients: created };
}
