/**
 * Where an analyzer puts the specimen id (tube barcode), down to the component — interface manuals
 * differ: Roche cobas c311 sends O.3 as `sequence^sample id^…` (the id is O.3.2), Sysmex sends
 * O.4 as `rack^position^sample id^…` (O.4.3), an HL7 analyzer puts it in SPM-2.1 (placer EI) or
 * OBR-3.1 (filler order number). Grammar, with standard numbering (1-based):
 * - ASTM (LIS2-A2 §9.4.3 specimen ID, §9.4.4 instrument specimen ID): `O.3` or `O.4`, then an
 *   optional component: `O.4.3`. First repetition; no component = the first one.
 * - HL7 v2.5.1: `SPM-2` (EIP specimen id), `SPM-3`, `OBR-2`, `OBR-3`, `ORC-2`, `ORC-3`, then an
 *   optional component and subcomponent: `SPM-2.1`, `SPM-2.2.1`, `OBR-3.1`. First repetition;
 *   an omitted level is the first one (`OBR-3` = `OBR-3.1.1`).
 */
import { SillageError } from '@sillage/core';

export interface AstmSpecimenIdPath {
  readonly protocol: 'astm';
  readonly field: 3 | 4;
  readonly component: number;
}

export interface Hl7SpecimenIdPath {
  readonly protocol: 'hl7';
  readonly segment: 'SPM' | 'OBR' | 'ORC';
  readonly field: number;
  readonly component: number;
  readonly subcomponent: number;
}

export type SpecimenIdPath = AstmSpecimenIdPath | Hl7SpecimenIdPath;

/** Fields that can hold a specimen id, per segment (HL7 v2.5.1 §7.4.1, §4.5.1, §4.5.3). */
const hl7Fields: Readonly<Record<Hl7SpecimenIdPath['segment'], readonly number[]>> = {
  SPM: [2, 3],
  OBR: [2, 3],
  ORC: [2, 3],
};

/** A component or subcomponent number: manuals never go past a handful (bounded against typos). */
const maxComponent = 20;

export const specimenIdLocationHelp =
  'attendu O.3 ou O.4 avec un composant facultatif (O.3.2) en ASTM ; SPM-2, SPM-3, OBR-2, OBR-3, ORC-2 ou ORC-3 ' +
  'avec composant et sous-composant facultatifs (SPM-2.1, OBR-3.1) en HL7';

function position(text: string | undefined): number | null {
  if (text === undefined) {
    return 1;
  }
  const value = Number(text);
  return value >= 1 && value <= maxComponent ? value : null;
}

/** The parsed location, or null when the text is not a location this grammar knows. */
export function parseSpecimenIdLocation(text: string): SpecimenIdPath | null {
  const astm = /^O\.([34])(?:\.(\d{1,2}))?$/.exec(text);
  if (astm !== null) {
    const component = position(astm[2]);
    return component === null ? null : { protocol: 'astm', field: Number(astm[1]) as 3 | 4, component };
  }
  const hl7 = /^(SPM|OBR|ORC)-(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{1,2}))?)?$/.exec(text);
  if (hl7 === null) {
    return null;
  }
  const segment = hl7[1] as Hl7SpecimenIdPath['segment'];
  const field = Number(hl7[2]);
  const component = position(hl7[3]);
  const subcomponent = position(hl7[4]);
  if (!hl7Fields[segment].includes(field) || component === null || subcomponent === null) {
    return null;
  }
  return { protocol: 'hl7', segment, field, component, subcomponent };
}

/** A stored profile's location for the protocol of its link (profiles are checked when saved). */
export function astmSpecimenIdPath(text: string): AstmSpecimenIdPath {
  const path = parseSpecimenIdLocation(text);
  if (path?.protocol !== 'astm') {
    throw new SillageError('SIL_CONNECT_NO_SPECIMEN_ID', { detail: `${text} : ${specimenIdLocationHelp}` });
  }
  return path;
}

export function hl7SpecimenIdPath(text: string): Hl7SpecimenIdPath {
  const path = parseSpecimenIdLocation(text);
  if (path?.protocol !== 'hl7') {
    throw new SillageError('SIL_CONNECT_NO_SPECIMEN_ID', { detail: `${text} : ${specimenIdLocationHelp}` });
  }
  return path;
}
