/** The double-submit CSRF token every non-GET request with the session cookie must echo. */
export function csrfToken(): string {
  if (typeof document === 'undefined') return '';
  const part = document.cookie.split('; ').find((c) => c.startsWith('sb_csrf='));
  return part ? decodeURIComponent(part.slice('sb_csrf='.length)) : '';
}
