import { describeType, type Doc, type Operation, type Schema } from './params.js';

/** One parameter's line in `--help`: the vendor's description, then its type, whether required, its enum. */
export function describeParam(doc: Doc, schema: Schema, options: { description?: string | undefined; required?: boolean; where?: string }): string {
  const facts = [describeType(doc, schema), ...(options.required ? ['required'] : []), ...(options.where ? [options.where] : [])];
  return `${options.description ? `${options.description.trim()} ` : ''}(${facts.join(', ')})`;
}

/** What `hostbill server reboot --help` says below the options: the call it makes and how else to give values. */
export function operationFooter(op: Operation, hasBody: boolean): string {
  const lines = [``, `Operation: ${op.method.toUpperCase()} ${op.path}${op.operationId ? ` (${op.operationId})` : ''}`];
  lines.push(`Parameters may also be given as name=value pairs${hasBody ? '; --body takes the JSON body: inline, @file.json, or - for standard input' : ''}.`);
  return lines.join('\n');
}
