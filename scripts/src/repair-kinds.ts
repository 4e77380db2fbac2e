import type { JsonFix } from './steps/repair-json.js';

/**
 * Every kind of repair `report.json` can list: this union is the documented set, and
 * `RepairLog.add` accepts nothing else. `where` is an operation (`GET /path`), a file, or a JSON pointer.
 */
export type RepairKind =
  /** the vendor Swagger had raw control characters inside strings; they were escaped before parsing */
  | 'control-characters-escaped'
  /** a second docs block of an operation already documented; the first one is used */
  | 'duplicate-docs-operation-ignored'
  /** provider.json's servers replaced the Swagger's */
  | 'servers-from-config'
  /** an OpenAPI 3.0 schema rewritten in 3.1 terms (`nullable`, boolean `exclusiveMinimum`, `example`); the detail says how */
  | 'schema-upgraded-to-3.1'
  /** `\r\n` (or `\n\r`, `\r`) line ends in summaries and descriptions became `\n`; the detail counts the texts */
  | 'line-endings-normalized'
  /** a `@name` path segment became a `{name}` template (`/service/@id` -> `/service/{id}`) */
  | 'path-at-param-templated'
  /** an operation's `$ref` to a shared response, body, parameter, example or header became a copy of it (the rules read an operation's own) */
  | 'component-ref-inlined'
  /** an operation without a summary took the first sentence of its description, or its operationId as words */
  | 'operation-summary-derived'
  /** a path item's shared parameters were given to each of its operations (the rules read an operation's own) */
  | 'path-item-parameters-moved'
  /** the base path every path repeated (`/api/service/{id}`) moved into the server URLs */
  | 'base-path-moved-to-servers'
  /** an operationId that was not URL-safe (spaces) became a camelCase identifier */
  | 'operation-id-normalized'
  /** a tag's stray or doubled spaces were trimmed */
  | 'tag-whitespace-normalized'
  /** `enum` on an array-typed schema moved to its `items`, where the values belong */
  | 'enum-moved-to-items'
  /** Swagger `in: query` fields of a POST/PUT/PATCH moved into a JSON request body */
  | 'body-from-query-params'
  /** a Swagger definition nothing references was removed */
  | 'unused-schema-removed'
  /** an operation only the docs have was added */
  | 'operation-from-docs'
  /** the operation's description was taken from the docs */
  | 'description-from-docs'
  /** a docs path parameter took the name its parameter table gives it (`{id}` -> `{tld_id}`) */
  | 'path-param-named-from-table'
  /** a parameter row that lost its name took the request sample's one unnamed body field */
  | 'param-name-recovered-from-sample'
  /** a parameter row without a name that no sample field could name was dropped */
  | 'param-row-dropped'
  /** a request-sample body field is a path parameter, so it is not a body field */
  | 'body-field-is-path-param'
  /** a query parameter only the docs table has was added */
  | 'query-param-from-docs'
  /** a body field only the docs table has was added */
  | 'body-field-from-docs'
  /** the request sample sends a body field nested (array of objects, object, id-keyed map) or as another scalar type than the table's; the detail says how */
  | 'body-field-shaped-by-sample'
  /** a vague body field (`array`, `string[]`, an `anyOf` of them) took the structure the samples send, or the answer its description points to; the detail says which */
  | 'body-field-nested-from-samples'
  /** a top-level body field the samples only send nested (or a `a[b]`/`a.b` docs row) moved into its nesting */
  | 'body-field-moved-into-nesting'
  /** an object whose properties were all named by numbers became a map from id to their value (`where` is the schema's pointer) */
  | 'id-keyed-map'
  /** the docs table marks a parameter or body field "(required"; the spec now requires it */
  | 'required-from-docs'
  /** a body field only the request sample has was added, typed string */
  | 'body-field-from-sample'
  /** the docs table's type replaced the Swagger's */
  | 'type-reconciled'
  /** path parameter renamed to the name the resource uses most (`{service_id}` -> `{id}`) */
  | 'path-param-unified'
  /** a resource's path parameter typed differently by its operations took every type seen (`string | integer`) */
  | 'path-param-type-unified'
  /** a duplicate path parameter, or one not in the path, was removed */
  | 'path-param-removed'
  /** a `{name}` in the path that no parameter declared was declared, typed string */
  | 'path-param-declared'
  /** a vendor security scheme was replaced, or redefined, by provider.json's `auth` */
  | 'security-scheme-replaced'
  /** the docs samples send no credentials, so the operation needs none (`security: []`) */
  | 'security-none'
  /** the docs' prose offers credentials as optional; the operation takes none or the provider's (`[{}, ...]`) */
  | 'security-optional'
  /** the spec's top-level security was set to provider.json's `auth`; the detail counts the operations that rely on it */
  | 'security-default'
  /** an operation's vendor security named a scheme provider.json does not declare; it takes the provider's default */
  | 'security-requirement-replaced'
  /** the operation had no operationId; one was derived from method and path */
  | 'operation-id-derived'
  /** the vendor's operationId was not in the one naming style (camelCase, verb first, from method and path) or clashed; the vendor's stays in x-vendor-operation-id */
  | 'operation-id-renamed'
  /** the operation had no tag; it took another provider's docs section */
  | 'tag-from-other-docs'
  /** the operation had no tag; it took its first path segment */
  | 'tag-from-path'
  /** no source has an example response, so the 200 is an open object */
  | 'response-untyped'
  /** a collection GET whose prose speaks of a list while its example shows one record: the schema takes either, the example stays as published */
  | 'prose-and-example-disagree'
  /** every record of one entity, from all operations answering it, merged into one named component (`where` is it; the detail lists the operations) */
  | 'response-entity-pooled'
  /** a component relaxed by the same entity's records at other providers: keys some lack made optional, types widened by their values */
  | 'entity-pooled-across-providers'
  /** fields only ever `null` in every example of their entity became `{}`, any value, not a guessed type */
  | 'null-only-field-open'
  /** whole answers of the same shape under several names became one component (the detail lists the names) */
  | 'identical-schemas-shared'
  /** the 200 response schema was inferred from examples (the detail names them) */
  | 'response-schema-inferred'
  /** the example hidden in the Swagger response description's markdown was moved out of it */
  | 'example-moved-from-description'
  /** example JSON that cannot be repaired without guessing; reported, never used */
  | 'example-unrepairable'
  /** a stripped capture's fragment whose nesting one reading only explains: rebuilt, used as evidence, not attached */
  | 'example-recovered'
  /** the example shown is the platform's error answer (`{"error": [...]}`): not used to type the success */
  | 'example-is-error-answer'
  /** an operation typed before (by a patch or a united provider) widened to accept its own docs' example */
  | 'example-evidence-widened'
  /** a real answer (specs/<provider>/evidence/) the schema did not accept: the schema widened to take it */
  | 'evidence-widened'
  /** the example came from another provider's docs of the same operation */
  | 'example-borrowed'
  /** a money-named field (price, credit, setup, tax, ...) typed integer became `number`, since amounts carry cents */
  | 'money-field-number'
  /** HTML tags or entities a docs capture left in a summary or description were removed, the text kept */
  | 'html-debris-removed'
  /** a text ended in "Available values:" (or "Possible values:", "Value pattern:") with nothing after it; the label was dropped */
  | 'empty-value-list-dropped'
  /** values or bounds the docs' prose states ("Possible values", `a|b`, "max 20 characters", "2 - 4 nameservers") became `enum`, `minimum`/`maximum`, `minLength`/`maxLength` or `minItems`/`maxItems`; the detail lists them */
  | 'limits-from-prose'
  /** the docs' text of an operation or field said more than the Swagger's, so it replaced it */
  | 'text-from-docs'
  /** a tag took the introduction of its docs section as its description */
  | 'tag-description-from-docs'
  /** the shared `Error` response was added to 400/401/404 where missing */
  | 'error-responses-added'
  /** a union operation taken from the first provider that has it */
  | 'union-operation-added'
  /** a union operation given the query parameters and body fields a later provider adds, a body field widened to accept either provider's type, or a later provider's richer text */
  | 'union-operation-extended'
  /** a hand correction from patches/ was applied (the detail is its reason) */
  | 'patch-applied'
  /** a defect of example JSON that repair-json fixed (`json-comment-removed`, ...) */
  | JsonFix;
