import { ActionIcon, Checkbox, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../api/notify.js';
import type { CodeMapping, CodeMappingInput } from './instrument-types.js';
import { createMapping, deleteMapping, instrumentKeys, updateMapping } from './instruments-api.js';

interface Draft {
  instrumentCode: string;
  analyteCode: string;
  factor: number | string;
  sendToInstrument: boolean;
}

const emptyDraft: Draft = { instrumentCode: '', analyteCode: '', factor: 1, sendToInstrument: true };

/** Same rule as the server: analyte codes are capitals, digits and _. */
const analyteCodePattern = /^[A-Z0-9_]{1,32}$/;

function draftInput(draft: Draft): CodeMappingInput | null {
  const factor = Number(draft.factor);
  const analyteCode = draft.analyteCode.trim().toUpperCase();
  if (draft.instrumentCode.trim() === '' || !analyteCodePattern.test(analyteCode) || !(factor > 0)) {
    return null;
  }
  return { instrumentCode: draft.instrumentCode.trim(), analyteCode, factor, sendToInstrument: draft.sendToInstrument };
}

function MappingDraftRow({
  initial,
  pending,
  onSave,
  onCancel,
}: {
  initial: Draft;
  pending: boolean;
  onSave: (input: CodeMappingInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const input = draftInput(draft);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          size="xs"
          ff="monospace"
          aria-label={t('instruments.mappings.instrumentCode')}
          value={draft.instrumentCode}
          onChange={(event) => setDraft({ ...draft, instrumentCode: event.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          ff="monospace"
          aria-label={t('instruments.mappings.analyteCode')}
          value={draft.analyteCode}
          onChange={(event) => setDraft({ ...draft, analyteCode: event.currentTarget.value.toUpperCase() })}
        />
      </Table.Td>
      <Table.Td />
      <Table.Td>
        <NumberInput
          size="xs"
          aria-label={t('instruments.mappings.factor')}
          min={0}
          decimalSeparator=","
          value={draft.factor}
          onChange={(value) => setDraft({ ...draft, factor: value })}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('instruments.mappings.sendToInstrument')}
          checked={draft.sendToInstrument}
          onChange={(event) => setDraft({ ...draft, sendToInstrument: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="filled"
            aria-label={t('common.save')}
            disabled={input === null}
            loading={pending}
            onClick={() => {
              if (input !== null) {
                onSave(input);
              }
            }}
          >
            {onCancel === undefined ? <IconPlus size={14} /> : <IconCheck size={14} />}
          </ActionIcon>
          {onCancel !== undefined ? (
            <ActionIcon variant="default" aria-label={t('common.cancel')} onClick={onCancel}>
              <IconX size={14} />
            </ActionIcon>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The instrument code → analyte code table, with a conversion factor (instrument value × factor). */
export function InstrumentMappingEditor({
  instrumentId,
  mappings,
  canManage,
}: {
  instrumentId: string;
  mappings: CodeMapping[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [newRowKey, setNewRowKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: instrumentKeys.detail(instrumentId) });
  const onError = (error: unknown) => notifyError(error, t('common.unknownError'));

  const create = useMutation({
    mutationFn: (input: CodeMappingInput) => createMapping(instrumentId, input),
    onSuccess: async (saved) => {
      await refresh();
      setNewRowKey((key) => key + 1);
      notifySuccess(t('instruments.mappings.saved', { code: saved.instrumentCode }));
    },
    onError,
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: CodeMappingInput }) => updateMapping(instrumentId, id, input),
    onSuccess: async (saved) => {
      await refresh();
      setEditingId(null);
      notifySuccess(t('instruments.mappings.saved', { code: saved.instrumentCode }));
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteMapping(instrumentId, id),
    onSuccess: () => refresh(),
    onError,
  });

  return (
    <Table withTableBorder data-testid="instrument-mappings-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('instruments.mappings.instrumentCode')}</Table.Th>
          <Table.Th>{t('instruments.mappings.analyteCode')}</Table.Th>
          <Table.Th>{t('instruments.mappings.analyteLabel')}</Table.Th>
          <Table.Th>{t('instruments.mappings.factor')}</Table.Th>
          <Table.Th>{t('instruments.mappings.sendToInstrument')}</Table.Th>
          <Table.Th aria-label={t('common.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mappings.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={6}>
              <Text c="dimmed" size="sm">
                {t('instruments.mappings.empty')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {mappings.map((mapping) =>
          editingId === mapping.id ? (
            <MappingDraftRow
              key={mapping.id}
              initial={mapping}
              pending={update.isPending}
              onSave={(input) => update.mutate({ id: mapping.id, input })}
              onCancel={() => setEditingId(null)}
            />
          ) : (
            <Table.Tr key={mapping.id}>
              <Table.Td ff="monospace">{mapping.instrumentCode}</Table.Td>
              <Table.Td ff="monospace">{mapping.analyteCode}</Table.Td>
              <Table.Td>{mapping.analyteLabel ?? '—'}</Table.Td>
              <Table.Td>{mapping.factor}</Table.Td>
              <Table.Td>{mapping.sendToInstrument ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                {canManage ? (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => setEditingId(mapping.id)}>
                      <IconPencil size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('instruments.mappings.delete')}
                      loading={remove.isPending && remove.variables === mapping.id}
                      onClick={() => remove.mutate(mapping.id)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          )
        )}
        {canManage ? (
          <MappingDraftRow
            key={`new-${newRowKey}`}
            initial={emptyDraft}
            pending={create.isPending}
            onSave={(input) => create.mutate(input)}
          />
        ) : null}
      </Table.Tbody>
    </Table>
  );
}
