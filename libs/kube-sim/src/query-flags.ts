/**
 * A boolean query parameter (`watch`, `allowWatchBookmarks`, `sendInitialEvents`,
 * `force`) as the API server reads it (apimachinery's Convert_Slice_string_To_bool):
 * absent, `0` or `false` in any case is false; anything else — `1`, `true`, `True`,
 * `TRUE`, `t`, even an empty value — is true.
 */
export function queryFlag(q: URLSearchParams, key: string): boolean {
  const values = q.getAll(key);
  if (!values.length) return false;
  const v = values[0]!;
  return !(v === '0' || v.toLowerCase() === 'false');
}
