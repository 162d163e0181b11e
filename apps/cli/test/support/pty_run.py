# Runs a command in a pseudo-terminal (so stdin is a TTY), answers its prompt, prints what it
# wrote, and exits with its exit code. Usage: pty_run.py ANSWER PROMPT_TEXT -- CMD ARGS...
import os, pty, sys, time

answer, prompt = sys.argv[1], sys.argv[2].encode()
cmd = sys.argv[sys.argv.index('--') + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
out, answered, deadline = b'', False, time.time() + 20
while time.time() < deadline:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not answered and prompt in out:
        os.write(fd, (answer + '\n').encode())
        answered = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
