// startMock(): one provider's mock on its own node:http server, ready when it resolves.
// Nothing here knows a provider: each comes from the provider table with its own stages.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Answer } from './answer.js';
import { CONTROL_HEADERS, controlPlane, isControlPath } from './control/plane.js';
import { answerPreflight, CORS_HEADERS } from './cors.js';
import { withFindings } from './findings.js';
import { printable } from './log-line.js';
import { type Answerer, exampleAnswerer, readIncoming, runPipeline } from './pipeline.js';
import { createPrism, type Prism } from './prism.js';
import { type Api, providers } from './providers/index.js';
import type { ProviderOptions } from './providers/provider.js';
import type { RunningMock } from './running-mock.js';
import { createStateful, type Stateful } from './state/mode.js';
import type { StatefulOptions } from './state/options.js';
import { loadResourceSchemas } from './state/resource-schemas.js';
import type { StatefulMock } from './stateful-mock.js';
import { loggedOutcome, playWireFault } from './wire-faults.js';

export type { RunningMock } from './running-mock.js';
export type { Api };

export interface StartMockOptions extends ProviderOptions, StatefulOptions {
  api: Api;
  /**
   * 'examples' (the default): every answer is the spec's documented example (or the one
   * `Prefer` names). 'stateful': an inventory with the providers' lifecycle rules, a journal,
   * queued faults and the /__mock/ control plane.
   */
  mode?: 'examples' | 'stateful';
  /** 0 (the default) picks a free ephemeral port. */
  port?: number;
  host?: string;
  /**
   * Receives one line per request: which request got which answer, control characters escaped
   * (`\u001b`), so what a request carries cannot act on a terminal. Silent by default.
   */
  log?: (line: string) => void;
}

/** Not public yet: how a mode other than examples (e.g. stateful) supplies its answer step. */
export interface ModeOptions {
  answerer?: Answerer;
}

/** Where the spec each mock serves lives (copied into dist/ at build). */
export const specPath = (api: Api) => fileURLToPath(new URL(`./spec/${api}.yaml`, import.meta.url));

const prisms = new Map<Api, Promise<Prism>>();
// Parsing a spec costs tens of milliseconds; every mock of a process shares one.
const prismFor = (api: Api) => {
  if (!prisms.has(api)) prisms.set(api, createPrism(specPath(api)));
  return prisms.get(api)!;
};

/** Writes the answer; `cors` false for the control plane, which no page on another origin may read or embed. */
function send(res: ServerResponse, answer: Answer, cors: boolean) {
  const base = cors ? CORS_HEADERS : CONTROL_HEADERS;
  // A fault that breaks the connection (drop, reset, …): as when a proxy or the network fails.
  if (playWireFault(res, answer, base)) return;
  // JSON.stringify(undefined) is undefined: no body.
  const body = JSON.stringify(answer.body) as string | undefined;
  res.writeHead(answer.status, {
    ...base,
    ...answer.headers,
    ...(body !== undefined && {
      'content-type': answer.headers?.['content-type'] ?? 'application/json',
      'content-length': Buffer.byteLength(body),
    }),
  });
  res.end(body);
}

export function startMock(options: StartMockOptions & ModeOptions & { mode: 'stateful' }): Promise<StatefulMock>;
export function startMock(options: StartMockOptions & ModeOptions): Promise<RunningMock>;
export async function startMock(options: StartMockOptions & ModeOptions): Promise<RunningMock | StatefulMock> {
  const { api, port = 0, host = '127.0.0.1' } = options;
  const log = options.log && ((line: string) => options.log!(printable(`${api} ${line}`)));
  const provider = providers[api];
  const prism = await prismFor(api);
  // Each refusal says which stage made it, for the journal's validation verdict.
  const stages = withFindings(provider.stages(prism, options));
  // A malformed seed throws here, before anything listens.
  const state: Stateful | undefined =
    options.mode === 'stateful'
      ? createStateful(api, prism, options, loadResourceSchemas(api, specPath(api)))
      : undefined;
  const answerer = options.answerer ?? exampleAnswerer;
  // A controlToken that cannot be sent in a header throws here, before anything listens.
  const control = state && controlPlane(state, options);

  const server = createServer(
    { requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      // The control plane is the mock's own, never a page's: no preflight is granted under
      // /__mock/ (in either mode), and its answers carry no CORS headers.
      const toControl = isControlPath(req.url!);
      if (!toControl && answerPreflight(req, res, log)) return;
      const started = performance.now();
      // Stateful: the request is numbered as it arrives, before its body is read (see Inventory).
      const visit = state?.visit();
      readIncoming(req)
        .then(async (incoming) => {
          if (control && toControl) {
            const answer = control(incoming);
            state!.recordControl(incoming, answer);
            return answer;
          }
          const answerWith = (step: Answerer) =>
            runPipeline(incoming, provider, stages, step).catch((error: unknown) =>
              stages.finish(provider.internalError((error as Error).message)),
            );
          return visit ? visit.serve(incoming, answerWith) : answerWith(answerer);
        })
        .catch((error: unknown) => stages.finish(provider.internalError((error as Error).message)))
        // Before the answer is sent: what it started is seen by every request the client sends next.
        .finally(() => visit?.leave())
        .then((answer) => {
          send(res, answer, !(control && toControl));
          const ms = (performance.now() - started).toFixed(1);
          // A broken connection: what was applied, and what the client got instead.
          log?.(`${req.method} ${req.url} ${answer.operation ?? '-'} -> ${loggedOutcome(answer)} ${ms}ms`);
        })
        // Nothing a request carries (nor a throwing log callback) may take the process down.
        .catch(() => res.destroy());
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const running: RunningMock = {
    api,
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return state ? { ...running, ...state.methods } : running;
}
