/**
 * OIDs of the INS assigning authorities (référentiel INS, ANS; FR Core `FRCorePatientINSProfile`,
 * see reference/france-domain.md §2.6). The OID travels with the matricule: it is what tells a NIR
 * from a NIA in exchanges (HL7 PID-3 assigning authority, FHIR identifier.system, CDA id/@root).
 */
import type { NirKind } from './nir.js';

export const INS_NIR_OID = '1.2.250.1.213.1.4.8';
export const INS_NIA_OID = '1.2.250.1.213.1.4.9';
/** Test and demonstration authorities (CI-SIS test messages use .10); never valid in production. */
export const INS_NIR_TEST_OID = '1.2.250.1.213.1.4.10';
export const INS_NIR_DEMO_OID = '1.2.250.1.213.1.4.11';

export const INS_OIDS = [INS_NIR_OID, INS_NIA_OID, INS_NIR_TEST_OID, INS_NIR_DEMO_OID] as const;
export type InsOid = (typeof INS_OIDS)[number];

export function isInsOid(value: string): value is InsOid {
  return (INS_OIDS as readonly string[]).includes(value);
}

/** The production OID for a matricule of this kind. */
export function insOidForKind(kind: NirKind): InsOid {
  return kind === 'NIA' ? INS_NIA_OID : INS_NIR_OID;
}

/** True for the test/demo authorities, which must never appear on a real patient. */
export function isTestInsOid(oid: InsOid): boolean {
  return oid === INS_NIR_TEST_OID || oid === INS_NIR_DEMO_OID;
}
