import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the API's committed schema (no running server needed).
// `npm run graphql:schema` rewrites the schema and runs this; the web test checks the output is current.
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/{app,features,lib,components}/**/*.{ts,tsx}', '!apps/web/lib/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/lib/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
