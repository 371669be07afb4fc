import { Box, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/notify.js';
import { requiredField } from './required-field.js';

/** Live suggestions wait for a pause in typing; Enter never waits. */
const typingPauseMs = 200;

export interface TypeaheadInputProps<T> {
  inputId: string;
  label: string;
  description?: string;
  placeholder?: string;
  queryKey: (term: string) => QueryKey;
  search: (term: string, signal?: AbortSignal) => Promise<T[]>;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The answer Enter takes at once (an exact code); otherwise a single answer is taken. */
  exactMatch?: (item: T, term: string) => boolean;
  onPick: (item: T) => void;
  /** Enter on a term the server does not know. */
  onMiss?: (term: string) => void;
  /** Backspace in the empty box (removes the last chip of a multi-value field). */
  onBackspaceEmpty?: () => void;
  onTextChange?: (text: string) => void;
  autoFocus?: boolean;
  minLength?: number;
  error?: ReactNode;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}

/**
 * A text box with server suggestions, keyboard first: ↑/↓ move, Enter takes the highlighted
 * suggestion, Esc clears. Typed fast and ended by Enter (a barcode scanner, a secretary who knows
 * the codes: `NFS` ⏎ `GLY` ⏎), the term is searched at once and an exact match is taken without
 * waiting for the live list.
 */
export function TypeaheadInput<T>({
  inputId,
  label,
  description,
  placeholder,
  queryKey,
  search,
  itemKey,
  renderItem,
  exactMatch,
  onPick,
  onMiss,
  onBackspaceEmpty,
  onTextChange,
  autoFocus = false,
  minLength = 1,
  error,
  required = false,
  inputRef,
  testId,
}: TypeaheadInputProps<T>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const latestText = useRef(text);

  useEffect(() => {
    latestText.current = text;
    const timer = window.setTimeout(() => setTerm(text.trim()), typingPauseMs);
    return () => window.clearTimeout(timer);
  }, [text]);

  const suggestions = useQuery({
    queryKey: queryKey(term),
    queryFn: ({ signal }) => search(term, signal),
    enabled: term.length >= minLength,
    staleTime: 30_000,
  });
  const items = suggestions.data ?? [];
  const listVisible = term.length >= minLength && term === text.trim() && suggestions.isSuccess;
  const listId = `${inputId}-suggestions`;

  const changeText = (value: string) => {
    setText(value);
    setActiveIndex(0);
    onTextChange?.(value);
  };

  const pick = (item: T) => {
    latestText.current = '';
    setText('');
    setTerm('');
    setActiveIndex(0);
    onTextChange?.('');
    onPick(item);
  };

  const resolveNow = async (current: string) => {
    try {
      const answer = await queryClient.fetchQuery({
        queryKey: queryKey(current),
        queryFn: ({ signal }) => search(current, signal),
        staleTime: 30_000,
      });
      if (latestText.current.trim() !== current) {
        return; // typed on meanwhile: this answer is stale
      }
      const chosen =
        answer.find((item) => exactMatch?.(item, current) === true) ?? (answer.length === 1 ? answer[0] : undefined);
      if (chosen !== undefined) {
        pick(chosen);
      } else if (answer.length === 0) {
        onMiss?.(current);
      } else {
        setTerm(current);
        setActiveIndex(0);
      }
    } catch (caught) {
      notifyError(caught, t('common.unknownError'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => Math.min(index + 1, Math.max(items.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const current = text.trim();
      if (current === '') {
        return;
      }
      const highlighted = listVisible ? items[activeIndex] : undefined;
      if (highlighted !== undefined) {
        pick(highlighted);
      } else {
        void resolveNow(current);
      }
    } else if (event.key === 'Escape' && text !== '') {
      event.stopPropagation();
      changeText('');
    } else if (event.key === 'Backspace' && text === '') {
      onBackspaceEmpty?.();
    }
  };

  const activeId = listVisible && items.length > 0 ? `${inputId}-option-${String(activeIndex)}` : undefined;

  return (
    <Box pos="relative">
      <TextInput
        id={inputId}
        ref={inputRef}
        label={label}
        description={description}
        placeholder={placeholder}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => changeText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTerm('')}
        onFocus={() => setTerm(text.trim())}
        error={error}
        rightSection={suggestions.isFetching ? <Loader size={14} aria-label={t('common.loading')} /> : null}
        role="combobox"
        aria-expanded={listVisible && items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        maxLength={100}
        data-testid={testId}
        {...(required ? requiredField : {})}
      />
      {listVisible ? (
        <Paper
          withBorder
          shadow="md"
          pos="absolute"
          left={0}
          right={0}
          mt={4}
          style={{ zIndex: 20, maxHeight: 320, overflowY: 'auto' }}
        >
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs" role="status">
              {t('common.noMatch')}
            </Text>
          ) : (
            <div role="listbox" id={listId} aria-label={t('common.suggestions')}>
              {items.map((item, index) => (
                <Box
                  key={itemKey(item)}
                  id={`${inputId}-option-${String(index)}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  className={index === activeIndex ? 'sil-row-active sil-clickable-row' : 'sil-clickable-row'}
                  px="xs"
                  py={6}
                  // mousedown would blur the input first and close the list before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(item)}
                  data-testid={testId === undefined ? undefined : `${testId}-option`}
                >
                  {renderItem(item)}
                </Box>
              ))}
            </div>
          )}
        </Paper>
      ) : null}
    </Box>
  );
}
