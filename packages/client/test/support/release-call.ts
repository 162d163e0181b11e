// One destructive call per provider (ReleaseDisk; a Neutron DELETE), for behaviours both
// clients share: a test runs each case for `zenlayer` and for `neutron`.
import { afterEach } from 'vitest';
import { createNeutronClient, createZenlayerClient } from '../../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './capture-server.js';
import type { StreamingServer } from './streaming-server.js';

export const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
export const TOKEN = 'keystone-SECRET-51';
export const PASSWORD = 'pw-SECRET-7f3a';

export const releaseCall = {
  zenlayer: (baseUrl: string, extra = {}) => {
    const zc = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: PASSWORD, baseUrl, ...extra });
    return { call: () => zc.releaseDisk('disk-1'), ids: ['disk-1'] };
  },
  neutron: (baseUrl: string, extra = {}) => {
    const ne = createNeutronClient({ baseUrl, token: TOKEN, ...extra });
    return { call: () => ne.deletePort(PORT), ids: [PORT] };
  },
};

export const both = Object.keys(releaseCall) as Array<keyof typeof releaseCall>;

/** The servers a test starts, all closed after it (also when it fails). */
export function serversPerTest() {
  const servers: Array<CaptureServer | StreamingServer> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    servers,
    /** A capture server answering with `reply`, closed after the test. */
    async serve(reply: (r: never) => Reply) {
      const server = await startCaptureServer(reply as never);
      servers.push(server);
      return server;
    },
  };
}
