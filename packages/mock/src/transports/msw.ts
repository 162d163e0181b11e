// createHandlers(): one mock's engine as MSW request handlers, for `setupServer` (Node) and
// `setupWorker` (browsers: package.json's `browser` condition gives dist/browser/msw.js, built
// by scripts/browser-bundle.mjs with the specs inside). Every request to
// `baseUrl` is answered by the engine, the control plane included; a fault's dropped
// connection is MSW's network error. This module imports msw (a peer dependency) and nothing
// that opens a socket.
import { HttpResponse, http, type RequestHandler } from 'msw';
import { createEngine, type MockOptions, type ModeOptions } from '../engine/create-engine.js';
import type { Api } from '../providers/index.js';
import type { StatefulMethods } from '../stateful-mock.js';
import { arrivalOf, originOf, responseInit } from './fetch-values.js';

export interface MockHandlersOptions extends MockOptions {
  /** The origin the handlers answer for, e.g. https://console.zenlayer.com (the one the code under test calls). */
  baseUrl: string;
}

export interface MockHandlers {
  /** Give these to setupServer(...). */
  handlers: RequestHandler[];
  api: Api;
  /** The origin the handlers answer for. */
  url: string;
  /** From now on every request to `url` fails as a network error. */
  close(): Promise<void>;
}

export interface StatefulMockHandlers extends MockHandlers, StatefulMethods {}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createHandlers(
  options: MockHandlersOptions & ModeOptions & { mode: 'stateful' },
): Promise<StatefulMockHandlers>;
export function createHandlers(options: MockHandlersOptions & ModeOptions): Promise<MockHandlers>;
export async function createHandlers(
  options: MockHandlersOptions & ModeOptions,
): Promise<MockHandlers | StatefulMockHandlers> {
  const origin = originOf(options.baseUrl);
  const engine = await createEngine(options);
  let closed = false;
  // Every path of the origin, its root included (Neutron's version document is at /).
  const handler = http.all(new RegExp(`^${escaped(origin)}/`), async ({ request }) => {
    if (closed) return HttpResponse.error();
    const { arrival, bodyAbandoned } = arrivalOf({ request, url: new URL(request.url) });
    const parts = responseInit(await engine.handle(arrival), request.method);
    if (!parts || bodyAbandoned()) return HttpResponse.error();
    return new HttpResponse(parts.body, parts.init);
  });
  const extras = {
    handlers: [handler],
    api: engine.api,
    url: origin,
    close: async () => {
      closed = true;
    },
  };
  return { ...extras, ...engine.methods };
}
