// Load with a real load generator (autocannon) at concurrency 1, 16 and 64: the stateful mock,
// the examples mode, `prism mock` on the same spec and a bare node:http server, each in its own
// process and each logging one line per request to stdout (read and dropped by this process).
// Every request is a one-id ReleaseInstances with a fresh id, so the stateful mode creates the
// unseeded instance in the recycle bin, accepts it and lets it go, as it would in a real test.
// All servers stay up and take turns (taking-turns.mjs).
import { loadavg } from 'node:os';
import { report } from '../lib.mjs';
import { DURATION_S } from './autocannon-run.mjs';
import { SERVERS } from './server-processes.mjs';
import { takeTurns } from './taking-turns.mjs';

const CONCURRENCIES = [1, 16, 64];
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const loadAverage = loadavg()[0];
const results = await takeTurns(SERVERS, CONCURRENCIES, ROUNDS);
report({ loadAverage, seconds: DURATION_S, rounds: ROUNDS, concurrencies: CONCURRENCIES, results });
