// Loads the package with import (Node, Bun and Deno alike); see probe.cjs.
import process from 'node:process';
import core from './probe-core.cjs';

const args = JSON.parse(process.env.PROBE_ARGS);
try {
  const [provider, runtime] = await Promise.all([import(args.package), import('@hostbill-api/runtime')]);
  console.log(JSON.stringify(await core.probe(provider, runtime, args)));
} catch (error) {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
}
