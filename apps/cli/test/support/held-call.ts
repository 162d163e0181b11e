// A pass-through proxy in front of a mock that holds one call until the test lets it go: a call
// in flight for exactly as long as a test needs, where a latency fault would have to guess a
// delay long enough for a signal to land mid-call on a loaded machine.
import type { IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { closeAfterTest } from './after-test.js';
import { recorder } from './harness.js';

export interface HeldCallProxy {
  /** The proxy's URL: a plan or a run given it reaches the mock through the proxy. */
  url: string;
  /** Whether the held call has arrived (and waits for `release`). */
  holding(): boolean;
  /** Sends the held call on to the mock; its answer goes back to the caller as usual. */
  release(): void;
}

/**
 * Starts a proxy on 127.0.0.1 to `target` that forwards every request as it came (the Host a
 * signature covers included) but holds the `nth` (from 1; 0: none) that `matches` picks.
 * `answered` is called with each request whose answer came back, before the caller gets it.
 * Stopped after the test.
 */
export async function heldCallProxy(
  target: string,
  matches: (req: IncomingMessage) => boolean,
  nth: number,
  answered: (req: IncomingMessage) => void = () => {},
): Promise<HeldCallProxy> {
  let seen = 0;
  let held: (() => void) | undefined;
  const proxy = await recorder((req, body, res) => {
    const forward = () =>
      request(new URL(req.url!, target), { method: req.method!, headers: req.headers }, (answer) => {
        answered(req);
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      })
        .on('error', () => res.destroy())
        .end(body);
    if (matches(req) && ++seen === nth) held = forward;
    else forward();
  });
  closeAfterTest(proxy.close);
  return {
    url: proxy.url,
    holding: () => held !== undefined,
    release: () => held?.(),
  };
}
