/** `cart_categories` -> `CartCategories`, `getServer` -> `GetServer`, `server_id` -> `ServerId`. */
export function pascalCase(word: string): string {
  return word.replace(/(^|[_\-.\s])(\w)/g, (_, __, c: string) => c.toUpperCase());
}
