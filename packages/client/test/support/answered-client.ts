// A Zenlayer client whose fetch answers with a Response the test builds (no server), its
// back-offs recorded instead of slept; and an answer streamed in chunks.
import { createZenlayerClient } from '../../src/index.js';

export function answeredClient(answer: () => Response, extra: object = {}) {
  const delays: number[] = [];
  const zc = createZenlayerClient({
    bearerToken: 't',
    baseUrl: 'http://zenlayer.test',
    fetch: async () => answer(),
    retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) },
    ...extra,
  });
  return { zc, delays };
}

/** An answer streamed in chunks, so it carries no Content-Length unless given one. */
export function streamed(parts: string[], init: ResponseInit = {}): Response {
  const bytes = parts.map((p) => new TextEncoder().encode(p));
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const b of bytes) controller.enqueue(b);
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' }, ...init },
  );
}
