// A signed Zenlayer client against a fresh capture server per test: its clock fixed and each
// back-off recorded instead of slept, so a test reads the exact wire requests and waits. The
// server is closed after the test (also when it fails).
import { afterEach } from 'vitest';
import { createZenlayerClient, type ZenlayerClientOptions } from '../../src/index.js';
import { type Captured, type CaptureServer, type Reply, startCaptureServer } from './capture-server.js';

export const WIRE = { PASSWORD: 'pw-SECRET-7f3a', NOW: new Date('2026-11-23T08:00:00Z') } as const;

/** `setup(reply, extra)` for a describe block; `onServer` receives each test's server. */
export function signedClientSetup(onServer: (server: CaptureServer) => void) {
  let current: CaptureServer | undefined;
  const close = async () => {
    await current?.close();
    current = undefined;
  };
  afterEach(close);
  return async (reply?: (r: Captured, i: number) => Reply, extra: Partial<ZenlayerClientOptions> = {}) => {
    await close();
    current = await startCaptureServer(reply);
    onServer(current);
    const delays: number[] = [];
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: WIRE.PASSWORD,
      baseUrl: current.url,
      now: () => WIRE.NOW,
      // random() = 1: each back-off is the top of its jitter range, so waits are exact.
      retry: { random: () => 1, sleep: async (ms) => void delays.push(ms) },
      ...extra,
    } as ZenlayerClientOptions);
    return { zc, delays };
  };
}
