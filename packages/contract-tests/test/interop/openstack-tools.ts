// Runs Debian's openstacksdk (through openstack_port.py) and the `openstack` CLI against a
// Neutron endpoint, with a clouds.yaml of its own so nothing from the user's environment leaks in.
// Each call is a process of its own, forked from a runner that has loaded the tool's modules.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Run, startWarmRunner, type WarmRunner } from './warm-runner.js';

/** Debian's packages are installed for the system interpreter only, not for any python3 on PATH. */
export const PYTHON = '/usr/bin/python3';
export const OPENSTACK_CLI = '/usr/bin/openstack';
export const INSTALL_HINT = 'apt-get install -y python3-openstacksdk python3-openstackclient';
const DRIVER = fileURLToPath(new URL('./openstack_port.py', import.meta.url));

/** What is missing for the suite to run; empty when everything is there. */
export async function missingTools(): Promise<string[]> {
  if (!existsSync(PYTHON)) return [PYTHON];
  // Finding the package is enough to know it is installed; importing it here would cost as much
  // as a run. An installed package that fails to import fails the suite's runs instead.
  const found = await new Promise<boolean>((resolve) => {
    execFile(
      PYTHON,
      ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("openstack") is None)'],
      (error) => resolve(!error),
    );
  });
  const missing: string[] = [];
  if (!found) missing.push('python3-openstacksdk');
  if (!existsSync(OPENSTACK_CLI)) missing.push('python3-openstackclient');
  return missing;
}

/**
 * A clouds.yaml with `auth_type: admin_token`: keystoneauth's token-endpoint plugin sends the
 * given token as X-Auth-Token to the given endpoint and never calls Keystone. openstacksdk
 * appends `v2.0` to the endpoint for the network service.
 */
export async function openstackCloud(endpoint: string, token: string) {
  const dir = await mkdtemp(join(tmpdir(), 'cloud-release-openstack-'));
  const config = join(dir, 'clouds.yaml');
  await writeFile(
    config,
    [
      'clouds:',
      '  mock:',
      '    auth_type: admin_token',
      '    auth:',
      `      endpoint: ${endpoint}`,
      `      token: ${token}`,
      '    region_name: RegionOne',
      '',
    ].join('\n'),
  );
  // Only what the tools need: no OS_* variable or user config of the machine can redirect them.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_CONFIG_HOME: dir,
    XDG_CACHE_HOME: dir,
    OS_CLIENT_CONFIG_FILE: config,
    LANG: 'C.UTF-8',
  };
  // The modules each script imports at its top; what a call loads later, each run loads itself.
  const started = await Promise.allSettled([
    startWarmRunner(PYTHON, DRIVER, ['openstack'], env),
    startWarmRunner(PYTHON, OPENSTACK_CLI, ['openstackclient.shell'], env),
  ]);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    // Stop the runner that did start, so a failed start leaves nothing behind.
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    await rm(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  const [sdk, cli] = started.map((s) => (s as PromiseFulfilledResult<WarmRunner>).value) as [WarmRunner, WarmRunner];
  return {
    /** openstack_port.py: `network-delete ID [--strict] [--if-revision N]` or `cloud-delete NAME_OR_ID`. */
    sdk: (...args: string[]): Promise<Run> => sdk.run(...args),
    /** The `openstack` CLI with `--os-cloud mock`. */
    cli: (...args: string[]): Promise<Run> => cli.run('--os-cloud', 'mock', ...args),
    remove: async () => {
      await Promise.all([sdk.stop(), cli.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
