import { join } from 'node:path';
import { Application } from 'typedoc';
import { ROOT } from './providers.js';

const RUNTIME = join(ROOT, 'packages', 'runtime');

/** `<outDir>/runtime/`: TypeDoc of @hostbill-api/runtime's exports, read from its sources and tsconfig. */
export async function renderRuntimeReference(outDir: string): Promise<string> {
  const out = join(outDir, 'runtime');
  const app = await Application.bootstrapWithPlugins({
    entryPoints: [join(RUNTIME, 'src', 'index.ts')],
    tsconfig: join(RUNTIME, 'tsconfig.json'),
    readme: join(RUNTIME, 'README.md'),
    name: '@hostbill-api/runtime',
    out,
    // source links would point at a git host and revision; the reference stands on its own
    disableSources: true,
    excludePrivate: true,
    logLevel: 'Warn',
    plugin: [],
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc: packages/runtime/src/index.ts could not be converted (see the errors above)');
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error('typedoc reported errors for packages/runtime (see above)');
  return join(out, 'index.html');
}
