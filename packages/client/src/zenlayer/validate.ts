// Input checks with the spec's own limits (spec/zenlayer.yaml: ResourceId minLength 1,
// ReleaseInstancesBody.instanceIds maxItems 100); a test keeps these equal to the spec.
import { ValidationError } from '../transport/errors.js';

export const MAX_IDS_PER_REQUEST = 100;

export function requireId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(
      field,
      'a non-empty string',
      `${field} must be a non-empty string (got ${JSON.stringify(value) ?? String(value)}); nothing was sent`,
    );
  }
  return value;
}

export function requireIds(field: string, values: unknown): string[] {
  if (!Array.isArray(values)) {
    throw new ValidationError(
      field,
      'an array of ids',
      `${field} must be an array of ids (got ${typeof values}); nothing was sent`,
    );
  }
  if (values.length === 0)
    throw new ValidationError(field, 'at least 1 id', `${field} must contain at least 1 id (got 0); nothing was sent`);
  return values.map((value, i) => requireId(`${field}[${i}]`, value));
}
