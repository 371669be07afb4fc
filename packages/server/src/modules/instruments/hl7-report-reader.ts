/**
 * Reads HL7 v2 result messages into an instrument report: ORU^R01 (OBR, OBX…, then SPM) and IHE LAW
 * LAB-29 OUL^R22 (SPM, SAC, INV, then OBR, ORC, OBX…, TCD, INV per test). Each OBR opens an order
 * group; its specimen is the SPM before it (OUL^R22) or the SPM that follows its OBX (ORU^R01).
 * IHE LAW: SPM-11 = Q marks control material, INV-16 carries the manufacturer lot of the reagent
 * (INV-3 R…) or of the control (INV-3 CO), OBX-18 the equipment, OBX-19 the analysis time; OBX
 * whose OBX-3 names `S_OTHER` are supplemental (pipetting time, calibration id), not results.
 */
import { HL7_NULL, type Hl7Message, type Hl7Segment } from '@sillage/core';
import { isRecordable, qcOf, type InstrumentObservation, type InstrumentReport } from './instrument-report.js';
import { parseInstrumentTime, timeOffsetOf } from './instrument-time.js';
import type { Hl7SpecimenIdPath } from './specimen-id-location.js';

export interface Hl7ReadOptions {
  /** Segment, field, component and subcomponent of the id (specimen-id-location.ts). */
  readonly specimenIdLocation: Hl7SpecimenIdPath;
  readonly qcPattern: RegExp | null;
  /** Honour SPM-11 = Q (IHE LAW specimen role) as QC. */
  readonly qcSpecimenRole: boolean;
}

interface RawObservation {
  readonly segment: Hl7Segment;
}

interface OrderGroup {
  obr: Hl7Segment | undefined;
  orc: Hl7Segment | undefined;
  spm: Hl7Segment | undefined;
  observations: RawObservation[];
  reagentLot: string | null;
  controlLot: string | null;
}

function leaf(value: string): string {
  const trimmed = value.trim();
  return trimmed === HL7_NULL ? '' : trimmed;
}

function specimenIdOf(group: OrderGroup, location: Hl7SpecimenIdPath): string {
  const segment = location.segment === 'SPM' ? group.spm : location.segment === 'OBR' ? group.obr : group.orc;
  return leaf(segment?.get(location.field, 1, location.component, location.subcomponent) ?? '');
}

/** OBX-5 as one text: SN `<^1.2` → `<1.2`, coded values by their code, else the first component. */
function valueOf(obx: Hl7Segment): string {
  const type = leaf(obx.get(2)).toUpperCase();
  if (type === 'SN') {
    const [comparator = '', first = '', separator = '', second = ''] =
      obx.fieldValues(5)[0]?.map((c) => c[0] ?? '') ?? [];
    return separator === '' ? `${comparator}${first}`.trim() : `${first}${separator}${second}`.trim();
  }
  if (type === 'CE' || type === 'CWE' || type === 'CNE') {
    return leaf(obx.get(5, 1, 1)) || leaf(obx.get(5, 1, 2));
  }
  return leaf(obx.get(5));
}

function isSupplemental(obx: Hl7Segment): boolean {
  return obx.fieldValues(3)[0]?.some((component) => component[0] === 'S_OTHER') ?? false;
}

export function readHl7Report(message: Hl7Message, options: Hl7ReadOptions): InstrumentReport {
  const notes: string[] = [];
  const groups: OrderGroup[] = [];
  // Timestamps without an offset are in the sender's time zone, the one MSH-7 declares (§2.A.22).
  const senderOffset = timeOffsetOf(message.get('MSH-7'));
  const time = (text: string): string | null => parseInstrumentTime(text, senderOffset);
  const messageTime = time(message.get('MSH-7'));
  let pendingSpm: Hl7Segment | undefined;
  let pendingOrc: Hl7Segment | undefined;
  let pendingControlLot: string | null = null;
  let current: OrderGroup | undefined;
  const open = (obr: Hl7Segment | undefined): OrderGroup => {
    const group: OrderGroup = {
      obr,
      orc: pendingOrc,
      spm: pendingSpm,
      observations: [],
      reagentLot: null,
      controlLot: pendingControlLot,
    };
    pendingOrc = undefined;
    groups.push(group);
    return group;
  };
  for (const segment of message.segments) {
    switch (segment.name) {
      case 'SPM':
        if (current !== undefined && current.spm === undefined && current.observations.length > 0) {
          current.spm = segment; // ORU^R01: the specimen follows its observations
        } else {
          pendingSpm = segment; // OUL^R22: the specimen opens the groups that follow
          pendingControlLot = null;
          current = undefined;
        }
        break;
      case 'ORC':
        if (current !== undefined && current.orc === undefined && current.observations.length === 0) {
          current.orc = segment; // OUL^R22 puts ORC after OBR
        } else {
          pendingOrc = segment;
        }
        break;
      case 'OBR':
        current = open(segment);
        break;
      case 'OBX':
        current ??= open(undefined);
        if (isSupplemental(segment)) {
          notes.push(`OBX ${leaf(segment.get(3))} supplémentaire (S_OTHER) non enregistré comme résultat`);
        } else {
          current.observations.push({ segment });
        }
        break;
      case 'INV': {
        const lot = leaf(segment.get(16));
        const type = leaf(segment.get(3)).toUpperCase();
        if (lot === '') {
          break;
        }
        if (current === undefined) {
          // Sent at specimen level (OUL^R22, before the first OBR): the groups opened next inherit it.
          if (type === 'CO') {
            pendingControlLot = lot;
          }
        } else if (type === 'CO') {
          current.controlLot ??= lot;
        } else {
          current.reagentLot ??= lot;
        }
        break;
      }
      default:
        break;
    }
  }
  const specimens = groups.map((group) => {
    const specimenId = specimenIdOf(group, options.specimenIdLocation);
    const declaredQc = options.qcSpecimenRole && leaf(group.spm?.get(11) ?? '').toUpperCase() === 'Q';
    const qc = qcOf(specimenId, options.qcPattern, declaredQc);
    const groupTime = time(group.obr?.get(7) ?? '') ?? time(group.spm?.get(17) ?? '') ?? messageTime;
    const observations = group.observations.map(({ segment }): InstrumentObservation => {
      const observation: InstrumentObservation = {
        code: leaf(segment.get(3)),
        value: valueOf(segment),
        units: leaf(segment.get(6)),
        flags: segment
          .fieldValues(8)
          .map((repetition) => leaf(repetition[0]?.[0] ?? ''))
          .filter((flag) => flag !== ''),
        status: leaf(segment.get(11)).toUpperCase(),
        runAt: time(segment.get(19)) ?? time(segment.get(14)) ?? groupTime,
        reagentLot: group.reagentLot,
        equipment: leaf(segment.get(18)) || null,
      };
      if (!isRecordable(observation)) {
        notes.push(`OBX ${observation.code} ignoré (valeur vide ou statut ${observation.status || '—'})`);
      }
      return observation;
    });
    return { specimenId, qc: qc.qc, qcLot: qc.lot ?? group.controlLot, observations };
  });
  return { specimens, notes: [...new Set(notes)] };
}
