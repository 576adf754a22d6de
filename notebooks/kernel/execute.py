"""Runs notebooks top to bottom with the Partita Java kernel and saves them with their outputs.

Called by `./partita notebook --execute` (with /usr/bin/python3, which has Debian's nbclient).
Each code cell gets metadata partita.source_sha256, the hash of its source at execution time, so a
test (NotebookOutputsAreCurrentTest) can tell when a cell was edited after its outputs were made.

Kernel 3.0.1 sometimes hangs while starting (notebooks/target/kernel.log shows two kinds: a channel
that never finishes binding, and a request reaching the shell socket before its handlers are installed,
which kills the shell thread with a NullPointerException). Against the second the kernel is started
first and the client connects only once the shell port accepts connections and a moment has passed;
against both, a start that does not answer in time is retried, up to STARTS times, and so is a kernel process
that dies (CI saw one die right after binding its ports; a retry shows the end of its log). The JVM gets
BIND_SECONDS to open its shell port (booting is progress, and slow on a busy machine); from then on a
healthy kernel answers kernel_info in 1-3 s, and a hung one never does (2026-12-07: 20 of 120 test starts
hung; waiting 20, 40 or 60 s for the reply made no difference, nor did waiting 1, 3 or 5 s before
connecting, or for every port to open), so the reply gets only REPLY_SECONDS (more on each retry) before the next start.
Any other failure, such as a cell that raises, is reported at once.

With --solutions, each exercise cell whose metadata holds partita.solution runs that solution instead,
every check cell must then print "correct", and the notebook is not saved (a test of the checks).
Exit status: 0 all ran, 1 a cell failed (or a check was not "correct" with --solutions), 2 bad usage.
"""
import hashlib
import os
import signal
import socket
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

KERNEL = "partita-java"
BIND_SECONDS = 90  # for the JVM to load ~100 jars and bind its ports: slow on a busy 2-core machine
REPLY_SECONDS = 10  # for the first kernel_info reply once bound; each retry waits 10 s longer, up to MAX_REPLY_SECONDS
MAX_REPLY_SECONDS = 30
STARTS = 8  # about 1 start in 6 hangs (1 in 4 in some runs): 8 in a row is rarer than 1 in 65,000
CELL_TIMEOUT_SECONDS = 600
STARTUP_RACE = ("Kernel didn't respond", "Kernel died")
SETTLE_SECONDS = 1.0
KERNEL_LOG = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "kernel.log"))
LOG_TAIL_LINES = 12


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def reply_seconds(attempt):
    """How long start `attempt` (1-based) may take to answer once bound: a hung start is cut short, a slow one
    gets more time next."""
    return min(REPLY_SECONDS * attempt, MAX_REPLY_SECONDS)


def start_kernel(directory):
    """A kernel whose shell socket is bound and has had SETTLE_SECONDS to install its handlers."""
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel(cwd=directory)
    deadline = time.monotonic() + BIND_SECONDS
    while not port_open(km.shell_port):
        if not km.is_alive():
            raise RuntimeError("Kernel died before replying to kernel_info (see notebooks/target/kernel.log)")
        if time.monotonic() > deadline:
            km.shutdown_kernel(now=True)
            raise RuntimeError(f"Kernel didn't respond in {BIND_SECONDS} seconds (shell port never opened)")
        time.sleep(0.2)
    time.sleep(SETTLE_SECONDS)
    return km


def stop_kernel(km):
    """Kills the kernel process. After a kernel died, nbclient has closed the ZMQ context that
    shutdown_kernel's interrupt would use (zmq ENOTSUP, "Operation not supported"), so the process is
    then signalled directly; a stop never hides the error that ended the run."""
    try:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        return
    except Exception:
        pass
    try:
        if km.is_alive():
            km.signal_kernel(signal.SIGKILL)
        km.cleanup_resources()
    except Exception as e:
        print(f"  (could not clean up a dead kernel: {e})", file=sys.stderr, flush=True)


def log_size():
    try:
        return os.path.getsize(KERNEL_LOG)
    except OSError:
        return 0


def log_tail(since):
    """The kernel's log lines written since byte offset `since`, last LOG_TAIL_LINES only."""
    try:
        with open(KERNEL_LOG, "rb") as log:
            log.seek(since)
            lines = log.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    return [l for l in lines if l.strip()][-LOG_TAIL_LINES:]


def source_hash(cell):
    return hashlib.sha256(cell.source.encode("utf-8")).hexdigest()


def merge_streams(cell):
    """The kernel sends each print as its own output; one block per stream reads better and diffs less."""
    merged = []
    for output in cell.outputs:
        if (output.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    cell.outputs = merged


def swap_in_solutions(nb):
    for cell in nb.cells:
        solution = cell.get("metadata", {}).get("partita", {}).get("solution")
        if cell.cell_type == "code" and solution is not None:
            cell.source = solution


def check_outputs(nb):
    """With solutions in, every check cell must print exactly 'correct'; returns the problems."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.get("metadata", {}).get("partita", {}).get("check"):
            continue
        merge_streams(cell)
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        if text.strip() != "correct":
            problems.append(f"cell {index}: check printed {text.strip()!r}, expected 'correct'")
    return problems


def execute(path, solutions):
    nb = nbformat.read(path, as_version=4)
    if solutions:
        swap_in_solutions(nb)
    directory = str(path.rsplit("/", 1)[0]) if "/" in path else "."
    for attempt in range(1, STARTS + 1):
        km = None
        log_start = log_size()
        try:
            km = start_kernel(directory)
            client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT_SECONDS, startup_timeout=reply_seconds(attempt),
                                    kernel_name=KERNEL, record_timing=False,
                                    resources={"metadata": {"path": directory}})
            client.execute()
            break
        except CellExecutionError:
            raise
        except Exception as e:  # nbclient raises RuntimeError for a kernel that never starts
            if attempt < STARTS and (isinstance(e, DeadKernelError) or any(m in str(e) for m in STARTUP_RACE)):
                print(f"  {os.path.basename(path)}: kernel start {attempt} failed ({str(e).splitlines()[0]}), retrying;"
                      f" the end of its log ({KERNEL_LOG}):", file=sys.stderr, flush=True)
                for line in log_tail(log_start):
                    print("    | " + line[:200], file=sys.stderr, flush=True)
                nb = nbformat.read(path, as_version=4)
                if solutions:
                    swap_in_solutions(nb)
                continue
            raise
        finally:
            if km is not None:
                stop_kernel(km)
    return nb, attempt


def main(argv):
    solutions = "--solutions" in argv
    paths = [a for a in argv if a != "--solutions"]
    if not paths or any(a.startswith("-") for a in paths):
        print("usage: execute.py [--solutions] NOTEBOOK.ipynb...", file=sys.stderr)
        return 2
    failed = []
    for path in paths:
        name = os.path.basename(path)
        started = time.monotonic()
        try:
            nb, starts = execute(path, solutions)
        except CellExecutionError as e:
            lines = [l for l in str(e).splitlines() if l.strip()]
            print(f"FAILED {name}: a cell failed\n" + "\n".join("  " + l for l in lines[-25:]), flush=True)
            failed.append(name)
            continue
        except Exception as e:
            print(f"FAILED {name}: {str(e).splitlines()[0] if str(e) else type(e).__name__}", flush=True)
            failed.append(name)
            continue
        seconds = time.monotonic() - started
        note = f", kernel started on attempt {starts}" if starts > 1 else ""
        if solutions:
            problems = check_outputs(nb)
            if problems:
                print(f"FAILED {name} (solutions): " + "; ".join(problems), flush=True)
                failed.append(name)
                continue
            print(f"ok     {name} with solutions: every check says correct ({seconds:.0f} s{note})", flush=True)
        else:
            for cell in nb.cells:
                if cell.cell_type == "code":
                    merge_streams(cell)
                    cell.metadata.pop("execution", None)  # timestamps an older nbclient left: a diff on every run
                    cell.metadata.setdefault("partita", {})["source_sha256"] = source_hash(cell)
            nbformat.write(nb, path)
            print(f"ok     {name} ({seconds:.0f} s{note})", flush=True)
    print(f"{len(paths) - len(failed)} of {len(paths)} notebooks ran" + (
        "" if not failed else ", failed: " + " ".join(failed)), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    # nbclient's exit hook fails noisily for a client whose kernel start was retried (it cleaned up
    # already); every kernel has been shut down by now, so skip the exit hooks.
    os._exit(status)
