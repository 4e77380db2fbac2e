import { PipelineError } from '../errors.js';
import type { Rule } from './types.js';

/** The provider's config is the authority for servers (the generic spec's is a `{host}` variable). */
export const applyServers: Rule = {
  name: 'apply-servers',
  apply(spec, { provider, log }) {
    if (provider.servers) {
      if (JSON.stringify(spec.servers) !== JSON.stringify(provider.servers)) log.add('servers-from-config', '#/servers');
      spec.servers = provider.servers;
    } else if (!spec.servers?.length) {
      throw new PipelineError(`${provider.name}/provider.json`, '/servers', 'missing, and the Swagger file has no host: add "servers": [{ "url": "https://<host>/api" }]');
    }
    return spec;
  },
};
