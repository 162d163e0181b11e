#!/usr/bin/env node
// `cloud-release-mock` / `pnpm mock`: both providers' mocks until Ctrl-C or SIGTERM.
import { parseArgs } from 'node:util';
import { startMock } from './server.js';

const usage = `Usage: cloud-release-mock [--host 127.0.0.1] [--zenlayer-port 4010] [--neutron-port 4011]
                          [--bearer-token TOKEN]... [--quiet]

Serves the Zenlayer release actions and Neutron's Delete Port as the providers answer them.
With --bearer-token (repeatable) the Zenlayer mock accepts only those bearer tokens.
Ask for a documented answer with a header: Prefer: code=404, example=INVALID_DISK_NOT_FOUND`;

function portOption(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--${name} must be a port number 0..65535 (got "${value}")\n\n${usage}`);
    process.exit(2);
  }
  return port;
}

const options = {
  host: { type: 'string', default: '127.0.0.1' },
  'zenlayer-port': { type: 'string', default: '4010' },
  'neutron-port': { type: 'string', default: '4011' },
  'bearer-token': { type: 'string', multiple: true },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

let args: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  args = parseArgs({ options }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const log = args.quiet ? undefined : (line: string) => console.log(line);
const host = args.host;
const mocks = await Promise.all([
  startMock({
    api: 'zenlayer',
    host,
    port: portOption(args['zenlayer-port'], 'zenlayer-port'),
    ...(log && { log }),
    ...(args['bearer-token'] && { bearerTokens: args['bearer-token'] }),
  }),
  startMock({ api: 'neutron', host, port: portOption(args['neutron-port'], 'neutron-port'), ...(log && { log }) }),
]).catch((error: Error) => {
  console.error(`cloud-release-mock: cannot start: ${error.message}`);
  process.exit(1);
});
console.log(`Zenlayer mock: ${mocks[0].url}`);
console.log(`Neutron mock:  ${mocks[1].url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all(mocks.map((m) => m.close())).then(() => {
      console.log('cloud-release-mock: stopped');
      process.exit(0);
    });
  });
}
