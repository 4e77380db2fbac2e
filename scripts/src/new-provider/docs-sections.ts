import { isTitleLike, type DocsOperation } from '../docs/extract-operations.js';

/**
 * The section headings a docs text uses, as far as it tells them from operation titles. A heading is
 * only a title-like line to the extraction, so it cannot be told by shape alone ("Clientarea" above
 * "Refresh Token" reads like a title above its description). What makes a line a heading is a name the
 * caller already knows as a section (another provider's `sections`, a tag of the provider's API
 * document) that the extraction then reads at a heading's place, in an operation's prose before its
 * title: `operations` come from `extractOperations(text, file, new Set(known))`.
 */
export function docsSections(operations: DocsOperation[]): string[] {
  // an operation's tag is the last heading read before it, so each heading read is some operation's tag
  return [...new Set(operations.flatMap((operation) => (operation.tag ? [operation.tag] : [])))];
}

/**
 * Titles that may be unlisted headings: the operation's description opens with another title-like line
 * and goes on (`Domains` over `List Domains` / `List domains under your account`). A title over a short
 * first sentence reads the same ("Reset Password" / "Resets privileged user password" / ...), so these
 * are only named for the user to judge, never taken.
 */
export function possibleHeadings(operations: DocsOperation[]): string[] {
  return operations.flatMap((operation) => {
    const [first, ...rest] = operation.description.split('\n');
    return isTitleLike(first ?? '') && rest.length > 0 ? [`"${operation.title}" (${operation.method.toUpperCase()} ${operation.documentedPath})`] : [];
  });
}

/** Tag names of an API document: its `tags` list and every operation's `tags`. */
export function documentTags(document: { tags?: unknown; paths?: unknown } | undefined): string[] {
  const names = new Set<string>();
  if (Array.isArray(document?.tags)) for (const tag of document.tags) if (typeof tag?.name === 'string') names.add(tag.name);
  for (const item of Object.values((document?.paths ?? {}) as Record<string, unknown>)) {
    for (const operation of Object.values((item ?? {}) as Record<string, { tags?: unknown }>)) {
      if (Array.isArray(operation?.tags)) for (const tag of operation.tags) if (typeof tag === 'string') names.add(tag);
    }
  }
  return [...names];
}
