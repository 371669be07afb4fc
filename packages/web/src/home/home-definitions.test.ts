import { describe, expect, it } from 'vitest';
import { homesForRoles } from './home-definitions.js';

describe('homesForRoles', () => {
  it('gives each role its home, once, in workflow order', () => {
    expect(homesForRoles(['secretaire']).map((home) => home.path)).toEqual(['/accueil']);
    expect(homesForRoles(['admin', 'secretaire', 'preleveur']).map((home) => home.id)).toEqual([
      'reception',
      'administration',
    ]);
    expect(homesForRoles(['qualiticien', 'biologiste', 'technicien']).map((home) => home.id)).toEqual([
      'bench',
      'validation',
      'quality',
    ]);
    expect(homesForRoles([])).toEqual([]);
  });
});
