import { PipelineError } from '../errors.js';
import type { OpenApi, PipelineContext } from '../model.js';

/** A rule takes a spec and returns a new one, logging every repair it made in the context. */
export interface Rule {
  /** names the rule in the error that stops a run when it throws */
  name: string;
  apply(spec: OpenApi, context: PipelineContext): OpenApi;
}

/** Runs the rules top to bottom, each on its own copy, so no rule sees another's half-done work. */
export function applyRules(spec: OpenApi, rules: Rule[], context: PipelineContext): OpenApi {
  return rules.reduce((current, rule) => applyRule(rule, current, context), spec);
}

function applyRule(rule: Rule, spec: OpenApi, context: PipelineContext): OpenApi {
  try {
    return rule.apply(structuredClone(spec), context);
  } catch (error) {
    if (error instanceof PipelineError) throw error; // it already names its file and place
    // a rule's own failure is a bug or an input no rule foresaw: say which rule, for which provider
    const message = error instanceof Error ? error.message : String(error);
    throw new PipelineError(`${context.provider.name}/openapi.json`, '', `rule ${rule.name} failed: ${message}`, { cause: error });
  }
}
