// Runs Debian's openstacksdk (through openstack_port.py) and the `openstack` CLI against a
// Neutron endpoint, with a clouds.yaml of its own so nothing from the user's environment leaks in.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's packages are installed for the system interpreter only, not for any python3 on PATH. */
export const PYTHON = '/usr/bin/python3';
export const OPENSTACK_CLI = '/usr/bin/openstack';
export const INSTALL_HINT = 'apt-get install -y python3-openstacksdk python3-openstackclient';
const DRIVER = fileURLToPath(new URL('./openstack_port.py', import.meta.url));

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const run = (file: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<Run>((resolve) => {
    execFile(file, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });

/** What is missing for the suite to run; empty when everything is there. */
export async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  if (!existsSync(PYTHON)) return [PYTHON];
  const sdk = await run(PYTHON, ['-c', 'import openstack'], process.env);
  if (sdk.exitCode !== 0) missing.push('python3-openstacksdk');
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
  return {
    /** openstack_port.py: `network-delete ID [--strict] [--if-revision N]` or `cloud-delete NAME_OR_ID`. */
    sdk: (...args: string[]) => run(PYTHON, [DRIVER, ...args], env),
    /** The `openstack` CLI with `--os-cloud mock`. */
    cli: (...args: string[]) => run(OPENSTACK_CLI, ['--os-cloud', 'mock', ...args], env),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
