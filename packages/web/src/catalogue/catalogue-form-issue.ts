/**
 * A problem found in a catalogue form before calling the server: `path` is the form field
 * (Mantine form path, `referenceIntervals.0.low`), `key` the message under `catalogue.issues`.
 */
export const catalogueIssueKeys = [
  'required',
  'number',
  'integer',
  'codeRule',
  'mnemonicRule',
  'loincRule',
  'unitUnknown',
  'unitAndFactor',
  'positive',
  'decimalsRule',
  'ageMinRule',
  'ageMaxAboveMin',
  'lowAboveHigh',
  'limitOrText',
  'sourceRule',
  'overlap',
  'criticalOrder',
  'codedValuesRequired',
  'codedValueCode',
  'codedValueDuplicate',
  'formulaInput',
  'nabmRule',
  'nabmDuplicate',
  'priceRule',
  'priceWithNabm',
  'volumeAboveCapacity',
  'analytesRequired',
  'timeRule',
  'timeWindowBoth',
  'reasonRule',
] as const;
export type CatalogueIssueKey = (typeof catalogueIssueKeys)[number];

export interface CatalogueFormIssue {
  path: string;
  key: CatalogueIssueKey;
  values?: Record<string, string | number>;
}

/** Same rule as the server (catalogue-validation.ts): capitals, digits and _, 32 at most. */
export const catalogueCodePattern = /^[A-Z0-9_]{1,32}$/;

/** Form errors for Mantine's `setErrors`: the first issue of each field, translated. */
export function issuesToFormErrors(
  issues: readonly CatalogueFormIssue[],
  translate: (key: CatalogueIssueKey, values?: Record<string, string | number>) => string
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    errors[issue.path] ??= translate(issue.key, issue.values);
  }
  return errors;
}

/**
 * The server's issues that name a form field (`mnemonic`, `unitUcum`, `nabmCodes[1]`), as form
 * errors, so its French message shows under the field too; deeper paths (`referenceIntervals[0]`)
 * stay in the alert that lists every issue.
 */
export function serverIssuesToFormErrors(
  issues: readonly { path: string; message: string }[],
  fieldNames: readonly string[]
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const name = /^[A-Za-z]+/.exec(issue.path)?.[0];
    const deeper = name !== undefined && /^[A-Za-z]+\[\d+\]\./.test(issue.path);
    if (name !== undefined && !deeper && fieldNames.includes(name) && name !== 'referenceIntervals') {
      errors[name] ??= issue.message;
    }
  }
  return errors;
}
