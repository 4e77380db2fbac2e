import type { OpenApi, PipelineContext } from '../model.js';

/** A rule takes a spec and returns a new one, logging every repair it made in the context. */
export interface Rule {
  name: string;
  apply(spec: OpenApi, context: PipelineContext): OpenApi;
}

/** Runs the rules top to bottom, each on its own copy, so no rule sees another's half-done work. */
export function applyRules(spec: OpenApi, rules: Rule[], context: PipelineContext): OpenApi {
  return rules.reduce((current, rule) => rule.apply(structuredClone(current), context), spec);
}
