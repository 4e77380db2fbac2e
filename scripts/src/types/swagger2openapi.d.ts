declare module 'swagger2openapi' {
  interface ConvertResult {
    openapi: Record<string, unknown>;
  }
  const swagger2openapi: {
    convertObj(swagger: unknown, options: Record<string, unknown>): Promise<ConvertResult>;
  };
  export default swagger2openapi;
}
