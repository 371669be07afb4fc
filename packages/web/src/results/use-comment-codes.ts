import { useQuery } from '@tanstack/react-query';
import type { CommentCode } from '../api/workflow-types.js';
import { fetchCommentCodes, resultKeys } from './results-api.js';

const none: readonly CommentCode[] = [];

/** The lab's coded comments, fetched once per session (the list changes rarely). */
export function useCommentCodes(): readonly CommentCode[] {
  const query = useQuery({
    queryKey: resultKeys.commentCodes,
    queryFn: ({ signal }) => fetchCommentCodes(signal),
    staleTime: 10 * 60_000,
  });
  return query.data?.items ?? none;
}

/** The label of each code; a code missing from the list shows as itself (as on the report). */
export function commentLabelsOf(codes: readonly string[], list: readonly CommentCode[]): string[] {
  const labels = new Map(list.map((entry) => [entry.code, entry.label]));
  return codes.map((code) => labels.get(code) ?? code);
}
