import { describe, expect, it } from 'vitest';
import { permissionMatrix, permissions, permissionsOf, rolesGranting } from './permissions.js';
import { roles } from './roles.js';

describe('permission matrix', () => {
  it('every role is in the matrix and admin holds every permission but biological validation', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...roles].sort());
    expect(permissionsOf(['admin'])).toEqual(permissions.filter((p) => p !== 'results.validate_biological'));
  });

  it('only biologists validate biologically', () => {
    expect(rolesGranting('results.validate_biological')).toEqual(['biologiste']);
  });

  it('unions the permissions of several roles', () => {
    expect(permissionsOf(['preleveur', 'qualiticien'])).toEqual([
      'patients.read',
      'audit.read',
      'sites.read',
      'catalogue.read',
      'orders.read',
      'specimens.collect',
      'results.read',
      'reports.read',
    ]);
  });

  it('only biologists and admins merge identities', () => {
    expect(rolesGranting('patients.merge')).toEqual(['biologiste', 'admin']);
  });
});
