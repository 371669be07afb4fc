/**
 * Host query answer (LIS2-A2 §12, "request information" Q record): for each specimen asked, a P
 * record with the identity and an O record listing the analyses pending for it, in the analyzer's
 * own test codes (O.5 `^^^code`). A tube that is unknown, not yet received/accepted, or has nothing
 * this analyzer can run gets an O record without tests, report type Y (O.26 "no order on record").
 */
import { buildAstmQueryAnswer, type AstmOrderInput, type AstmPatientInput } from '@sillage/core';
import { formatAstmTimestamp } from './instrument-time.js';
import type { PendingWork } from './pending-work.repository.js';

export interface AstmAnswerInput {
  /** Specimen ids as the Q record gave them (O.3 echoes them). */
  readonly queriedIds: readonly string[];
  readonly works: readonly PendingWork[];
  /** Analyte code → this analyzer's test code (mappings marked to send); absent = not run here. */
  readonly testCodeOf: (analyteCode: string) => string | undefined;
  readonly controlId: string;
  readonly now: Date;
}

function patientOf(work: PendingWork): AstmPatientInput {
  return {
    practicePatientId: work.patient.patientNumber,
    name: [work.patient.birthName, work.patient.firstFirstName],
    birthDate: work.patient.birthDate.replaceAll('-', ''),
    sex: work.patient.sex === 'I' ? 'U' : work.patient.sex,
  };
}

export function astmQueryAnswer(input: AstmAnswerInput): { text: string; specimensWithTests: string[] } {
  const byBarcode = new Map(input.works.map((work) => [work.barcode, work]));
  const specimensWithTests: string[] = [];
  const patients = input.queriedIds.map((queried) => {
    const work = byBarcode.get(queried);
    const tests =
      work === undefined || !work.accepted
        ? []
        : [...new Set(work.pendingAnalytes.map(input.testCodeOf).filter((code): code is string => code !== undefined))];
    if (tests.length > 0) {
      specimensWithTests.push(queried);
    }
    const order: AstmOrderInput = {
      specimenId: queried,
      tests,
      priority: work?.urgent === true ? 'S' : 'R',
      actionCode: tests.length > 0 ? 'N' : undefined,
      collectedAt: work?.collectedAt instanceof Date ? formatAstmTimestamp(work.collectedAt) : undefined,
    };
    return { ...(work === undefined ? {} : { patient: patientOf(work) }), orders: [order] };
  });
  const text = buildAstmQueryAnswer({
    header: {
      messageControlId: input.controlId,
      senderId: 'SILLAGE',
      timestamp: formatAstmTimestamp(input.now),
    },
    patients,
  });
  return { text, specimensWithTests };
}
