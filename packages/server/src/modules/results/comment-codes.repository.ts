/**
 * The lab's list of coded result comments (`result_comment_code`, migration 0014: HEMOLYSE,
 * CONTROLE_FAIT…). Result versions keep the codes; the bench picks them from the active ones and the
 * report prints their labels (issue 3 item 6, "coded and free comments").
 */
import { SillageError } from '@sillage/core';
import type { Queryable } from '../../db/database.js';

export interface CommentCode {
  code: string;
  label: string;
}

/** Active codes with their labels, in code order (the picker at the bench). */
export async function activeCommentCodes(db: Queryable): Promise<CommentCode[]> {
  return db.query<CommentCode>('SELECT code, label FROM result_comment_code WHERE active ORDER BY code', []);
}

/**
 * Refuses a code missing from the list or deactivated, before anything is written (one query for
 * all the values of a save). `kept`: codes the result's current version already carries, accepted
 * even when deactivated since, so that correcting a value never forces dropping an existing comment.
 */
export async function checkCommentCodes(
  db: Queryable,
  requested: readonly { codes: readonly string[]; kept: readonly string[] }[]
): Promise<void> {
  const wanted = [...new Set(requested.flatMap((entry) => entry.codes.filter((code) => !entry.kept.includes(code))))];
  if (wanted.length === 0) {
    return;
  }
  const rows = await db.query<{ code: string }>(
    'SELECT code FROM result_comment_code WHERE active AND code = ANY($1::text[])',
    [wanted]
  );
  const known = new Set(rows.map((row) => row.code));
  const unknown = wanted.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new SillageError('SIL_RESULT_COMMENT_CODE_UNKNOWN', { detail: unknown.join(', ') });
  }
}
