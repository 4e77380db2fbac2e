// The Prism starter lives in @hostbill-api/test-support, shared with the CLI's tests and `pnpm demo`.
export { freePort, startPrism, type PrismMock } from '@hostbill-api/test-support/prism';
