// Load with both sides silent: the mock (examples and stateful) with no log callback and
// `prism mock -v silent`, at 16 connections, taking turns (taking-turns.mjs). Section 6 has them
// all logging a line per request, where Prism's logger is much of what Prism pays; here the
// request path alone is compared.
import { loadavg } from 'node:os';
import { report } from '../lib.mjs';
import { SILENT_SERVERS } from './server-processes.mjs';
import { takeTurns } from './taking-turns.mjs';

// The stateful-to-examples goal is a ratio of two close numbers, and single runs on these shared
// cores swing by more than the 10 % it allows: many short runs in turn, and their medians.
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 3);
const loadAverage = loadavg()[0];
const results = await takeTurns(SILENT_SERVERS, [16], ROUNDS, SECONDS);
report({ loadAverage, seconds: SECONDS, rounds: ROUNDS, results });
