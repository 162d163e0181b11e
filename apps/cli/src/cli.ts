#!/usr/bin/env node
// cloud-release: release Zenlayer instances, disks and ports, or delete a Neutron port.
// Every command runs against the embedded mock unless --endpoint says otherwise.
import { processIo } from './io.js';
import { main } from './main.js';

// A reader that stops reading (`cloud-release --help | head -3`) is not a failure of the run:
// its output is dropped, and a release in progress still finishes and writes its journal.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), processIo());
