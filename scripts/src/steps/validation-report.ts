import { PipelineError } from '../errors.js';
import type { OpenApi } from '../model.js';

/** One thing the validate step refuses: the check that found it, where, and what. */
export interface ValidationProblem {
  /** Redocly rule id, or `example-matches-schema` */
  rule: string;
  /** JSON pointer into the generated spec, `#/paths/~1service~1{id}/get` */
  pointer: string;
  message: string;
  /** `GET /service/{id}`, where the problem is in one operation and the message does not say so */
  operation?: string;
}

export interface ProblemGroup {
  rule: string;
  /** the message with its specifics (names, paths, indices) blanked: what the problems share */
  cause: string;
  count: number;
  pointers: string[];
}

const EXAMPLES_PER_GROUP = 3;

/** The message with what differs per place blanked, so 56 problems of one cause read as one line. */
export function causeOf(message: string): string {
  return message
    .replace(/`[^`]*`/g, '`…`')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\/\d+(?=\/|\s|$)/g, '/*');
}

/** Grouped by rule and cause, largest group first (ties: by rule, then cause), each with its first pointers. */
export function groupProblems(problems: ValidationProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const cause = causeOf(problem.message);
    const key = `${problem.rule}\u0000${cause}`;
    const group = groups.get(key) ?? { rule: problem.rule, cause, count: 0, pointers: [] };
    group.count++;
    if (group.pointers.length < EXAMPLES_PER_GROUP && !group.pointers.includes(problem.pointer)) group.pointers.push(problem.pointer);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule) || a.cause.localeCompare(b.cause));
}

/**
 * The validate step's refusal. It carries the unvalidated draft, so the entry can put it where a
 * person can read it, and says what to do next: a patch in `patches/`, aimed at a pointer it names.
 */
export class ValidationError extends PipelineError {
  readonly groups: ProblemGroup[];
  constructor(
    readonly provider: string,
    readonly draft: OpenApi,
    readonly problems: ValidationProblem[],
  ) {
    const groups = groupProblems(problems);
    const lines = groups.map((g) => `  ${g.rule} (${g.count}×): ${g.cause}\n      e.g. ${g.pointers.join(', ')}${g.count > g.pointers.length ? ', …' : ''}`);
    const first = groups[0]!.pointers[0]!.replace(/^#/, '');
    const next =
      `next: if a repair rule should have fixed a cause, fix the rule; otherwise write a patch, ${provider}/patches/<what>.json: ` +
      `{ "reason": "<why, in one line>", "patch": [{ "op": "add", "path": "${first}/…", "value": … }] } (pointers without the leading "#")`;
    super(`${provider}/openapi.json`, '', `the generated spec is not valid: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'} (by rule and cause)\n${lines.join('\n')}\n${next}`);
    this.name = 'ValidationError';
    this.groups = groups;
  }
}
