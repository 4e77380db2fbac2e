import ts from 'typescript';

/**
 * How a user's ESM project compiles code that imports our packages: NodeNext resolution through the
 * packages' exports maps (so the BUILT .d.ts/.d.cts are what is checked), strict, Node types for
 * `process.env`; every file a module (`moduleDetection: force`). Used by the README-examples checker and
 * the API reference's code-sample check. A separate entry, so other suites never load TypeScript.
 */
export const USER_COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};
