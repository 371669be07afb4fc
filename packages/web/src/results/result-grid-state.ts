import type {
  DeltaView,
  EntryAnswer,
  IntervalView,
  PreviousResult,
  ResultFlag,
  ResultStatus,
  ResultType,
  ResultValueView,
  WorklistItem,
  WorklistSpecimen,
} from '../api/workflow-types.js';

/** One analyte of the tube being entered, as the grid shows it. */
export interface GridRow {
  resultId: string;
  analyteCode: string;
  analyteLabel: string;
  analysisCode: string;
  resultType: ResultType;
  unit: string | null;
  decimals: number;
  codedValues: { code: string; label: string }[] | null;
  calculated: boolean;
  status: ResultStatus;
  version: number;
  /** What the input holds: what was typed, or the server's display once saved (`5,20`). */
  draft: string;
  /** The server's display of the saved version; null while nothing is saved. */
  saved: string | null;
  flag: ResultFlag | null;
  critical: boolean;
  interval: IntervalView | null;
  delta: DeltaView | null;
  previous: PreviousResult | null;
  /** Coded comments as picked (sent with the next save) and as the saved version holds them. */
  commentCodes: string[];
  savedCommentCodes: string[];
  saving: boolean;
  error: string | null;
}

/** Statuses the bench may still write (result-lifecycle.ts); a validated value needs a reason. */
const writableStatuses: readonly ResultStatus[] = ['pending', 'entered', 'rejected_by_biologist'];

export function isWritable(row: Pick<GridRow, 'status' | 'calculated'>): boolean {
  return !row.calculated && writableStatuses.includes(row.status);
}

/** The input value of a saved result: the code of a coded value, else the French display. */
function draftOf(result: Pick<ResultValueView, 'resultType' | 'value' | 'valueCode'>): string {
  return result.resultType === 'coded' ? (result.valueCode ?? '') : (result.value ?? '');
}

function draftOfWorklistItem(item: WorklistItem): string {
  if (item.value === null) {
    return '';
  }
  if (item.resultType === 'coded') {
    // The worklist shows the coded value's label; the select works with codes.
    return item.codedValues?.find((option) => option.label === item.value || option.code === item.value)?.code ?? '';
  }
  return item.value;
}

export function rowsFromSpecimen(specimen: WorklistSpecimen): GridRow[] {
  return specimen.results.map((item) => {
    const draft = draftOfWorklistItem(item);
    return {
      resultId: item.resultId,
      analyteCode: item.analyteCode,
      analyteLabel: item.analyteLabel,
      analysisCode: item.analysisCode,
      resultType: item.resultType,
      unit: item.unit,
      decimals: item.decimals,
      codedValues: item.codedValues,
      calculated: item.calculated,
      status: item.status,
      version: item.version,
      draft,
      saved: item.value === null ? null : draft,
      flag: item.flag,
      critical: item.critical,
      interval: item.interval,
      delta: null,
      previous: null,
      commentCodes: [...item.commentCodes],
      savedCommentCodes: [...item.commentCodes],
      saving: false,
      error: null,
    };
  });
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, index) => code === b[index]);
}

/** True when the row holds a typed value, or coded comments on a value, the server has not stored yet. */
export function needsSave(row: GridRow): boolean {
  return (
    isWritable(row) &&
    row.draft.trim() !== '' &&
    (row.draft !== row.saved || !sameCodes(row.commentCodes, row.savedCommentCodes))
  );
}

/** What one save sends: a second save of the same content is skipped. */
export function submissionKey(row: Pick<GridRow, 'draft' | 'commentCodes'>): string {
  return JSON.stringify([row.draft, row.commentCodes]);
}

export type GridAction =
  | { type: 'edit'; resultId: string; draft: string }
  | { type: 'codes'; resultId: string; codes: string[] }
  | { type: 'saving'; resultId: string }
  | { type: 'saved'; answer: EntryAnswer; submitted: string }
  | { type: 'failed'; resultId: string; message: string }
  | { type: 'validated'; resultIds: readonly string[] };

function withServerView(row: GridRow, result: ResultValueView, keepDraft: boolean): GridRow {
  const draft = draftOf(result);
  return {
    ...row,
    status: result.status,
    version: result.version,
    draft: keepDraft ? row.draft : draft,
    saved: draft,
    flag: result.flag,
    critical: result.critical,
    interval: result.interval ?? row.interval,
    delta: result.delta,
    commentCodes: [...result.commentCodes],
    savedCommentCodes: [...result.commentCodes],
  };
}

export function gridReducer(rows: GridRow[], action: GridAction): GridRow[] {
  switch (action.type) {
    case 'edit':
      return rows.map((row) => (row.resultId === action.resultId ? { ...row, draft: action.draft, error: null } : row));
    case 'codes':
      return rows.map((row) =>
        row.resultId === action.resultId ? { ...row, commentCodes: action.codes, error: null } : row
      );
    case 'saving':
      return rows.map((row) => (row.resultId === action.resultId ? { ...row, saving: true, error: null } : row));
    case 'failed':
      return rows.map((row) =>
        row.resultId === action.resultId ? { ...row, saving: false, error: action.message } : row
      );
    case 'saved': {
      const { result, recalculated } = action.answer;
      const calculatedById = new Map(recalculated.map((view) => [view.id, view]));
      return rows.map((row) => {
        if (row.resultId === result.id) {
          // Typed on while the answer travelled: keep the newer text, it will be saved next.
          const typedOn = row.draft !== action.submitted;
          return {
            ...withServerView(row, result, typedOn),
            // The picks stay as the user left them: one made while the answer travelled is saved next.
            commentCodes: row.commentCodes,
            previous: result.previous,
            saving: false,
            error: null,
          };
        }
        const calculated = calculatedById.get(row.resultId);
        return calculated === undefined ? row : withServerView(row, calculated, false);
      });
    }
    case 'validated': {
      const validated = new Set(action.resultIds);
      return rows.map((row) =>
        validated.has(row.resultId) ? { ...row, status: 'technically_validated' as const } : row
      );
    }
  }
}

/** The next row the keyboard goes to (`step` +1 down, −1 up), skipping calculated rows; −1 at the end. */
export function nextWritableIndex(rows: readonly GridRow[], from: number, step: 1 | -1): number {
  for (let index = from + step; index >= 0 && index < rows.length; index += step) {
    const row = rows[index];
    if (row !== undefined && isWritable(row)) {
      return index;
    }
  }
  return -1;
}
