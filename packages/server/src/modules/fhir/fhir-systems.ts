/**
 * Code systems and identifier namespaces the facade writes. Public ones come from the FHIR R4
 * terminology (terminology.hl7.org) and the French national namespaces (france-domain.md §2.6:
 * INS OIDs; CDA CR-BIO example: RPPS 1.2.250.1.71.4.2.1 with "8" + RPPS, FINESS 1.2.250.1.71.4.2.2
 * with "1" + FINESS). The lab's own codes (analyte, analysis, patient and order numbers) get
 * Sillage namespaces.
 */

export const loincSystem = 'http://loinc.org';
export const ucumSystem = 'http://unitsofmeasure.org';
export const interpretationSystem = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const observationCategorySystem = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const diagnosticServiceSectionSystem = 'http://terminology.hl7.org/CodeSystem/v2-0074';
export const identifierTypeSystem = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** FR Core identifier types (INS-NIR, INS-NIA), HL7 France v2-0203 extension. */
export const frCoreIdentifierTypeSystem = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';

export const rppsSystem = 'urn:oid:1.2.250.1.71.4.2.1';
export const finessSystem = 'urn:oid:1.2.250.1.71.4.2.2';

const sillageBase = 'https://sillage.dev/fhir';
export const analyteCodeSystem = `${sillageBase}/CodeSystem/analyte`;
export const analysisCodeSystem = `${sillageBase}/CodeSystem/analysis`;
export const patientNumberSystem = `${sillageBase}/sid/patient-number`;
export const orderNumberSystem = `${sillageBase}/sid/order-number`;
export const specimenBarcodeSystem = `${sillageBase}/sid/specimen-barcode`;
export const reportIdentifierSystem = `${sillageBase}/sid/report`;
export const errorCodeSystem = 'https://sillage.dev/errors';

/** LOINC 11502-2 "Laboratory report" — the code of a CR-BIO document (france-domain.md §2.4). */
export const laboratoryReportCode = { system: loincSystem, code: '11502-2', display: 'Laboratory report' };

/** v3-ObservationInterpretation displays of the flags results carry (HL7 v2 Table 0078 codes). */
export const interpretationDisplays: Record<string, string> = {
  N: 'Normal',
  L: 'Low',
  H: 'High',
  LL: 'Critical low',
  HH: 'Critical high',
  A: 'Abnormal',
  AA: 'Critical abnormal',
};
