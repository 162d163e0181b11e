#!/usr/bin/env node
// `cloud-release-mock` / `pnpm mock`: both providers' mocks until Ctrl-C or SIGTERM.
import { parseArgs } from 'node:util';

const usage = `Usage: cloud-release-mock [--host 127.0.0.1] [--zenlayer-port 4010] [--neutron-port 4011]
                          [--bearer-token TOKEN]... [--quiet]
                          [--stateful [--seed <file>] [--strict] [--transition-ms 50|manual]
                                      [--control-token TOKEN]]

Serves the Zenlayer release actions and Neutron's Delete Port, and the reads around them, as
the providers answer them.
With --bearer-token (repeatable) the Zenlayer mock accepts only those bearer tokens.
Ask for a documented answer with a header: Prefer: code=404, example=INVALID_DISK_NOT_FOUND

--stateful       keep an inventory and apply the providers' lifecycle rules; control plane
                 on each port under /__mock/ (resources, resources/pin, resources/unpin,
                 reset, requests, control-requests, faults, clock)
--seed <file>    YAML or JSON: { zenlayer: { resources: [...] }, neutron: { resources: [...] } }
--strict         ids not in the inventory do not exist (default: created on first use)
--transition-ms  how long RECYCLING, RELEASING, DESTROYING… last (default 50); "manual":
                 they wait until POST /__mock/clock { "advanceMs": n } moves the clock on
--control-token  /__mock/ calls need "Authorization: Bearer TOKEN" (with --bearer-token they
                 take one of those too); without either, anything that reaches the port may call them`;

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
  stateful: { type: 'boolean', default: false },
  seed: { type: 'string' },
  strict: { type: 'boolean', default: false },
  'transition-ms': { type: 'string' },
  'control-token': { type: 'string' },
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

if (
  !args.stateful &&
  (args.seed !== undefined || args.strict || args['transition-ms'] !== undefined || args['control-token'] !== undefined)
) {
  console.error(`--seed, --strict, --transition-ms and --control-token need --stateful\n\n${usage}`);
  process.exit(2);
}
const given = args['transition-ms'];
const transitionMs = given === undefined || given === 'manual' ? given : Number(given);
if (typeof transitionMs === 'number' && !(Number.isInteger(transitionMs) && transitionMs >= 0)) {
  console.error(`--transition-ms must be an integer ≥ 0 or "manual" (got "${given}")\n\n${usage}`);
  process.exit(2);
}
const mode = args.stateful
  ? {
      mode: 'stateful' as const,
      strict: args.strict,
      ...(args.seed !== undefined && { seed: args.seed }),
      ...(transitionMs !== undefined && { transitionMs }),
      ...(args['control-token'] !== undefined && { controlToken: args['control-token'] }),
    }
  : {};

const ports = {
  zenlayer: portOption(args['zenlayer-port'], 'zenlayer-port'),
  neutron: portOption(args['neutron-port'], 'neutron-port'),
};
// Loaded only once the flags are known good: --help and a bad flag answer without the engine.
const { startMock } = await import('./transports/server.js');
const log = args.quiet ? undefined : (line: string) => console.log(line);
// What both mocks share: the host, the mode and its options, the log.
const common = { host: args.host, ...mode, ...(log && { log }) };
const mocks = await Promise.all([
  startMock({
    ...common,
    api: 'zenlayer',
    port: ports.zenlayer,
    ...(args['bearer-token'] && { bearerTokens: args['bearer-token'] }),
  }),
  startMock({ ...common, api: 'neutron', port: ports.neutron }),
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
