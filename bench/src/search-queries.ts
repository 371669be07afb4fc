/**
 * The query mix of the search benchmark, drawn from patients actually loaded so searches hit:
 * what a reception desk types in the one search box (issue 2 § 7) —
 *   50 % « NOM JJ/MM/AAAA » (birth or used name + birth date),
 *   20 % a name prefix alone (3 to 6 letters, or the whole name),
 *   15 % a NIR (compact or written in groups as on the carte Vitale),
 *   15 % a patient number.
 * Each case also carries the parameters the patient service derives from the text, so the raw
 * database run executes the very same repository SQL.
 */
export interface SampledPatient {
  patient_number: string;
  birth_name: string;
  used_name: string | null;
  birth_date: string;
  ins_number: string | null;
}

export type SearchKind = 'nameAndBirthDate' | 'namePrefix' | 'nir' | 'patientNumber';

export type RepositorySearch =
  | { by: 'traits'; nameKey: string; otherKeys: string[]; birthDate: string | null }
  | { by: 'ins'; insNumber: string }
  | { by: 'number'; patientNumber: string };

export interface SearchCase {
  kind: SearchKind;
  /** What the user types in the search box (sent as `?q=`). */
  text: string;
  repository: RepositorySearch;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`, as typed at the desk. */
function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** Name tokens as the service keys them: one key per word, letters A–Z only. */
function nameKeys(name: string): string[] {
  return name
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Z]/g, ''))
    .filter((key) => key !== '');
}

function traitsSearch(text: string, birthDate: string | null): RepositorySearch {
  const [first = '', ...others] = nameKeys(text);
  return { by: 'traits', nameKey: first, otherKeys: others, birthDate };
}

/** NIR as printed on the carte Vitale: 1 55 08 75 101 001 23. */
function groupedNir(nir: string): string {
  return [
    nir.slice(0, 1),
    nir.slice(1, 3),
    nir.slice(3, 5),
    nir.slice(5, 7),
    nir.slice(7, 10),
    nir.slice(10, 13),
    nir.slice(13),
  ].join(' ');
}

function nameAndBirthDate(patient: SampledPatient, useUsedName: boolean): SearchCase {
  const name = useUsedName && patient.used_name !== null ? patient.used_name : patient.birth_name;
  return {
    kind: 'nameAndBirthDate',
    text: `${name} ${frenchDate(patient.birth_date)}`,
    repository: traitsSearch(name, patient.birth_date),
  };
}

export function buildSearchCases(patients: readonly SampledPatient[], random: () => number): SearchCase[] {
  const cases: SearchCase[] = [];
  // 40 % of generated identities are provisional, without INS: NIR searches draw from the others.
  const withIns = patients.filter((p) => p.ins_number !== null);
  let nextWithIns = 0;
  for (const patient of patients) {
    const draw = random();
    if (draw < 0.5) {
      cases.push(nameAndBirthDate(patient, random() < 0.3));
    } else if (draw < 0.7) {
      const word = patient.birth_name.split(' ')[0] ?? patient.birth_name;
      const length = 3 + Math.floor(random() * 5); // 3–7: 7 often means the whole name
      const text = word.slice(0, length);
      cases.push({ kind: 'namePrefix', text, repository: traitsSearch(text, null) });
    } else if (draw < 0.85 && withIns.length > 0) {
      const nir = withIns[nextWithIns++ % withIns.length]?.ins_number ?? '';
      const text = random() < 0.5 ? nir : groupedNir(nir);
      cases.push({ kind: 'nir', text, repository: { by: 'ins', insNumber: nir } });
    } else {
      const text = random() < 0.8 ? patient.patient_number : patient.patient_number.toLowerCase();
      cases.push({ kind: 'patientNumber', text, repository: { by: 'number', patientNumber: patient.patient_number } });
    }
  }
  return cases;
}
