import type { Rule } from './types.js';

/** The provider's config is the authority for servers (the generic spec's is a `{host}` variable). */
export const applyServers: Rule = {
  name: 'apply-servers',
  apply(spec, { provider, log }) {
    if (provider.servers) {
      if (JSON.stringify(spec.servers) !== JSON.stringify(provider.servers)) log.add('servers-from-config', '#/servers');
      spec.servers = provider.servers;
    } else if (!spec.servers?.length) {
      throw new Error(`provider ${provider.name}: no servers in its Swagger file and none in provider.json`);
    }
    return spec;
  },
};
