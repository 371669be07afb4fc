import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../errors/error-catalog.js';
import { INS_NIA_OID, INS_NIR_OID } from './ins-oid.js';
import {
  makePatientSchemas,
  normalizeTraits,
  patientCreateSchema,
  patientTraitsSchema,
  patientUpdateSchema,
  validatePatientTraits,
  type PatientCreateInput,
} from './patient.schemas.js';

const traits = {
  birthName: 'Lefèvre',
  usedName: 'Martin-Dupont',
  birthFirstNames: 'Hélène Marie  Élise',
  firstFirstName: 'hélène',
  birthDate: '1955-08-21',
  sex: 'F',
  birthplaceInsee: '14168',
} as const;

const create: PatientCreateInput = {
  ...traits,
  ins: null,
  identityStatus: 'PROV',
  identityDocument: null,
  phone: '+33 6 12 34 56 78',
  email: 'helene.lefevre@example.fr',
  address: '3 rue des Lilas, 14000 Caen',
};

function messages(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

describe('patientTraitsSchema', () => {
  it('normalises names to the RNIV form', () => {
    expect(patientTraitsSchema.parse(traits)).toEqual({
      birthName: 'LEFEVRE',
      usedName: 'MARTIN-DUPONT',
      birthFirstNames: 'HELENE MARIE ELISE',
      firstFirstName: 'HELENE',
      birthDate: '1955-08-21',
      sex: 'F',
      birthplaceInsee: '14168',
    });
  });

  it('upper-cases a Corsican INSEE code and accepts a foreign country code', () => {
    expect(patientTraitsSchema.parse({ ...traits, birthplaceInsee: '2a004' }).birthplaceInsee).toBe('2A004');
    expect(patientTraitsSchema.parse({ ...traits, birthplaceInsee: '99109' }).birthplaceInsee).toBe('99109');
  });

  it('accepts a null used name and a null birthplace', () => {
    expect(patientTraitsSchema.parse({ ...traits, usedName: null, birthplaceInsee: null })).toMatchObject({
      usedName: null,
      birthplaceInsee: null,
    });
  });

  it.each([
    [{ birthName: 'Dupont2' }, 'birthName:SIL_NAME_INVALID'],
    [{ birthName: '   ' }, 'birthName:SIL_NAME_INVALID'],
    [{ birthName: 'A'.repeat(101) }, 'birthName:SIL_NAME_INVALID'],
    [{ usedName: 'St. Jean' }, 'usedName:SIL_NAME_INVALID'],
    [{ firstFirstName: 'Marie' }, 'firstFirstName:SIL_FIRST_FIRST_NAME_MISMATCH'],
    [{ birthDate: '1955-02-29' }, 'birthDate:SIL_BIRTH_DATE_INVALID'],
    [{ birthDate: '21/08/1955' }, 'birthDate:SIL_BIRTH_DATE_INVALID'],
    [{ birthplaceInsee: '96001' }, 'birthplaceInsee:SIL_INSEE_CODE_INVALID'],
  ])('refuses %j with %s', (change, expected) => {
    const result = patientTraitsSchema.safeParse({ ...traits, ...change });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(expected);
  });

  it('refuses a missing required field, a wrong sex and unknown fields', () => {
    const { birthName: _omitted, ...withoutBirthName } = traits;
    expect(patientTraitsSchema.safeParse(withoutBirthName).success).toBe(false);
    expect(patientTraitsSchema.safeParse({ ...traits, sex: 'X' }).success).toBe(false);
    const unknown = patientTraitsSchema.safeParse({ ...traits, nickname: 'Léna' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('uses Sillage error codes as messages wherever it has one', () => {
    const result = patientTraitsSchema.safeParse({
      ...traits,
      birthName: 'X1',
      birthDate: 'no',
      birthplaceInsee: '00000',
    });
    expect(result.error?.issues.map((issue) => issue.message).every(isErrorCode)).toBe(true);
  });
});

describe('patientCreateSchema', () => {
  it('applies defaults and compacts the INS number', () => {
    const parsed = patientCreateSchema.parse({
      ...create,
      ins: { number: '2 55 08 14 168 025 38', oid: INS_NIR_OID },
      identityStatus: 'QUAL',
      identityDocument: { type: 'CNI' },
    });
    expect(parsed.ins).toEqual({ number: '255081416802538', oid: INS_NIR_OID });
    expect(parsed.identityAttributes).toEqual([]);
    expect(patientCreateSchema.parse({ ...create, identityStatus: undefined }).identityStatus).toBe('PROV');
  });

  it.each([
    [{ ins: { number: '2 55 08 14 168 025 39' } }, 'ins.number:SIL_NIR_INVALID_KEY'],
    [{ ins: { number: '2 55 08 14 168' } }, 'ins.number:SIL_NIR_INVALID_FORMAT'],
    [{ ins: { number: '255081416802538', oid: '1.2.3' } }, 'ins.oid:SIL_INS_OID_UNKNOWN'],
    [{ identityStatus: 'RECUP' }, 'ins:SIL_IDENTITY_STATUS_REQUIRES_INS'],
    [{ identityStatus: 'VALI' }, 'identityDocument:SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT'],
    [
      { identityStatus: 'VALI', identityDocument: { type: 'PERMIS_CONDUIRE' } },
      'identityDocument:SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ],
    [
      { identityStatus: 'VALI', identityDocument: { type: 'LIVRET_FAMILLE' } },
      'identityDocument:SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ],
    [
      { identityStatus: 'VALI', identityDocument: { type: 'PASSEPORT' }, identityAttributes: ['DOUTEUSE'] },
      'identityStatus:SIL_IDENTITY_ATTRIBUTE_FORCES_PROV',
    ],
    [{ identityAttributes: ['HOMONYME', 'HOMONYME'] }, 'identityAttributes:SIL_IDENTITY_ATTRIBUTES_DUPLICATED'],
  ] as const)('refuses %j with %s', (change, expected) => {
    const result = patientCreateSchema.safeParse({ ...create, ...change });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(expected);
  });

  it('accepts a livret de famille with a parent’s high-trust document for VALI', () => {
    const result = patientCreateSchema.safeParse({
      ...create,
      identityStatus: 'VALI',
      identityDocument: { type: 'LIVRET_FAMILLE', complement: 'PARENT_OR_GUARDIAN_HIGH_TRUST_ID' },
    });
    expect(result.success).toBe(true);
  });

  it('accepts a NIA with its OID', () => {
    const result = patientCreateSchema.safeParse({
      ...create,
      // 8 550 814 168 025 mod 97 = 68, key 97 − 68 = 29.
      ins: { number: '8 55 08 14 168 025 29', oid: INS_NIA_OID },
    });
    expect(result.success).toBe(true);
    expect(result.data?.ins).toEqual({ number: '855081416802529', oid: INS_NIA_OID });
  });

  it.each([
    [{ phone: 'call me' }, 'phone'],
    [{ email: 'not-an-email' }, 'email'],
    [{ address: '' }, 'address'],
  ])('refuses bad contact data %j', (change, field) => {
    const result = patientCreateSchema.safeParse({ ...create, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('accepts null contacts', () => {
    expect(patientCreateSchema.safeParse({ ...create, phone: null, email: null, address: null }).success).toBe(true);
  });
});

describe('patientUpdateSchema', () => {
  it('needs the version and takes an optional reason', () => {
    expect(patientUpdateSchema.safeParse(create).success).toBe(false);
    expect(patientUpdateSchema.parse({ ...create, version: 3 }).version).toBe(3);
    expect(patientUpdateSchema.parse({ ...create, version: 3, reason: ' erreur de saisie ' }).reason).toBe(
      'erreur de saisie'
    );
    expect(patientUpdateSchema.safeParse({ ...create, version: 1.5 }).success).toBe(false);
    expect(patientUpdateSchema.safeParse({ ...create, version: 3, reason: '  ' }).success).toBe(false);
  });

  it('checks the same coherence rules as creation', () => {
    const result = patientUpdateSchema.safeParse({ ...create, version: 1, identityStatus: 'QUAL' });
    expect(messages(result)).toEqual([
      'ins:SIL_IDENTITY_STATUS_REQUIRES_INS',
      'identityDocument:SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ]);
  });
});

describe('validatePatientTraits and makePatientSchemas', () => {
  it('refuses a birth date after today, and accepts today', () => {
    expect(validatePatientTraits({ birthDate: '2026-05-02', sex: 'F' }, '2026-05-01')).toEqual([
      { path: 'birthDate', code: 'SIL_BIRTH_DATE_IN_FUTURE', severity: 'error', detail: '2026-05-02 > 2026-05-01' },
    ]);
    expect(validatePatientTraits({ birthDate: '2026-05-01', sex: 'F' }, '2026-05-01')).toEqual([]);
  });

  it('warns when the INS disagrees with sex or birth date', () => {
    const issues = validatePatientTraits(
      { birthDate: '1956-08-21', sex: 'M', ins: { number: '255081416802538' } },
      '2026-01-01'
    );
    expect(issues.map((issue) => [issue.code, issue.severity, issue.detail])).toEqual([
      ['SIL_NIR_INCONSISTENT', 'warning', 'sex: NIR F, traits M'],
      ['SIL_NIR_INCONSISTENT', 'warning', 'birthYear: NIR 55, traits 56'],
    ]);
  });

  it('adds the future-date error to the schemas built with a clock', () => {
    const schemas = makePatientSchemas(() => '1990-01-01');
    const result = schemas.patientCreateSchema.safeParse(create);
    expect(result.success).toBe(true);
    const future = schemas.patientTraitsSchema.safeParse({ ...traits, birthDate: '1990-01-02' });
    expect(messages(future)).toEqual(['birthDate:SIL_BIRTH_DATE_IN_FUTURE']);
    expect(schemas.patientUpdateSchema.safeParse({ ...create, version: 0, birthDate: '2000-01-01' }).success).toBe(
      false
    );
  });

  it('does not turn INS warnings into schema errors', () => {
    const schemas = makePatientSchemas(() => '2026-01-01');
    const result = schemas.patientCreateSchema.safeParse({
      ...create,
      sex: 'M',
      firstFirstName: 'HELENE',
      ins: { number: '255081416802538' },
      identityStatus: 'RECUP',
    });
    expect(result.success).toBe(true);
  });
});

describe('normalizeTraits', () => {
  it('normalises traits from another source without validating them', () => {
    expect(
      normalizeTraits({
        birthName: ' lefèvre ',
        usedName: '  ',
        birthFirstNames: 'jean-pierre  marie',
        birthDate: ' 1965-03-12 ',
        sex: 'm',
        birthplaceInsee: '2b033',
      })
    ).toEqual({
      birthName: 'LEFEVRE',
      usedName: null,
      birthFirstNames: 'JEAN-PIERRE MARIE',
      firstFirstName: 'JEAN-PIERRE',
      birthDate: '1965-03-12',
      sex: 'M',
      birthplaceInsee: '2B033',
    });
  });

  it('keeps an explicit first first name and produces what the schema accepts', () => {
    const normalized = normalizeTraits({ ...traits, firstFirstName: 'Hélène' });
    expect(normalized.firstFirstName).toBe('HELENE');
    expect(patientTraitsSchema.parse(normalized)).toEqual(normalized);
  });
});
