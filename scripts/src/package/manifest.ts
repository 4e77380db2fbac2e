import { packageName } from './names.js';

const REPO = 'hostbill-api/hostbill-api';

/** Tool versions every provider package builds with: one place, so all packages move together. */
export const TOOLCHAIN = {
  dependencies: { '@hostbill-api/runtime': 'workspace:^', 'openapi-fetch': '0.17.0' },
  devDependencies: {
    '@hostbill-api/spec-pipeline': 'workspace:*',
    '@hostbill-api/test-support': 'workspace:*',
    '@types/node': '^20.19.0',
    'openapi-typescript': '7.13.0',
    tsup: '8.5.0',
    typescript: '~5.9.0',
    vitest: '^4.0.0',
  },
} as const;

export interface ManifestFacts {
  provider: string;
  /** the spec's `info.title` */
  apiTitle: string;
  /** kept from the package.json on disk: changesets own it */
  version: string;
  /** the package has a hand-written `test/` folder */
  hasTests: boolean;
}

export function packageJson(facts: ManifestFacts): string {
  const { provider } = facts;
  const lint = ['tsc -p tsconfig.json', ...(facts.hasTests ? ['tsc -p test/tsconfig.json'] : []), 'publint --strict', 'attw --pack . --quiet'].join(' && ');
  const manifest = {
    name: packageName(provider),
    version: facts.version,
    description: `Typed TypeScript client for the ${facts.apiTitle}`,
    license: 'MIT',
    repository: { type: 'git', url: `git+https://github.com/${REPO}.git`, directory: `packages/${provider}` },
    homepage: `https://github.com/${REPO}/tree/main/packages/${provider}#readme`,
    bugs: { url: `https://github.com/${REPO}/issues` },
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    keywords: [...new Set(['hostbill', 'openapi', 'typescript', 'hosting', provider])],
    files: ['dist', ...SUBPATHS, 'openapi.json', 'README.md', 'CHANGELOG.md', 'LICENSE'],
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      ...Object.fromEntries(SUBPATHS.map((name) => [`./${name}`, subpathExport(name)])),
      './openapi.json': './openapi.json',
      './package.json': './package.json',
    },
    scripts: {
      // an object whose example was `{}` (or elided) says nothing of its keys: JSON Schema accepts any, so
      // the type must too (openapi-typescript's default, Record<string, never>, forbids reading any key)
      generate: `cp ../../specs/${provider}/openapi.json openapi.json && openapi-typescript openapi.json --empty-objects-unknown -o src/generated/schema.d.ts`,
      build: `tsup ${['index', ...SUBPATHS].map((name) => `src/${name}.ts`).join(' ')} --format esm,cjs --dts --clean --target es2022`,
      // a provider's first test loads its spec and the runtime: well under vitest's 5 s alone, not when turbo
      // runs every suite at once on 2 cores; the bound only stops a hang
      ...(facts.hasTests ? { test: 'vitest run --test-timeout=60000 --hook-timeout=60000' } : {}),
      lint,
    },
    dependencies: TOOLCHAIN.dependencies,
    devDependencies: TOOLCHAIN.devDependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Entry points beside the main one, each loaded only by code that asks for it, so a client that does
 * not use them bundles none of it: `validators` (compiled response checks, for `validateResponses`) and
 * `record` (the response recorder and its redaction, for `recordResponses`).
 */
export const SUBPATHS = ['validators', 'record'] as const;

function subpathExport(name: string) {
  return {
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  };
}

/** `<subpath>/package.json`: the subpath for resolvers that predate `exports` (TypeScript's node10, old bundlers). */
export function subpathStubJson(name: string): string {
  return `${JSON.stringify({ private: true, main: `../dist/${name}.cjs`, module: `../dist/${name}.js`, types: `../dist/${name}.d.cts` }, null, 2)}\n`;
}

export function tsconfigJson(): string {
  return `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true, types: [] }, include: ['src'] }, null, 2)}\n`;
}

/** turbo regenerates a package's types only when its own spec changes. */
export function turboJson(provider: string): string {
  const config = {
    $schema: 'https://turbo.build/schema.json',
    extends: ['//'],
    tasks: { generate: { inputs: [`$TURBO_ROOT$/specs/${provider}/openapi.json`, 'package.json'], outputs: ['src/generated/**', 'openapi.json'] } },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
