import { pointerSegment } from '../read/confine.js';
import type { Rule } from './types.js';

/** Keys whose values are data (examples, defaults, allowed values) or vendor extensions: never rewritten. */
const DATA = new Set(['example', 'examples', 'default', 'enum', 'const']);
const PROSE = new Set(['description', 'summary']);

/**
 * Vendor prose carries Windows and old-Mac line ends (`\r\n`, and `\n\r` around markdown examples).
 * They would reach every JSDoc comment and break the markdown fences the example reader looks for,
 * so each summary and description gets `\n` line ends before any rule reads them. Data is left alone.
 */
export const normalizeLineEndings: Rule = {
  name: 'normalize-line-endings',
  apply(spec, { log }) {
    const changed = new Map<string, number>();
    const visit = (node: unknown, pointer: string[]) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, [...pointer, String(i)]));
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        if (DATA.has(key) || key.startsWith('x-')) continue;
        if (PROSE.has(key) && typeof value === 'string' && value.includes('\r')) {
          record[key] = value.replace(/\r\n|\n\r|\r/g, '\n');
          // one entry per operation (or top-level object), counting its rewritten texts
          const owner = pointer[0] === 'paths' ? pointer.slice(0, 3) : pointer.slice(0, 2);
          const where = `#/${owner.map(pointerSegment).join('/')}`;
          changed.set(where, (changed.get(where) ?? 0) + 1);
        } else visit(value, [...pointer, key]);
      }
    };
    visit(spec, []);
    for (const [where, count] of changed) log.add('line-endings-normalized', where, `${count} text${count === 1 ? '' : 's'}`);
    return spec;
  },
};
