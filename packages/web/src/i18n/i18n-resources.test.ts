import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a resource tree as `path → text`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      leaves.set(path, value);
    } else {
      for (const [childPath, text] of flatten(value, path)) {
        leaves.set(childPath, text);
      }
    }
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const frLeaves = flatten(fr);
const enLeaves = flatten(en);

describe('translation resources', () => {
  it('French and English have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it('each English text uses the same {{placeholders}} as the French one', () => {
    for (const [key, frText] of frLeaves) {
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(frText));
    }
  });

  it('no text is empty', () => {
    for (const [key, text] of [...frLeaves, ...enLeaves]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps the French labels the browser tests rely on', () => {
    expect(fr.auth.login).toMatchObject({ username: 'Identifiant', password: 'Mot de passe', submit: 'Se connecter' });
    expect(fr.patients.fields).toMatchObject({
      birthName: 'Nom de naissance',
      firstFirstName: 'Premier prénom de naissance',
      birthFirstNames: 'Prénoms de naissance',
      birthDate: 'Date de naissance',
      sex: 'Sexe',
    });
    expect(fr.patients.search.label).toBe('Rechercher un patient');
  });
});
