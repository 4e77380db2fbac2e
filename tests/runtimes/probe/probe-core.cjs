'use strict';
/**
 * The one call every runtime makes, shared by the require, import and browser probes: find the
 * provider's factory (its only `create...Client` export that is not the runtime's), create a client
 * with basicAuth against `baseUrl`, GET `path`, report what came back.
 */
async function probe(provider, runtime, { baseUrl, path, username, password }) {
  const factories = Object.keys(provider).filter((name) => /^create\w+Client$/.test(name) && !(name in runtime));
  if (factories.length !== 1) throw new Error(`expected one create...Client export, found ${JSON.stringify(factories)}`);
  const client = provider[factories[0]]({ baseUrl, auth: provider.basicAuth({ username, password }), retry: false });
  const { data, error, response } = await client.GET(path, {});
  return { factory: factories[0], status: response.status, data, error };
}

module.exports = { probe };
