import { forEachOperation, operationKey } from '../model.js';
import { pointerSegment } from '../read/confine.js';
import { forEachSchema, type SchemaNode } from '../steps/schema-walk.js';
import type { Rule } from './types.js';

/**
 * The head nouns of money and rates: a field named so holds amounts that a sample showed whole
 * (`credit: 0`, `setup: 0`) and the next account shows with cents (`2.10`). The head is the name's
 * last word (`recurring_price` -> price, `tax2` -> tax), so `price_id` or `credit_card_count` stay.
 */
const MONEY_WORDS = new Set([
  'amount', 'balance', 'charge', 'cost', 'credit', 'discount', 'fee', 'fees', 'price', 'prices', 'rate',
  'recurring', 'setup', 'subtotal', 'tax', 'taxes', 'taxrate', 'total', 'totals',
]);

/** Siblings that mark a list's paging block, where `total` counts records, not money. */
const PAGING_WORDS = /^(page|pages|perpage|per_page|limit|offset|count|totalpages|sorterpage|sorterperpage)$/i;

/** `recurring_price` -> `price`, `setupFee2` -> `fee`, `taxrate2` -> `taxrate`. */
export function headWord(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1_$2').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return (words[words.length - 1] ?? '').toLowerCase().replace(/\d+$/, '');
}

export const isMoneyName = (name: string, siblings: string[] = []): boolean =>
  MONEY_WORDS.has(headWord(name)) && !(headWord(name).startsWith('total') && siblings.some((s) => PAGING_WORDS.test(s)));

/** `integer` -> `number` in a schema's type, its array items and its `anyOf` branches; true when any changed. */
function widenInteger(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const node = schema as SchemaNode;
  let changed = false;
  const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type];
  if (types.includes('integer')) {
    const widened = [...new Set(types.map((t) => (t === 'integer' ? 'number' : t)))];
    node.type = widened.length === 1 ? widened[0] : widened;
    if (node.format === 'int32' || node.format === 'int64') delete node.format;
    changed = true;
  }
  if (widenInteger(node.items)) changed = true;
  if (Array.isArray(node.anyOf) && node.anyOf.map(widenInteger).some(Boolean)) changed = true;
  return changed;
}

/**
 * Money-named fields are `number`: inference types `"credit": 0` as integer and a vendor export may
 * declare `price: integer`, and either rejects the `2.1` the next answer or request carries. Body and
 * answer properties and parameters alike; ids, counts and quantities keep `integer`.
 */
export const moneyFieldsAsNumbers: Rule = {
  name: 'money-fields-as-numbers',
  apply(spec, { log }) {
    forEachSchema(spec, (schema, pointer) => {
      const properties = schema.properties;
      if (typeof properties !== 'object' || properties === null) return;
      const names = Object.keys(properties);
      for (const name of names) {
        if (isMoneyName(name, names) && widenInteger((properties as Record<string, unknown>)[name])) log.add('money-field-number', `${pointer}/properties/${pointerSegment(name)}`, name);
      }
    });
    forEachOperation(spec, (operation, method, path) => {
      for (const parameter of operation.parameters ?? []) {
        if ('name' in parameter && isMoneyName(parameter.name) && widenInteger(parameter.schema)) log.add('money-field-number', operationKey(method, path), `${parameter.in} parameter ${parameter.name}`);
      }
    });
    return spec;
  },
};
