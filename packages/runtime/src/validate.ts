import { describeRequest, ResponseValidationError, type RequestDescription, type ResponseDrift } from './errors.js';

/** `off` (the default) checks nothing; `warn` reports each drift once; `throw` rejects the call. */
export type ValidateResponses = 'off' | 'warn' | 'throw';

/** The part of an Ajv error a drift is made from (standalone validators produce these). */
export interface SchemaErrorLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** One compiled check of an operation's 200 JSON body, as the package's `validators` export holds them. */
export type ResponseValidateFunction = ((data: unknown) => boolean) & { errors?: SchemaErrorLike[] | null };

/** Compiled checks by operation key, as the generator writes them. */
export type ResponseValidatorTable = Readonly<Record<string, ResponseValidateFunction>>;

/**
 * What `@hostbill-api/<provider>/validators` exports as `validators`: the table and the checker
 * built on it. The checker lives here, reached only through that subpath, so a client that never
 * validates bundles none of it.
 */
export interface ResponseValidators {
  readonly operations: ResponseValidatorTable;
  /** a checker with its own memory of the drifts it warned of (one per client) */
  checker(onDrift: ((drift: ResponseDrift) => void) | undefined): ResponseChecker;
}

/** The validators, or a loader for them: `() => import('@hostbill-api/hostens/validators')`, so they load only when used. */
export type ResponseValidatorsInput = ResponseValidators | (() => Promise<ResponseValidators | { validators: ResponseValidators }>);

export function formatDrift(drift: ResponseDrift): string {
  return `${drift.operation} ${drift.pointer || '(body)'}: expected ${drift.expected}, seen ${drift.seen} (${drift.kind})`;
}

/** The JSON type of a value as a schema names it; never the value. */
export function jsonType(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function at(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Ajv errors -> drifts, one per (pointer, kind). */
export function driftsOf(operation: string, errors: readonly SchemaErrorLike[], data: unknown): ResponseDrift[] {
  const drifts = new Map<string, ResponseDrift>();
  for (const error of errors) {
    let drift: ResponseDrift;
    if (error.keyword === 'required') {
      const pointer = `${error.instancePath}/${escapeSegment(String(error.params.missingProperty))}`;
      drift = { operation, pointer, kind: 'missing', expected: 'present', seen: 'absent' };
    } else if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      const pointer = `${error.instancePath}/${escapeSegment(String(error.params.additionalProperty ?? error.params.unevaluatedProperty))}`;
      drift = { operation, pointer, kind: 'extra', expected: 'absent', seen: jsonType(at(data, pointer)) };
    } else if (error.keyword === 'type') {
      const type = error.params.type;
      drift = { operation, pointer: error.instancePath, kind: 'type', expected: Array.isArray(type) ? type.join(' | ') : String(type), seen: jsonType(at(data, error.instancePath)) };
    } else if (error.keyword === 'enum') {
      const allowed = error.params.allowedValues;
      drift = { operation, pointer: error.instancePath, kind: 'enum', expected: `one of ${Array.isArray(allowed) ? allowed.length : 'the'} values`, seen: jsonType(at(data, error.instancePath)) };
    } else {
      drift = { operation, pointer: error.instancePath, kind: error.keyword, expected: error.keyword, seen: jsonType(at(data, error.instancePath)) };
    }
    drifts.set(`${drift.pointer}\0${drift.kind}`, drift);
  }
  return [...drifts.values()];
}

/** What a client keeps for validation: its validators (loaded once, on first use) and the drifts it already warned of. */
export interface ResponseChecker {
  check(mode: ValidateResponses, request: RequestDescription, data: unknown): void;
}

/** Generated code calls this once: `export const validators = defineResponseValidators(table)`. */
export function defineResponseValidators(operations: ResponseValidatorTable): ResponseValidators {
  return { operations, checker: (onDrift) => createResponseChecker(operations, onDrift) };
}

function createResponseChecker(operations: ResponseValidatorTable, onDrift: ((drift: ResponseDrift) => void) | undefined): ResponseChecker {
  const warned = new Set<string>();
  const report = onDrift ?? ((drift: ResponseDrift) => console.warn(`[hostbill-api] response drift: ${formatDrift(drift)}`));
  return {
    check(mode, request, data) {
      const validate = operations[request.operation ?? ''];
      if (!validate || validate(data)) return;
      const drifts = driftsOf(request.operation!, validate.errors ?? [], data);
      if (mode === 'throw') {
        const list = drifts.map((d) => `${d.pointer || '(body)'}: expected ${d.expected}, seen ${d.seen} (${d.kind})`).join('; ');
        throw new ResponseValidationError(`${describeRequest(request)}: the answer does not match the spec: ${list}`, { request, status: 200, drifts });
      }
      for (const drift of drifts) {
        const key = `${drift.operation}\0${drift.pointer}\0${drift.kind}`;
        if (warned.has(key)) continue;
        warned.add(key);
        try {
          report(drift);
        } catch {
          /* the user's handler failed; the call goes on */
        }
      }
    },
  };
}

/** The check for `validateResponses` set at client creation: a wrong value is a clear error, not a silent `off`. */
export function checkedMode(value: unknown, where: string): ValidateResponses {
  if (value === undefined) return 'off';
  if (value === 'off' || value === 'warn' || value === 'throw') return value;
  throw new TypeError(`${where} must be 'off', 'warn' or 'throw', not ${JSON.stringify(value)}`);
}
