import Table from 'cli-table3';
import { stringify as toYaml } from 'yaml';
import { REDACTED } from '@hostbill-api/runtime';
import { UsageError } from './exit-codes.js';

export const FORMATS = ['json', 'table', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const plain = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** No colours and no ANSI codes: the table may go to a file or a pipe. */
const STYLE = { style: { head: [], border: [] } };

/**
 * A table for people: an array of objects gets a column per key (the union over the rows), an object
 * a key/value row per field; a nested array or object becomes a table inside its cell.
 */
function table(data: unknown, depth = 0): string {
  if (depth > 3 || (!Array.isArray(data) && !isRecord(data))) return plain(data);
  if (Array.isArray(data)) {
    if (!data.length) return '';
    if (!data.every(isRecord)) {
      const t = new Table(STYLE);
      for (const item of data) t.push([table(item, depth + 1)]);
      return t.toString();
    }
    const head = [...new Set(data.flatMap((row) => Object.keys(row)))];
    const t = new Table({ head, ...STYLE });
    for (const row of data) t.push(head.map((key) => table(row[key], depth + 1)));
    return t.toString();
  }
  const t = new Table(STYLE);
  for (const [key, value] of Object.entries(data)) t.push({ [key]: table(value, depth + 1) });
  return t.toString();
}

export function formatData(data: unknown, format: string = 'json'): string {
  switch (format) {
    case 'json':
      return JSON.stringify(data, null, 2) ?? '';
    case 'yaml':
      return toYaml(data).trimEnd();
    case 'table':
      return table(data);
    default:
      throw new UsageError(`--output: one of ${FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
  }
}

/**
 * The credentials this process holds (from the environment), in every form a server may echo them:
 * the printed answer never carries them. Field NAMES are not masked here: an answer's own `password`
 * (a server's new root password) is what the user asked for.
 */
export function knownSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const { HOSTBILL_USERNAME: user, HOSTBILL_PASSWORD: password, HOSTBILL_TOKEN: token } = env;
  const values = [password, token, user && password ? Buffer.from(`${user}:${password}`).toString('base64') : undefined];
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4).flatMap((v) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]);
}

export function maskSecrets(text: string, secrets: string[] = knownSecrets()): string {
  // longest first, so a secret that contains another is masked whole
  return [...new Set(secrets)].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

export function printData(data: unknown, format: string | undefined, write: (text: string) => void = (text) => process.stdout.write(text)): void {
  const text = formatData(data, format);
  write(text ? `${maskSecrets(text)}\n` : '');
}
