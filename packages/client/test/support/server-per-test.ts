// One capture server per test, closed after it (also when the test fails).
import { afterEach } from 'vitest';
import { type Captured, type CaptureServer, type Reply, startCaptureServer } from './capture-server.js';

export function serverPerTest() {
  const slot = {
    current: undefined as CaptureServer | undefined,
    async start(reply?: (request: Captured, index: number) => Reply): Promise<CaptureServer> {
      slot.current = await startCaptureServer(reply);
      return slot.current;
    },
  };
  afterEach(async () => {
    await slot.current?.close();
    slot.current = undefined;
  });
  return slot;
}
