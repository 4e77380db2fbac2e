/** `pnpm bench`: every benchmark in one run, printed as tables and written to bench/results.json. */
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundleSizes } from './bundle-size.js';
import { measureCodegen } from './codegen.js';
import { HERE, table } from './lib.js';
import { measureOverhead } from './overhead.js';
import { measurePolling } from './polling.js';
import { measureTypecheck } from './typecheck.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const ms = (n: number) => n.toFixed(3);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}\n`);

const overhead = await measureOverhead(CALLS);
for (const mode of ['sequential', 'concurrent-32'] as const) {
  const rows = overhead.filter((r) => r.mode === mode);
  const floor = rows.find((r) => r.variant === 'raw fetch')!;
  const bare = rows.find((r) => r.variant === 'bare openapi-fetch')!;
  console.log(`1. per-call overhead, GET /service/{id}, ${CALLS} calls, ${mode}\n`);
  console.log(
    table(
      ['client', 'median ms', 'p95 ms', 'calls/s', 'median vs raw fetch', 'median vs openapi-fetch'],
      rows.map((r) => [r.variant, ms(r.medianMs), ms(r.p95Ms), r.callsPerSecond.toFixed(0), `${(r.medianMs / floor.medianMs).toFixed(2)}×`, `${(r.medianMs / bare.medianMs).toFixed(2)}×`]),
    ),
    '\n',
  );
}

const bundles = await measureBundleSizes();
console.log('2. bundle size of a 5-line consumer (esbuild --minify, gzip -9)\n');
console.log(table(['bundle', 'minified kB', 'gzip kB'], bundles.map((b) => [b.name, (b.minifiedBytes / 1024).toFixed(1), (b.gzipBytes / 1024).toFixed(2)])), '\n');

const codegen = measureCodegen();
console.log('3. codegen (all specs and types)\n');
console.log(table(['run', 'seconds'], [['clean (turbo --force)', codegen.cleanSeconds.toFixed(2)], ['no change (turbo cache)', codegen.noChangeSeconds.toFixed(2)]]), '\n');

const typecheck = measureTypecheck();
console.log('4. type-check cost, tsc --noEmit on 20 calls\n');
console.log(table(['file', 'seconds'], [['hostbill client', typecheck.clientSeconds.toFixed(2)], ['plain fetch', typecheck.fetchSeconds.toFixed(2)], ['extra', typecheck.extraSeconds.toFixed(2)]]), '\n');

const polling = await measurePolling(1000);
console.log('5. polling at scale: 1,000 concurrent waitForTask, tasks done within 5 s\n');
console.log(
  table(
    ['tasks', 'seconds', 'requests', 'ideal requests', 'ratio', 'peak RSS MB', 'event-loop p99 ms'],
    [[polling.tasks, polling.seconds.toFixed(2), polling.requests, polling.idealRequests, `${polling.ratioToIdeal.toFixed(2)}×`, polling.peakRssMb.toFixed(0), polling.eventLoopP99Ms.toFixed(1)]],
  ),
  '\n',
);

// the targets of the runtime-cost issue, judged in this same run
const seq = overhead.filter((r) => r.mode === 'sequential');
const conc = overhead.filter((r) => r.mode === 'concurrent-32');
const ratio = (rows: typeof overhead) => rows.find((r) => r.variant === 'ours, basicAuth')!.medianMs / rows.find((r) => r.variant === 'bare openapi-fetch')!.medianMs;
const consumer = bundles.find((b) => b.name === 'hostens + waitForTask')!;
const validating = bundles.find((b) => b.name === 'hostens + waitForTask, validateResponses: warn')!;
const perCall = (rows: typeof overhead, variant: string) => rows.find((r) => r.variant === variant)!.medianMs;
const validationCost = perCall(seq, 'ours, basicAuth, validateResponses: warn') - perCall(seq, 'ours, basicAuth');
const targets: Array<[string, string, string, boolean]> = [
  ['per call, sequential: ours (basicAuth) / bare openapi-fetch', '≤ 1.05×', `${ratio(seq).toFixed(3)}×`, ratio(seq) <= 1.05],
  ['per call, concurrent-32: ours (basicAuth) / bare openapi-fetch', '≤ 1.05×', `${ratio(conc).toFixed(3)}×`, ratio(conc) <= 1.05],
  ['consumer bundle: runtime + hostens + waitForTask, gzip', '≤ 5.00 kB', `${(consumer.gzipBytes / 1000).toFixed(2)} kB`, consumer.gzipBytes <= 5000],
  ['validateResponses off: no validation code in the consumer bundle', 'none', consumer.validationCode ? 'present' : 'none', !consumer.validationCode],
  ['validateResponses warn: cost per call, sequential (same run, same server)', 'reported', `${(validationCost * 1000).toFixed(0)} µs (bundle +${((validating.gzipBytes - consumer.gzipBytes) / 1000).toFixed(2)} kB gzip)`, true],
  ['1,000 concurrent waitForTask: event-loop p99', '< 20 ms', `${polling.eventLoopP99Ms.toFixed(1)} ms`, polling.eventLoopP99Ms < 20],
  ['clean codegen of all specs and types', '≤ 5 s', `${codegen.cleanSeconds.toFixed(2)} s`, codegen.cleanSeconds <= 5],
];
console.log('6. targets\n');
console.log(table(['target', 'goal', 'measured', 'verdict'], targets.map(([name, goal, measured, met]) => [name, goal, measured, met ? 'met' : 'MISSED'])), '\n');

writeFileSync(join(HERE, '..', 'results.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), overhead, bundles, codegen, typecheck, polling, targets: targets.map(([name, goal, measured, met]) => ({ name, goal, measured, met })) }, null, 2)}\n`);
console.log('written: bench/results.json');
