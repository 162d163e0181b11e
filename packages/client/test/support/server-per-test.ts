// One capture server per test, closed after it (also when it fails): for test files whose
// tests each answer from their own script.
import { afterEach } from 'vitest';
import { type Captured, type CaptureServer, type Reply, startCaptureServer } from './capture-server.js';

export function serverPerTest() {
  let current: CaptureServer | undefined;
  const close = async () => {
    await current?.close();
    current = undefined;
  };
  afterEach(close);
  /** Starts this test's server (closing one it started before). */
  const start = async (reply?: (request: Captured, index: number) => Reply) => {
    await close();
    current = await startCaptureServer(reply);
    return current;
  };
  return {
    start,
    /** Starts this test's server answering every request with `reply`. */
    answer: (reply: Reply) => start(() => reply),
    /** The server this test started. */
    get server(): CaptureServer {
      if (!current) throw new Error('this test started no capture server');
      return current;
    },
  };
}
