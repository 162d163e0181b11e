// A Zenlayer client of a capture server started for the test and closed after it (also when
// it fails): for describe blocks whose tests differ in the server's script and a few options.
import { createZenlayerClient, type ZenlayerClientOptions } from '../../src/index.js';
import type { Captured, Reply } from './capture-server.js';
import { serverPerTest } from './server-per-test.js';

/**
 * `client(reply, extra)`: starts this test's server answering `reply`, and gives a client of it
 * built from `base` and then `extra`, with the server.
 */
export function clientPerTest(base: Partial<ZenlayerClientOptions>) {
  const per = serverPerTest();
  return async (reply?: (request: Captured, index: number) => Reply, extra: Partial<ZenlayerClientOptions> = {}) => {
    const server = await per.start(reply);
    const zc = createZenlayerClient({ ...base, baseUrl: server.url, ...extra } as ZenlayerClientOptions);
    return { zc, server };
  };
}
