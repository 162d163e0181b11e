#!/usr/bin/env node
// A committed entry point, so installs can link the bin before dist/ is built.
import '../dist/cli.js';
