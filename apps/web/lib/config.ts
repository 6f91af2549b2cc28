/** The dashboard's only environment reads. */
const trim = (u: string) => u.replace(/\/$/, '');

/** Where the API is, as seen from the Next.js server (e.g. http://api:4000 inside compose). */
export const apiUrl = trim(process.env.SWITCHBOARD_API_URL ?? 'http://localhost:4000');

/** Where the API is, as seen from a user's browser: used for links. */
export const publicApiUrl = trim(process.env.SWITCHBOARD_PUBLIC_API_URL ?? apiUrl);
