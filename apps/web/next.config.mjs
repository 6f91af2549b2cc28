import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The dashboard's own pages; answers proxied from the API (/api/*, /graphql) keep the API's headers.
const pageHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Next inlines its bootstrap scripts, so script-src stays 'self' 'unsafe-inline'; nothing loads from elsewhere.
  {
    key: 'Content-Security-Policy',
    value: "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One lockfile at the monorepo root: trace and bundle from there.
  outputFileTracingRoot: root,
  // The shared rules come from libs/k8s-model's dist/ (tsc -b builds it first: npm start,
  // npm test and npm run build all do); Turbopack cannot map its sources' `.js` imports to `.ts`.
  turbopack: { root },
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/((?!api/|graphql).*)', headers: pageHeaders }];
  },
};

export default nextConfig;
