import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parseTypedDate } from '../lib/typed-date.js';
import type { PatientFormValues } from './patient-form-values.js';
import { findDuplicates, type PatientDuplicateQuery } from './patients-api.js';

/** The traits worth a duplicate check: birth name, first first-name and a readable birth date. */
export function duplicateQueryFromForm(values: PatientFormValues): PatientDuplicateQuery | null {
  const birthDate = parseTypedDate(values.birthDate);
  if (values.birthName.trim().length < 2 || values.firstFirstName.trim() === '' || !birthDate.ok) {
    return null;
  }
  const query: PatientDuplicateQuery = {
    birthName: values.birthName.trim(),
    firstFirstName: values.firstFirstName.trim(),
    birthDate: birthDate.iso,
  };
  if (values.usedName.trim() !== '') {
    query.usedName = values.usedName.trim();
  }
  if (values.sex !== '') {
    query.sex = values.sex;
  }
  return query;
}

/**
 * Live duplicate check while the identity is typed (debounced 400 ms, the previous answer stays
 * on screen meanwhile so the warning does not flicker).
 */
export function usePatientDuplicates(values: PatientFormValues, excludeId?: string) {
  const query = duplicateQueryFromForm(values);
  const [debouncedKey] = useDebouncedValue(query === null ? '' : JSON.stringify(query), 400);
  const result = useQuery({
    queryKey: ['patients', 'duplicates', debouncedKey],
    queryFn: ({ signal }) => findDuplicates(JSON.parse(debouncedKey) as PatientDuplicateQuery, signal),
    enabled: debouncedKey !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const candidates =
    query === null || debouncedKey === ''
      ? []
      : (result.data?.items ?? []).filter((candidate) => candidate.patient.id !== excludeId);
  return { candidates, isChecking: result.isFetching };
}
