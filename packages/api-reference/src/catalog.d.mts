export interface DocumentedResponse {
  status: string;
  description: string;
  codes: string[];
}
export interface CatalogOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  responses: DocumentedResponse[];
}
export function deref(spec: unknown, node: unknown): Record<string, unknown>;
export function catalog(spec: unknown): CatalogOperation[];
export function errorCodes(operations: CatalogOperation[]): string[];
