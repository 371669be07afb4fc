/**
 * Generated, deterministic laboratory messages for the codec benchmarks: an ORU^R01 (IHE LAW style)
 * with 30 numeric OBX, and an ASTM E1394 result message with 30 R records, both with a French patient
 * name, units, reference ranges, abnormal flags and timestamps as analyzers send them.
 */
import { buildAstmFrames } from '@sillage/core';

interface Analyte {
  readonly code: string;
  readonly loinc: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly range: string;
  readonly flag: string;
}

/** A complete blood count and a chemistry panel (values typical of a routine French request). */
const analytes: readonly Analyte[] = [
  { code: 'WBC', loinc: '6690-2', label: 'Leucocytes', value: '7.42', unit: '10*9/L', range: '4.00-10.00', flag: 'N' },
  { code: 'RBC', loinc: '789-8', label: 'Hématies', value: '4.61', unit: '10*12/L', range: '4.20-5.70', flag: 'N' },
  { code: 'HGB', loinc: '718-7', label: 'Hémoglobine', value: '13.8', unit: 'g/dL', range: '13.0-17.0', flag: 'N' },
  { code: 'HCT', loinc: '4544-3', label: 'Hématocrite', value: '41.2', unit: '%', range: '40.0-52.0', flag: 'N' },
  { code: 'MCV', loinc: '787-2', label: 'VGM', value: '89.4', unit: 'fL', range: '80.0-100.0', flag: 'N' },
  { code: 'PLT', loinc: '777-3', label: 'Plaquettes', value: '412', unit: '10*9/L', range: '150-400', flag: 'H' },
  {
    code: 'NEU',
    loinc: '751-8',
    label: 'Polynucléaires neutrophiles',
    value: '4.12',
    unit: '10*9/L',
    range: '1.80-7.50',
    flag: 'N',
  },
  { code: 'LYM', loinc: '731-0', label: 'Lymphocytes', value: '2.31', unit: '10*9/L', range: '1.00-4.00', flag: 'N' },
  { code: 'GLU', loinc: '14749-6', label: 'Glucose', value: '6.21', unit: 'mmol/L', range: '4.11-5.88', flag: 'H' },
  { code: 'UREA', loinc: '22664-7', label: 'Urée', value: '5.4', unit: 'mmol/L', range: '2.5-7.5', flag: 'N' },
  { code: 'CREA', loinc: '14682-9', label: 'Créatinine', value: '73.5', unit: 'umol/L', range: '59-104', flag: 'N' },
  { code: 'NA', loinc: '2951-2', label: 'Sodium', value: '139', unit: 'mmol/L', range: '136-145', flag: 'N' },
  { code: 'K', loinc: '2823-3', label: 'Potassium', value: '3.3', unit: 'mmol/L', range: '3.5-5.1', flag: 'L' },
  { code: 'CL', loinc: '2075-0', label: 'Chlorure', value: '101', unit: 'mmol/L', range: '98-107', flag: 'N' },
  { code: 'ALT', loinc: '1743-4', label: 'ALAT', value: '28', unit: '[IU]/L', range: '<41', flag: 'N' },
];

function analyteAt(i: number): Analyte {
  const analyte = analytes[i % analytes.length];
  if (analyte === undefined) {
    throw new Error('no analyte');
  }
  return analyte;
}

/** ORU^R01 v2.5.1 with 30 OBX (LAB-29 shape), UTF-8, segments ended by CR. */
export function generatedOru(observations = 30, sequence = 1): string {
  const controlId = `MSG${String(sequence).padStart(8, '0')}`;
  const segments = [
    `MSH|^~\\&|cobas pro^^L|LBM-LYON|SILLAGE|LBM|20250321101500+0100||ORU^R01^ORU_R01|${controlId}|P|2.5.1|||NE|AL||UNICODE UTF-8|||LAB-29^IHE`,
    'PID|1||2850375123456^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS~123456^^^LBM&1.2.250.1.999&ISO^PI||DUPONT-LÉGER^Hélène^Marie^^^^L||19850312|F|||12 rue de la République^^Lyon^^69002^FRA',
    'PV1|1|O|||||12345678901^MARTIN^Pierre^^^DR',
    `ORC|RE|CMD-${sequence}^SILLAGE|${sequence}^LBM||CM`,
    `OBR|1|CMD-${sequence}^SILLAGE|${sequence}^LBM|NFS-BIO^Numération et biochimie^L|||20250321083000+0100|||||||||12345678901^MARTIN^Pierre||||||20250321101400+0100|||F`,
  ];
  for (let i = 0; i < observations; i++) {
    const a = analyteAt(i);
    segments.push(
      `OBX|${i + 1}|NM|${a.loinc}^${a.label}^LN~${a.code}^${a.label}^99ROC||${a.value}|${a.unit}^^UCUM|${a.range}|${a.flag}^^HL70078|||F|||20250321100${i % 10}00+0100||OPE42^Technicien^Paul|c503^ROCHE~24V5-03^ROCHE|20250321100${i % 10}12+0100`
    );
    if (a.flag !== 'N') {
      segments.push(
        `NTE|${i + 1}|L|Résultat contrôlé\\.br\\Valeur ${a.flag === 'H' ? '\\H\\élevée\\N\\' : 'basse'} \\T\\ confirmée`
      );
    }
  }
  return `${segments.join('\r')}\r`;
}

/** ASTM E1394 result message (H, P, O, 30 R with C comments on abnormal results, L). */
export function generatedAstmText(results = 30, sequence = 1): string {
  const records = [
    'H|\\^&|||cobas c503^1.04.03^12345|||||host|RSUPL^BATCH|P|1|20250321101500',
    `P|1||PAT${sequence}||DUPONT-LÉGER^Hélène^Marie||19850312|F`,
    `O|1|SID${String(sequence).padStart(10, '0')}^0015^3||^^^GLU\\^^^UREA\\^^^CREA|R||20250321083000||||N||||1|||||||20250321101400|||F`,
  ];
  for (let i = 0; i < results; i++) {
    const a = analyteAt(i);
    records.push(
      `R|${i + 1}|^^^${a.code}^${a.loinc}|${a.value}|${a.unit}|${a.range}|${a.flag}||F||OPE42|20250321100000|20250321100${i % 10}12|c503`
    );
    if (a.flag !== 'N') {
      records.push(`C|${i + 1}|I|Résultat contrôlé&S&confirmé|G`);
    }
  }
  records.push('L|1|N');
  return `${records.join('\r')}\r`;
}

/** The same message as an E1381 capture: 240-character frames, ETB then ETX, checksums (Windows-1252 bytes). */
export function generatedAstmCapture(text: string): Uint8Array {
  const frames = buildAstmFrames(text, { charset: 'windows-1252' });
  return Uint8Array.from(frames.flatMap((frame) => [...frame]));
}
