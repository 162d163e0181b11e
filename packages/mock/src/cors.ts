// CORS, so a page in a browser can call the mocked APIs: any origin may send every header the
// APIs use, and read the response headers a client acts on. The mock holds no cookies, so `*`
// is safe for the APIs. Not for the /__mock/ control plane: the engine grants it no preflight
// and sends its answers without these headers.

/** Request headers the APIs use; a preflight's own list is allowed on top (all X-ZC-* included). */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-ZC-Action',
  'X-ZC-Version',
  'X-ZC-Timestamp',
  'X-ZC-Signature-Method',
  'X-ZC-Service',
  'X-ZC-SDK-Lang',
  'X-ZC-SDK-Version',
  'X-ZC-Request-Client',
  'X-Auth-Token',
  'If-Match',
  'Prefer',
];

/** Response headers a client reads; a browser hides any other from the page. */
const EXPOSED_HEADERS = [
  'Retry-After',
  'X-Openstack-Request-Id',
  'cf-mitigated',
  'Content-Type',
  'X-Cloud-Release-Mock-Error',
];

/** On every answer. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
};

/** A browser's preflight: an OPTIONS that names the method it wants to send. */
export const isPreflight = (method: string, headers: Record<string, string>) =>
  method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The answer's headers for a preflight (`isPreflight`: it names a method). */
export function preflightHeaders(headers: Record<string, string>): Record<string, string> {
  const asked =
    headers['access-control-request-headers']
      ?.split(',')
      .map((h) => h.trim())
      .filter((h) => TOKEN.test(h)) ?? [];
  const method = headers['access-control-request-method']!;
  const methods = new Set(['POST', 'DELETE', ...(TOKEN.test(method) ? [method] : [])]);
  return {
    ...CORS_HEADERS,
    'access-control-allow-methods': [...methods].join(', '),
    'access-control-allow-headers': [...new Set([...ALLOWED_HEADERS, ...asked])].join(', '),
    'access-control-max-age': '600',
  };
}
