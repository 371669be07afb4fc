/**
 * Deterministic generator of realistic French identities for the demo lab and the benchmarks:
 * frequent French surnames and first names (INSEE frequency lists), real commune codes, NIRs
 * with a correct key (consistent with sex, birth year and month, birthplace).
 */
import { computeNirKey } from '@sillage/core';
import type { PatientCreateInput } from '../modules/patients/patients.schemas.js';

const surnames = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT',
  'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFEVRE', 'FAURE', 'ANDRE',
  'MERCIER', 'BLANC', 'GUERIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANCOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA',
  'PERRIN', 'ROBIN', 'CLEMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON',
  'MARCHAND', 'DUVAL', 'DENIS', 'DUMONT', 'MARIE', 'LEMAIRE', 'NOEL', 'MEYER', 'DUFOUR', 'MEUNIER',
  'BRUN', 'BLANCHARD', 'GIRAUD', 'JOLY', 'RIVIERE', 'LUCAS', 'BRUNET', 'GAILLARD', 'BARBIER', 'ARNAUD',
  'MARTINEZ', 'GERARD', 'ROCHE', 'RENARD', 'SCHMITT', 'ROY', 'LEROUX', 'COLIN', 'VIDAL', 'CARON',
  'PICARD', 'ROGER', 'FABRE', 'AUBERT', 'LEMOINE', 'RENAUD', 'DUMAS', 'LACROIX', 'OLIVIER', 'PHILIPPE',
  'BOURGEOIS', 'PIERRE', 'BENOIT', 'REY', 'LECLERC', 'PAYET', 'ROLLAND', 'LECLERCQ', 'GUILLAUME', 'LECOMTE',
  'LOPEZ', 'JEAN', 'DUPUY', 'GUILLOT', 'HUBERT', 'BERGER', 'CARPENTIER', 'SANCHEZ', 'DUPUIS', 'MOULIN',
  'LOUIS', 'DESCHAMPS', 'HUET', 'VASSEUR', 'PEREZ', 'BOUCHER', 'FLEURY', 'ROYER', 'KLEIN', 'JACQUET',
  'ADAM', 'PARIS', 'POIRIER', 'MARTY', 'AUBRY', 'GUYOT', 'CARRE', 'CHARLES', 'RENAULT', 'CHARPENTIER',
  'MENARD', 'MAILLARD', 'BARON', 'BERTIN', 'BAILLY', 'HERVE', 'SCHNEIDER', 'FERNANDEZ', 'LE GALL', 'COLLET',
  'LEGER', 'BOUVIER', 'JULIEN', 'PREVOST', 'MILLET', 'PERROT', 'DANIEL', 'LE ROUX', 'COUSIN', 'GERMAIN',
  'BRETON', 'BESSON', 'LANGLOIS', 'REMY', 'LE GOFF', 'PELLETIER', 'LEVEQUE', 'PERRIER', 'LEBLANC', 'BARRE',
  'LEBRUN', 'MARCHAL', 'WEBER', 'MALLET', 'HAMON', 'BOULANGER', 'JACOB', 'MONNIER', 'MICHAUD', 'RODRIGUEZ',
  'GUICHARD', 'GILLET', 'ETIENNE', 'GRONDIN', 'POULAIN', 'TESSIER', 'CHEVALLIER', 'COLLIN', 'CHAUVIN', 'DA SILVA',
  'BOUCHET', 'GAY', 'LEMAITRE', 'BENARD', 'MARECHAL', 'HUMBERT', 'REYNAUD', 'ANTOINE', 'HOARAU', 'PERRET',
  'BARTHELEMY', 'CORDIER', 'PICHON', 'LEJEUNE', 'GILBERT', 'LAMY', 'DELAUNAY', 'PASQUIER', 'CARLIER', 'LAPORTE',
];
const femaleFirstNames = [
  'MARIE', 'NATHALIE', 'ISABELLE', 'SYLVIE', 'CATHERINE', 'FRANCOISE', 'MARTINE', 'CHRISTINE', 'MONIQUE', 'VALERIE',
  'SANDRINE', 'STEPHANIE', 'SOPHIE', 'CELINE', 'AURELIE', 'JULIE', 'CAMILLE', 'EMMA', 'LEA', 'CHLOE',
  'MANON', 'INES', 'JADE', 'LOUISE', 'ALICE', 'LINA', 'ZOE', 'ANNE', 'JEANNE', 'HELENE',
  'CAROLINE', 'ELODIE', 'EMILIE', 'LAURENCE', 'VERONIQUE', 'PATRICIA', 'BRIGITTE', 'NICOLE', 'ANNIE', 'AGNES',
  'MARIE-CLAIRE', 'ANNE-SOPHIE', 'MARGAUX', 'LOLA', 'ROSE', 'AMBRE', 'ANAIS', 'PAULINE', 'MATHILDE', 'CLARA',
];
const maleFirstNames = [
  'JEAN', 'PHILIPPE', 'MICHEL', 'ALAIN', 'PATRICK', 'NICOLAS', 'CHRISTOPHE', 'PIERRE', 'CHRISTIAN', 'ERIC',
  'FREDERIC', 'LAURENT', 'STEPHANE', 'DAVID', 'PASCAL', 'DANIEL', 'SEBASTIEN', 'JULIEN', 'THIERRY', 'OLIVIER',
  'BERNARD', 'THOMAS', 'ALEXANDRE', 'GABRIEL', 'LOUIS', 'RAPHAEL', 'JULES', 'ADAM', 'LUCAS', 'LEO',
  'HUGO', 'ARTHUR', 'NATHAN', 'ETHAN', 'PAUL', 'MAEL', 'NOAH', 'TOM', 'THEO', 'ANTOINE',
  'JEAN-PIERRE', 'JEAN-LUC', 'JEAN-MARC', 'FRANCOIS', 'GERARD', 'ROGER', 'ANDRE', 'RENE', 'MARCEL', 'YVES',
];
/** Real INSEE commune codes (La Poste / INSEE COG): Paris 1er, Lyon 1er, Marseille 1er, Lille, Strasbourg, Ajaccio, Bastia, Saint-Denis (Réunion), Bordeaux, Nantes, Toulouse, Nice. */
const birthplaces = ['75101', '69381', '13201', '59350', '67482', '2A004', '2B033', '97411', '33063', '44109', '31555', '06088'];
const streets = ['rue de la République', 'avenue Jean Jaurès', 'place de la Mairie', 'rue Victor Hugo', 'boulevard Pasteur', 'chemin des Vignes'];
const cities = ['69003 LYON', '13005 MARSEILLE', '75011 PARIS', '59000 LILLE', '67000 STRASBOURG', '33000 BORDEAUX'];

/** Mulberry32: tiny deterministic PRNG so the demo and benchmarks are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A NIR consistent with the traits (Corsica 2A/2B and overseas handled by computeNirKey). */
export function nirFor(sex: 'F' | 'M', birthDate: string, birthplace: string, order: number): string {
  const sexDigit = sex === 'M' ? '1' : '2';
  const body = `${sexDigit}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthplace}${String(order % 1000).padStart(3, '0')}`;
  return `${body}${computeNirKey(body)}`;
}

export function generatePatient(random: () => number, index: number): PatientCreateInput {
  const sex = random() < 0.52 ? 'F' : 'M';
  const birthName = pick(random, surnames);
  const firstNames = sex === 'F' ? femaleFirstNames : maleFirstNames;
  const first = pick(random, firstNames);
  const second = pick(random, firstNames);
  const birthFirstNames = random() < 0.6 && second !== first ? `${first} ${second}` : first;
  const year = 1930 + Math.floor(random() * 95);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const birthplace = pick(random, birthplaces);
  const married = sex === 'F' && year < 1995 && random() < 0.5;
  const qualified = random() < 0.6;
  const document = qualified || random() < 0.5 ? pick(random, ['CNI', 'PASSEPORT', 'TITRE_SEJOUR'] as const) : null;
  return {
    birthName,
    usedName: married ? pick(random, surnames) : null,
    birthFirstNames,
    firstFirstName: first,
    birthDate,
    sex,
    birthplaceInsee: birthplace,
    ins: qualified ? { number: nirFor(sex, birthDate, birthplace, index) } : null,
    // RNIV: QUAL = INS retrieved and identity checked on a high-trust document; VALI = checked, no INS.
    identityStatus: qualified ? 'QUAL' : document !== null ? 'VALI' : 'PROV',
    identityDocument: document,
    phone: `06${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    email: null,
    address: `${1 + Math.floor(random() * 120)} ${pick(random, streets)}, ${pick(random, cities)}`,
    confirmDuplicate: true,
  };
}
