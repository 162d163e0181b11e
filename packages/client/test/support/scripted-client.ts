// A client of one provider against a capture server that answers from the test's script,
// closed after each test (also when it fails). Retries sleep on a recorded clock, so a test
// sees each delay the client chose without waiting for it.
import { createNeutronClient, createZenlayerClient } from '../../src/index.js';
import type { Reply } from './capture-server.js';
import { serverPerTest } from './server-per-test.js';

/** `client(reply)`: a Zenlayer client (bearer token) whose server answers `reply(body, index)`. */
export function scriptedZenlayerClient() {
  const per = serverPerTest();
  return async function client(reply: (body: { instanceIds?: string[] }, i: number) => Reply) {
    const server = await per.start((r, i) => reply((r.json ?? {}) as { instanceIds?: string[] }, i));
    const delays: number[] = [];
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) },
    });
    return { zc, delays, server, sent: () => server.requests.length };
  };
}

/** `neutron(reply)`: a Neutron client whose server answers every request with `reply`. */
export function scriptedNeutronClient() {
  const per = serverPerTest();
  return {
    async neutron(reply: Reply = { status: 204 }) {
      await per.start(() => reply);
      return createNeutronClient({ baseUrl: per.server.url, token: 'keystone-SECRET' });
    },
    get server() {
      return per.server;
    },
  };
}
