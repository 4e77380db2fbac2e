/**
 * `pnpm mock <provider> [port]`: a Prism mock of one provider's spec on 127.0.0.1 for a user to try
 * calls against (point the client's baseUrl at it; paths have no `/api` prefix there). Ctrl-C stops it.
 */
import { startPrism } from './prism.js';
import { PROVIDERS, specFile } from './providers.js';

const [provider, port = '4010'] = process.argv.slice(2);
if (!provider || !PROVIDERS.some((p) => p.name === provider)) {
  console.error(`usage: pnpm mock <${PROVIDERS.map((p) => p.name).join('|')}> [port]`);
  process.exit(2);
}
const mock = await startPrism(specFile(provider), { port: Number(port), inheritOutput: true });
console.log(`mock of ${provider} on ${mock.url} (pid ${mock.pid}); try: curl -u user:pass ${mock.url}/service`);
const stop = async () => {
  await mock.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
