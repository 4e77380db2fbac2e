/** `/service/{id}/dns/{zone_id}` -> `/service/{}/dns/{}`: what two spellings of one path share. */
export function templateShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** `/service/@id/vms` -> `/service/{id}/vms`: the HostBill docs' parameter style, which vendor exports repeat. */
export function templateAtNames(path: string): string {
  return path.replace(/@([A-Za-z_]\w*)/g, '{$1}');
}

/**
 * The base path every path repeats (`/api` of `/api/service/{id}`): the leading literal segments all
 * paths share, stopping before a segment that a parameter follows or that ends a path, because a
 * resource (`/service` of `/service/{id}`) is followed by its id and a base path never is. Needs two
 * paths at least: one path alone cannot tell its base from its resource. '' when there is none.
 */
export function sharedBasePath(paths: string[]): string {
  if (paths.length < 2) return '';
  const split = paths.map((p) => p.split('/').slice(1));
  const shared: string[] = [];
  for (let i = 0; ; i++) {
    const segment = split[0]![i];
    if (segment === undefined || segment === '' || segment.includes('{')) break;
    const holds = split.every((s) => s[i] === segment && s[i + 1] !== undefined && s[i + 1] !== '' && !s[i + 1]!.includes('{'));
    if (!holds) break;
    shared.push(segment);
  }
  return shared.length ? `/${shared.join('/')}` : '';
}
