/**
 * specs/<provider>/ -> packages/<provider>/: every file of a provider package except its generated
 * types (openapi-typescript, run by the package's own `generate`) and an optional hand-written
 * `test/` folder. Provider packages hold no logic of their own; what differs between them is data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderConfig } from '../model.js';
import type { OpenApi } from '../openapi.js';
import type { OutputFile } from '../steps/write-all.js';
import { exampleBaseUrl, fixedBaseUrl } from './example-base-url.js';
import { packageJson, SUBPATHS, subpathStubJson, tsconfigJson, turboJson } from './manifest.js';
import { clientIdentifier } from './names.js';
import { listOperations } from './operations.js';
import { readmeSource } from './readme.js';
import { indexSource, operationsSource, tasksSource } from './sources.js';
import { findTaskEndpoint } from './task-endpoint.js';
import { recordEntrySource } from './record.js';
import { validatorsEntrySource, validatorsSource } from './validators.js';

export interface PackageInput {
  config: ProviderConfig;
  spec: OpenApi;
}

/** The files of `packagesDir/<provider>/`; `license` is the text every package ships. */
export function packageFiles({ config, spec }: PackageInput, packagesDir: string, license: string): OutputFile[] {
  const dir = join(packagesDir, config.name);
  const identifier = clientIdentifier(config);
  const factory = `create${identifier}Client`;
  const operations = listOperations(spec, `${config.name}/openapi.json`);
  const task = findTaskEndpoint(operations);
  const fixedUrl = fixedBaseUrl(spec);
  const previous = join(dir, 'package.json');
  const version = existsSync(previous) ? ((JSON.parse(readFileSync(previous, 'utf8')) as { version?: string }).version ?? '0.0.0') : '0.0.0';
  const file = (name: string, text: string): OutputFile => ({ file: join(dir, name), text });
  return [
    file('package.json', packageJson({ provider: config.name, apiTitle: spec.info.title, version, hasTests: existsSync(join(dir, 'test')) })),
    file('tsconfig.json', tsconfigJson()),
    file('turbo.json', turboJson(config.name)),
    file('LICENSE', license),
    file('README.md', readmeSource({ provider: config.name, title: config.title, factory, auth: config.auth, exampleBaseUrl: exampleBaseUrl(spec), operations, task })),
    file('src/index.ts', indexSource({ provider: config.name, title: config.title, identifier, baseUrl: fixedUrl, operations, spec, task })),
    file('src/operations.ts', operationsSource(config.name, factory, operations)),
    ...(task ? [file('src/tasks.ts', tasksSource(config.name, factory, task))] : []),
    file('src/validators.ts', validatorsEntrySource(config.name)),
    file('src/record.ts', recordEntrySource(config.name)),
    ...SUBPATHS.map((name) => file(`${name}/package.json`, subpathStubJson(name))),
    file('src/compiled/validators.ts', validatorsSource(config.name, spec)),
  ];
}
