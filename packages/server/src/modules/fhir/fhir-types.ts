/**
 * The FHIR R4 (4.0.1) shapes this facade serves — a minimal, local subset of the resource
 * definitions (https://hl7.org/fhir/R4/), written here rather than importing a types package.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Quantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
}

export interface Annotation {
  text: string;
}

export interface Attachment {
  contentType?: string;
  language?: string;
  /** base64 */
  data?: string;
  size?: number;
  /** base64 of the SHA-1 of the data (FHIR R4 Attachment.hash) */
  hash?: string;
  title?: string;
  creation?: string;
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'maiden' | 'nickname';
  family?: string;
  given?: string[];
  text?: string;
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  link?: { other: Reference; type: 'replaced-by' | 'replaces' | 'refer' | 'seealso' }[];
}

export interface ServiceRequest extends ResourceBase {
  resourceType: 'ServiceRequest';
  identifier?: Identifier[];
  requisition?: Identifier;
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'order';
  category?: CodeableConcept[];
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  code?: CodeableConcept;
  subject: Reference;
  authoredOn?: string;
  requester?: Reference;
  specimen?: Reference[];
  note?: Annotation[];
}

export interface Specimen extends ResourceBase {
  resourceType: 'Specimen';
  identifier?: Identifier[];
  accessionIdentifier?: Identifier;
  status?: 'available' | 'unavailable' | 'unsatisfactory' | 'entered-in-error';
  type?: CodeableConcept;
  subject?: Reference;
  receivedTime?: string;
  request?: Reference[];
  collection?: { collector?: Reference; collectedDateTime?: string };
  container?: { type?: CodeableConcept; capacity?: Quantity }[];
  condition?: CodeableConcept[];
  note?: Annotation[];
}

export interface ObservationReferenceRange {
  low?: Quantity;
  high?: Quantity;
  text?: string;
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  identifier?: Identifier[];
  basedOn?: Reference[];
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime?: string;
  issued?: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  specimen?: Reference;
  referenceRange?: ObservationReferenceRange[];
}

export interface DiagnosticReport extends ResourceBase {
  resourceType: 'DiagnosticReport';
  identifier?: Identifier[];
  basedOn?: Reference[];
  status: 'registered' | 'partial' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime?: string;
  issued?: string;
  performer?: Reference[];
  resultsInterpreter?: Reference[];
  specimen?: Reference[];
  result?: Reference[];
  conclusion?: string;
  presentedForm?: Attachment[];
}

export interface OperationOutcome extends ResourceBase {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'fatal' | 'error' | 'warning' | 'information';
    code: string;
    details?: CodeableConcept;
    diagnostics?: string;
    expression?: string[];
  }[];
}

export interface CapabilityStatement extends ResourceBase {
  resourceType: 'CapabilityStatement';
  status: 'active';
  date: string;
  publisher?: string;
  kind: 'instance';
  software: { name: string; version: string };
  implementation: { description: string; url?: string };
  fhirVersion: '4.0.1';
  format: string[];
  rest: {
    mode: 'server';
    security?: { service?: CodeableConcept[]; description?: string };
    resource: {
      type: string;
      interaction: { code: 'read' | 'search-type' }[];
      searchParam: {
        name: string;
        type: 'token' | 'reference' | 'date' | 'string' | 'number';
        documentation?: string;
      }[];
    }[];
  }[];
}

export type FhirResource = Patient | ServiceRequest | Specimen | Observation | DiagnosticReport;

export interface Bundle<T extends FhirResource = FhirResource> {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next' | 'previous'; url: string }[];
  entry: { fullUrl: string; resource: T; search: { mode: 'match' } }[];
}
