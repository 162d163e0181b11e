// What startMock resolves to, in any mode: a leaf module, so that the stateful mock's type
// (stateful-mock.ts) extends it without importing server.ts, which builds both.
import type { Api } from './providers/index.js';

export interface RunningMock {
  api: Api;
  /** e.g. http://127.0.0.1:4010 — use it as the client's baseUrl. */
  url: string;
  port: number;
  /** Stops listening and drops open connections; resolves when the port is free. */
  close(): Promise<void>;
}
