import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths.js';
import { navigate } from '../app/router.js';
import { notifyError } from '../api/notify.js';
import type { PatientSummary } from '../api/types.js';
import { patientSearchInputId } from './patient-search-focus.js';
import { PatientSearchResults } from './patient-search-results.js';
import { patientSearchQueryKey, searchPatients } from './patients-api.js';

/** Live search waits for a pause in typing; Enter never waits. */
const typingPauseMs = 250;
const minimumLiveLength = 2;

/**
 * One box that understands `DUPONT 12/03/1965`, a NIR, or a patient number (the server parses
 * the query). Keyboard first: ↑/↓ move in the results, Enter opens; a barcode scanner's burst
 * ending in Enter (a keyboard wedge) is searched at once, and a single hit opens directly.
 */
export function PatientSearchBox({
  autoFocus = false,
  inputId = patientSearchInputId,
  label,
  initialQuery = '',
  excludeId,
  limit = 20,
  onSelect = (patient) => navigate(paths.patient(patient.id)),
}: {
  autoFocus?: boolean;
  inputId?: string;
  label?: string;
  initialQuery?: string;
  excludeId?: string;
  limit?: number;
  onSelect?: (patient: PatientSummary) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialQuery);
  const [term, setTerm] = useState(initialQuery.trim());
  const [activeIndex, setActiveIndex] = useState(-1);
  const latestText = useRef(text);

  useEffect(() => {
    latestText.current = text;
    const timer = window.setTimeout(() => setTerm(text.trim()), typingPauseMs);
    return () => window.clearTimeout(timer);
  }, [text]);

  const search = useQuery({
    queryKey: patientSearchQueryKey(term, limit),
    queryFn: ({ signal }) => searchPatients(term, limit, signal),
    enabled: term.length >= minimumLiveLength,
    staleTime: 5_000,
  });
  const results = (search.data?.items ?? []).filter((patient) => patient.id !== excludeId);
  const showResults = term.length >= minimumLiveLength && term === text.trim();
  const resultsListId = `${inputId}-results`;

  const fetchNow = async (current: string) => {
    setTerm(current);
    try {
      const answer = await queryClient.fetchQuery({
        queryKey: patientSearchQueryKey(current, limit),
        queryFn: ({ signal }) => searchPatients(current, limit, signal),
        staleTime: 5_000,
      });
      if (latestText.current.trim() !== current) {
        return; // typed on meanwhile: this answer is stale
      }
      const items = answer.items.filter((patient) => patient.id !== excludeId);
      const single = items.length === 1 ? items[0] : undefined;
      if (single !== undefined) {
        onSelect(single);
      } else {
        setActiveIndex(items.length > 0 ? 0 : -1);
      }
    } catch (error) {
      notifyError(error, t('common.unknownError'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, results.length > 0 ? 0 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const current = text.trim();
      if (current === '') {
        return;
      }
      const active = showResults && search.isSuccess ? results[activeIndex] : undefined;
      if (active !== undefined) {
        onSelect(active);
      } else {
        void fetchNow(current);
      }
    } else if (event.key === 'Escape' && text !== '') {
      // Esc first clears the box; a second Esc reaches the dialog around it, if any.
      event.stopPropagation();
      setText('');
      setActiveIndex(-1);
    }
  };

  const activeId = showResults && activeIndex >= 0 ? `${inputId}-row-${String(activeIndex)}` : undefined;

  return (
    <Stack gap="xs">
      <TextInput
        id={inputId}
        label={label ?? t('patients.search.label')}
        description={t('patients.search.hint')}
        placeholder={t('patients.search.placeholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={search.isFetching ? <Loader size={14} aria-label={t('common.loading')} /> : null}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActiveIndex(-1);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={showResults && results.length > 0}
        aria-controls={resultsListId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        maxLength={200}
      />
      {showResults ? (
        search.isError ? (
          <Text size="sm" c="red" role="alert">
            {search.error.message}
          </Text>
        ) : search.isSuccess ? (
          <>
            <Text size="xs" c="dimmed" role="status" aria-live="polite" data-testid="patient-search-count">
              {results.length === 0 ? t('patients.search.none') : t('patients.search.count', { count: results.length })}
            </Text>
            {results.length > 0 ? (
              <PatientSearchResults
                id={resultsListId}
                rowIdPrefix={`${inputId}-row-`}
                patients={results}
                activeIndex={activeIndex}
                onSelect={onSelect}
              />
            ) : null}
          </>
        ) : null
      ) : null}
    </Stack>
  );
}
