/**
 * Reads an E1394 (LIS2-A2) result message into an instrument report: each O record opens a
 * specimen (id at O.3 or O.4, down to the component, per the profile: specimen-id-location.ts),
 * the R records under it are its observations.
 * QC material: the profile's id pattern, O.12 action code Q (LIS2-A2 §9.4.12 "quality control"),
 * or H.12 processing id Q (the whole message is QC, e.g. Horiba Yumizen).
 */
import {
  getAstmRepetitions,
  getAstmValue,
  readAstmOrder,
  readAstmResult,
  type AstmMessage,
  type AstmRecord,
} from '@sillage/core';
import { isRecordable, qcOf, type InstrumentObservation, type InstrumentReport } from './instrument-report.js';
import { parseInstrumentTime } from './instrument-time.js';
import type { AstmSpecimenIdPath } from './specimen-id-location.js';

export interface AstmReadOptions {
  readonly specimenIdLocation: AstmSpecimenIdPath;
  readonly qcPattern: RegExp | null;
  /** R.3 component holding the reagent lot (1-based), when the analyzer sends one. */
  readonly reagentLotComponent: number | null;
}

interface OpenSpecimen {
  specimenId: string;
  qc: boolean;
  qcLot: string | null;
  observations: InstrumentObservation[];
}

/** The id at the profile's field and component, in the first repetition that has one (ids are space-padded). */
function specimenIdOf(record: AstmRecord, location: AstmSpecimenIdPath): string {
  for (const repetition of getAstmRepetitions(record, location.field)) {
    const id = (repetition[location.component - 1] ?? '').trim();
    if (id !== '') {
      return id;
    }
  }
  return '';
}

export function readAstmReport(messages: readonly AstmMessage[], options: AstmReadOptions): InstrumentReport {
  const specimens: OpenSpecimen[] = [];
  const notes: string[] = [];
  for (const message of messages) {
    let messageQc = false;
    let messageTime: string | null = null;
    let current: OpenSpecimen | undefined;
    for (const record of message.records) {
      switch (record.type) {
        case 'H':
          messageQc = getAstmValue(record, 12).trim().toUpperCase() === 'Q';
          messageTime = parseInstrumentTime(getAstmValue(record, 14));
          break;
        case 'O': {
          const order = readAstmOrder(record);
          const specimenId = specimenIdOf(record, options.specimenIdLocation);
          const qc = qcOf(specimenId, options.qcPattern, messageQc || order.actionCode.trim().toUpperCase() === 'Q');
          current = { specimenId, qc: qc.qc, qcLot: qc.lot, observations: [] };
          specimens.push(current);
          break;
        }
        case 'R': {
          const result = readAstmResult(record);
          if (current === undefined) {
            // A result before any order record names no specimen: kept under an empty id (refused later).
            current = { specimenId: '', qc: messageQc, qcLot: null, observations: [] };
            specimens.push(current);
          }
          const lotComponent = options.reagentLotComponent;
          const reagentLot = lotComponent === null ? '' : (result.testId[lotComponent - 1] ?? '').trim();
          const observation: InstrumentObservation = {
            code: result.localTestCode.trim(),
            value: result.value,
            units: result.units,
            flags: result.abnormalFlags,
            status: result.status.trim().toUpperCase(),
            runAt: parseInstrumentTime(result.completedAt) ?? parseInstrumentTime(result.startedAt) ?? messageTime,
            reagentLot: reagentLot === '' ? null : reagentLot,
            equipment: result.instrumentId.trim() === '' ? null : result.instrumentId.trim(),
          };
          if (!isRecordable(observation)) {
            notes.push(`R ${observation.code} ignoré (valeur vide ou statut ${observation.status || '—'})`);
          }
          current.observations.push(observation);
          break;
        }
        case 'P':
        case 'L':
        case 'Q':
          break;
        default:
          // C comments, M manufacturer records (histograms, raw signals): not results.
          notes.push(`enregistrement ${record.type} non exploité`);
      }
    }
  }
  return { specimens, notes: [...new Set(notes)] };
}
