/**
 * Where an analyzer puts the tube barcode — the client-side mirror of the server's grammar
 * (server: modules/instruments/specimen-id-location.ts, which stays the authority):
 * - ASTM (LIS2-A2 §9.4.3, §9.4.4): `O.3` or `O.4`, then an optional component (`O.4.3`).
 * - HL7 v2.5.1: `SPM`, `OBR` or `ORC`, field 2 or 3, then an optional component and subcomponent
 *   (`SPM-2.1`, `SPM-2.1.1`, `OBR-3.1`).
 * Components and subcomponents run from 1 to 20 (the server's bound against typos).
 */
import type { InstrumentProtocol } from './instrument-types.js';

const maxComponent = 20;

const astmLocation = /^O\.[34](?:\.(\d{1,2}))?$/;
const hl7Location = /^(?:SPM|OBR|ORC)-[23](?:\.(\d{1,2})(?:\.(\d{1,2}))?)?$/;

function withinBounds(position: string | undefined): boolean {
  if (position === undefined) {
    return true;
  }
  const value = Number(position);
  return value >= 1 && value <= maxComponent;
}

/** Whether the server accepts this location for a profile of this protocol. */
export function isSpecimenIdLocationOf(protocol: InstrumentProtocol, text: string): boolean {
  const match = (protocol === 'astm' ? astmLocation : hl7Location).exec(text);
  return match !== null && match.slice(1).every(withinBounds);
}

export interface SpecimenIdLocationSuggestion {
  readonly value: string;
  /** Which analyzers or messages use it (shown beside the value; not translated: instrument names). */
  readonly hint: string;
}

/** Common places, per protocol, from the analyzers' interface manuals. */
export const specimenIdLocationSuggestions: Readonly<
  Record<InstrumentProtocol, readonly SpecimenIdLocationSuggestion[]>
> = {
  astm: [
    { value: 'O.3', hint: 'LIS2-A2 specimen ID' },
    { value: 'O.3.2', hint: 'Roche cobas c311 / e411' },
    { value: 'O.4', hint: 'LIS2-A2 instrument specimen ID' },
    { value: 'O.4.3', hint: 'Sysmex XN / CA' },
  ],
  hl7: [
    { value: 'SPM-2.1', hint: 'SPM placer ID' },
    { value: 'SPM-2.1.1', hint: 'SPM placer ID, entity identifier' },
    { value: 'SPM-2.2', hint: 'SPM filler ID' },
    { value: 'SPM-3', hint: 'SPM specimen parent' },
    { value: 'OBR-2', hint: 'OBR placer order number' },
    { value: 'OBR-3.1', hint: 'OBR filler order number' },
    { value: 'ORC-2', hint: 'ORC placer order number' },
    { value: 'ORC-3', hint: 'ORC filler order number' },
  ],
};

/** The location a new profile of this protocol starts with. */
export const defaultSpecimenIdLocation: Readonly<Record<InstrumentProtocol, string>> = {
  astm: 'O.3',
  hl7: 'SPM-2.1',
};
