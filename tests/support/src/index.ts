export { fakeJwt, json, nowSeconds, settleTimed, startFakeServer, type FakeServer, type SeenRequest, type Handler } from './server.js';
export { documentedExample, readSpec, recordingFetch } from './provider-fixtures.js';
export { provider, providers, SPECS_DIR, type AuthStyle, type Provider } from './providers.js';
export { authFor, loadProvider, TEST_CREDENTIALS, type Importer, type ProviderModule } from './provider-client.js';
