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

  it('keeps the French labels of the core workflow the browser tests rely on (issue 3 end-to-end)', () => {
    expect(fr.orders.create).toMatchObject({ action: 'Nouvelle demande', submit: 'Enregistrer la demande' });
    expect(fr.orders.fields).toMatchObject({
      prescriber: 'Prescripteur',
      prescriptionDate: 'Date de prescription',
      analyses: 'Analyses',
      urgency: 'Urgence',
      fasting: 'Patient à jeun',
      clinicalInfo: 'Renseignements cliniques',
      plannedSamplingAt: 'Heure de prélèvement prévue',
    });
    expect(fr.orders.view).toMatchObject({ labels50x25: 'Étiquettes (50 × 25)', labelsA4: 'Étiquettes (A4)' });
    expect(fr.orders.prescription.attach).toBe('Joindre l’ordonnance');
    expect(fr.orders.list.recall).toBe('Patient à rappeler');
    expect(fr.specimens.fields.barcodeToScan).toBe('Code-barres du tube');
    expect(fr.specimens.sampling.submit).toBe('Enregistrer le prélèvement');
    expect(fr.specimens.reception).toMatchObject({
      identityMatches: 'Identité concordante',
      containerOk: 'Contenant conforme',
      fillingOk: 'Remplissage conforme',
      temperature: 'Température de transport',
      haemolysis: 'Hémolyse',
      lipaemia: 'Lipémie',
      icterus: 'Ictère',
      reason: 'Motif du refus',
      accept: 'Accepter',
      reject: 'Refuser',
    });
    expect(fr.results.entry.validateTechnical).toBe('Valider techniquement');
    expect(fr.results.criticalCall).toMatchObject({
      calledPerson: 'Personne appelée',
      calledAt: 'Heure de l’appel',
      comment: 'Commentaire',
      submit: 'Enregistrer l’appel',
    });
    expect(fr.biology.review).toMatchObject({ validateSelection: 'Valider la sélection', validateAll: 'Valider tout' });
    expect(fr.biology.rerun).toMatchObject({ action: 'Relancer', reason: 'Motif de la relance' });
    expect(fr.biology.amend).toMatchObject({ newValue: 'Nouvelle valeur', reason: 'Motif de la correction' });
    expect(fr.reports).toMatchObject({ issue: 'Éditer le compte rendu', openPdf: 'Ouvrir le PDF' });
    expect(fr.reports.delivery).toMatchObject({
      channel: 'Canal',
      recipient: 'Destinataire',
      identityChecked: 'Identité vérifiée',
      submit: 'Enregistrer la remise',
    });
  });
});
