"""Run one Python script many times, each run its own process, paying its imports only once.

Importing openstacksdk or openstackclient costs more CPU than the call a run makes. This process
imports the script's modules once, as the script's own process would (sys.argv[0] is the script
while they load: cliff names the CLI after it), then, for each request, forks a child that runs
the script as `python3 SCRIPT ARGS...` would: the script as `__main__` with that sys.argv, stdin
from /dev/null, its own stdout and stderr, and Python's exit code (SystemExit, or 1 after an
uncaught exception's traceback). Each run is its own process with its own state; only the loaded
modules are inherited.

    warm_runner.py SCRIPT MODULE...    MODULE: what SCRIPT imports, loaded before the first run

Requests, one JSON object per line on stdin: {"args": [...], "timeout": SECONDS}. Answers, one
JSON line each, in order: {"exitCode": N, "stdout": "...", "stderr": "..."}; exitCode is -1 when
the run was killed (a run past its timeout is killed by SIGALRM).
"""

import atexit
import gc
import importlib
import json
import os
import runpy
import signal
import sys
import tempfile
import traceback


def child(script: str, args: list, timeout: int, out: int, err: int) -> None:
    """In the forked child: the script's process, ended with its exit code. Never returns."""
    code = 1
    try:
        signal.alarm(timeout)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.argv = [script, *args]
        try:
            runpy.run_path(script, run_name="__main__")
            code = 0
        except SystemExit as done:
            # As the interpreter reads SystemExit: None is 0, a number is the code, else printed.
            if done.code is None:
                code = 0
            elif isinstance(done.code, int):
                code = done.code
            else:
                print(done.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code & 0xFF)


def run(script: str, request: dict) -> dict:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            child(script, request["args"], int(request["timeout"]), out.fileno(), err.fileno())
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "exitCode": code if code >= 0 else -1,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def main() -> int:
    script, modules = sys.argv[1], sys.argv[2:]
    sys.argv = [script]
    for module in modules:
        importlib.import_module(module)
    # The loaded modules' objects move out of the collector's reach: a child's collections would
    # otherwise write to every one of them, copying the whole heap page by page (half its CPU).
    gc.freeze()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        print(json.dumps(run(script, json.loads(line))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
