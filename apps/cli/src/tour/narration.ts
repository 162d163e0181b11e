// How the tour narrates: every request as sent (credentials masked) and every answer as it
// came back, one line each, so a reader sees the wire and not a summary of it.
import { type ObservedRequest, type ObservedResponse, observingFetch } from '@cloud-release/client';

export const say = (line = '') => console.log(line);

export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`tour step went wrong: ${what}`);
}

/** The body, shortened to what tells the story (a long id list by its ends). */
function describeBody(body: string): string {
  if (!body) return '';
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const ids = parsed.instanceIds as string[] | undefined;
  if (!ids || ids.length < 4) return `  ${body}`;
  return `  {"instanceIds": [${ids.length} ids: ${ids[0]} … ${ids[ids.length - 1]}]}`;
}

/** Zenlayer's code (or a Describe's statuses), or Neutron's error type. */
function describeAnswer(body: unknown): string {
  const b = body as
    | { requestId?: string; code?: string; response?: { dataSet?: Record<string, unknown>[] } }
    | { NeutronError?: { type?: string; message?: string } }
    | undefined;
  if (!b || typeof b !== 'object') return '';
  if ('NeutronError' in b && b.NeutronError) return ` ${b.NeutronError.type}: ${b.NeutronError.message}`;
  if (!('requestId' in b)) return '';
  const states = b.response?.dataSet?.map((r) => {
    const id = Object.entries(r).find(([k]) => k.endsWith('Id'))?.[1];
    const status = Object.entries(r).find(([k]) => k.endsWith('Status'))?.[1];
    return `${id} ${status}`;
  });
  const found = states ? `  [${states.join(', ') || 'none found'}]` : '';
  return `${b.code ? ` ${b.code}` : ''}${found}  requestId ${b.requestId}`;
}

const trace = {
  onRequest(r: ObservedRequest) {
    const action = r.headers['x-zc-action'] ? `  X-ZC-Action: ${r.headers['x-zc-action']}` : '';
    const ifMatch = r.headers['if-match'] ? `  If-Match: ${r.headers['if-match']}` : '';
    const url = new URL(r.url);
    say(`    → ${r.method} ${url.pathname}${url.search}${action}${ifMatch}${describeBody(r.body)}`);
  },
  onResponse(_: ObservedRequest, res: ObservedResponse) {
    say(`    ← ${res.status}${describeAnswer(res.body)}`);
  },
};

/** A fetch that narrates every attempt it carries (retries included). */
export const tracedFetch = (): typeof fetch => observingFetch(trace, globalThis.fetch);

/** The request's Authorization, masked, once per flow: how it was signed. */
export function sayAuthorization(): typeof fetch {
  let shown = false;
  return observingFetch(
    {
      onRequest(r) {
        if (shown) return;
        shown = true;
        say(`      Authorization: ${r.headers.authorization ?? `X-Auth-Token ${r.headers['x-auth-token']}`}`);
      },
    },
    tracedFetch(),
  );
}
