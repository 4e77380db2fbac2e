export { fakeJwt, json, nowSeconds, settleTimed, startFakeServer, type FakeServer, type SeenRequest, type Handler } from './server.js';
export { documentedExample, readSpec, recordingFetch } from './provider-fixtures.js';
