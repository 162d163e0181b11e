#!/usr/bin/env node
// A committed entry point, so an install links the bin before dist/ is built: pnpm warned on a
// fresh clone's first command that it could not link install-tests' bin to dist/cli.js.
import '../dist/cli.js';
