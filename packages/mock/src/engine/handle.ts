// The life of one request, whichever way it came in: a browser's preflight is answered at once;
// anything else is numbered as it arrives (stateful mode), its body read, then it goes to the
// control plane (/__mock/, stateful mode) or through the provider's stages (parse → authenticate
// → validate → answer from the examples or the state → faults → journal); a failure of the mock
// itself becomes the provider's 500. The answer becomes a Reply, and one line is logged.
import type { Answer } from '../answer.js';
import type { Body } from '../body.js';
import { isControlPath } from '../control/plane.js';
import { isPreflight, preflightHeaders } from '../cors.js';
import { printable } from '../log-line.js';
import { type Answerer, exampleAnswerer, runPipeline } from '../pipeline.js';
import type { Api } from '../providers/index.js';
import type { Provider, Stages } from '../providers/provider.js';
import type { Incoming } from '../request.js';
import type { Stateful } from '../state/mode.js';
import type { Arrival } from './arrival.js';
import { loggedOutcome, type Reply, replyTo } from './reply.js';

/** What createEngine built for one mock. */
export interface EngineParts {
  api: Api;
  provider: Provider;
  stages: Stages;
  state: Stateful | undefined;
  control: ((incoming: Incoming) => Answer) | undefined;
  answerer: Answerer | undefined;
  log: ((line: string) => void) | undefined;
}

export async function handleRequest(parts: EngineParts, arrival: Arrival): Promise<Reply> {
  const { method, target, headers } = arrival;
  const log = (line: string): boolean => {
    try {
      parts.log?.(printable(`${parts.api} ${line}`));
      return true;
    } catch {
      // A broken log sink must not stop the mock from answering.
      return false;
    }
  };

  // The control plane is the mock's own, never a page's: no preflight is granted under /__mock/
  // (in either mode), and its answers carry no CORS headers.
  const toControl = isControlPath(target);
  if (!toControl && isPreflight(method, headers)) {
    log(`OPTIONS ${target} - -> 204 preflight`);
    return { kind: 'answer', status: 204, headers: preflightHeaders(headers), body: undefined };
  }

  const started = performance.now();
  // Stateful: the request is numbered as it arrives, before its body is read (see Inventory);
  // nothing above awaits, so a transport's call numbers it at once.
  const visit = parts.state?.visit();
  const failed = (error: unknown) => parts.stages.finish(parts.provider.internalError((error as Error).message));
  let answer: Answer;
  try {
    const incoming = incomingOf(arrival, await arrival.readBody());
    if (parts.control && toControl) {
      answer = parts.control(incoming);
      parts.state!.recordControl(incoming, answer);
    } else {
      const answerWith = (step: Answerer) => runPipeline(incoming, parts.provider, parts.stages, step).catch(failed);
      answer = await (visit ? visit.serve(incoming, answerWith) : answerWith(parts.answerer ?? exampleAnswerer));
    }
  } catch (error) {
    // The body could not be read (the client went away), or the control plane failed.
    answer = failed(error);
  } finally {
    // Before the answer is sent: what it started is seen by every request the client sends next.
    visit?.leave();
  }

  const reply = replyTo(answer, !(parts.control && toControl));
  const ms = (performance.now() - started).toFixed(1);
  // A broken connection: what was applied, and what the client got instead.
  return log(`${method} ${target} ${answer.operation ?? '-'} -> ${loggedOutcome(answer)} ${ms}ms`)
    ? reply
    : { ...reply, logFailed: true };
}

/** The request as the stages read it: the target split into path and query, the body read. */
function incomingOf({ method, target, headers }: Arrival, body: Body): Incoming {
  const q = target.indexOf('?');
  return {
    method,
    rawPath: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? '' : target.slice(q + 1),
    headers,
    body,
  };
}
