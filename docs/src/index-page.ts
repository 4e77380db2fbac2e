import type { ReferenceProvider } from './providers.js';

export interface IndexEntry {
  href: string;
  title: string;
  detail: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line per provider page with its operation count, for the index. */
export function providerEntry(provider: ReferenceProvider, operations: number): IndexEntry {
  return { href: `${provider.name}/index.html`, title: provider.config.title, detail: `@hostbill-api/${provider.name}: ${operations} operations` };
}

/** `index.html`: self-contained (no script, no external stylesheet), relative links only. */
export function indexPage(providers: IndexEntry[], runtime: IndexEntry): string {
  const item = (e: IndexEntry) => `    <li><a href="${escape(e.href)}">${escape(e.title)}</a> <span>${escape(e.detail)}</span></li>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>hostbill-api: API reference</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
    li { margin: 0.4rem 0; } span { color: #666; font-size: 0.9em; } code { font-size: 0.95em; }
  </style>
</head>
<body>
  <h1>hostbill-api: API reference</h1>
  <p>One reference per provider, rendered from its normalized OpenAPI 3.1 spec; every code sample calls the API through that provider's typed client.</p>
  <h2>Providers</h2>
  <ul id="providers">
${providers.map(item).join('\n')}
  </ul>
  <h2>Runtime</h2>
  <ul id="runtime">
${item(runtime)}
  </ul>
</body>
</html>
`;
}
