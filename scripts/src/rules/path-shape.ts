/** `/service/{id}/dns/{zone_id}` -> `/service/{}/dns/{}`: what two spellings of one path share. */
export function templateShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
