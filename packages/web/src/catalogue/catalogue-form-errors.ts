import { useTranslation } from 'react-i18next';
import { issuesToFormErrors, type CatalogueFormIssue } from './catalogue-form-issue.js';

/** Translates the form's issues into Mantine form errors (one per field). */
export function useIssueErrors(): (issues: readonly CatalogueFormIssue[]) => Record<string, string> {
  const { t } = useTranslation();
  return (issues) => issuesToFormErrors(issues, (key, values) => t(`catalogue.issues.${key}`, values ?? {}));
}
