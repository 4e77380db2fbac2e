import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * openapi-fetch is an ES module package. When esbuild turns our ESM source into CJS it gives an
 * import from it Node's interop (`default` = the whole CJS `module.exports`), so `import createClient
 * from 'openapi-fetch'` became `require(...).default`, the exports object, not the function. The CJS
 * build therefore bundles openapi-fetch (from its ESM build: no interop at all); the ESM build keeps it
 * external so users' bundlers share one copy. Types still come from the `openapi-fetch` dependency.
 */
const BUNDLED_IN_CJS = ['openapi-fetch'];

const externalInEsm: EsbuildPlugin = {
  name: 'external-in-esm',
  setup(build) {
    if (build.initialOptions.format === 'cjs') return;
    const filter = new RegExp(`^(${BUNDLED_IN_CJS.join('|')})(/|$)`);
    build.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
  },
};

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  noExternal: BUNDLED_IN_CJS,
  esbuildPlugins: [externalInEsm],
});
