#!/usr/bin/env node
// cloud-release: release Zenlayer instances, disks and ports, or delete a Neutron port.
// Every command runs against the embedded mock unless --endpoint says otherwise.
import { processIo } from './io.js';
import { main } from './main.js';
import { watchOutput } from './output-errors.js';

const output = watchOutput(process.stdout, process.stderr, (code) => {
  process.exitCode = code;
});
process.exitCode = output.exitCode(await main(process.argv.slice(2), processIo()));
