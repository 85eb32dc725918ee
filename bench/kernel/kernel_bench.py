"""Kernel benchmark: our kernel beside rapaio-jupyter-kernel under the same Jupyter client.

Both kernelspecs must already be on JUPYTER_PATH (bench/kernel/run writes them to a temp dir).
Measures start to first kernel_info_reply, a trivial cell's round trip and idle RSS, then the
notebook (%%task/%%workflow) figures of our kernel. Prints a table and the summary lines.
"""
import argparse
import os
import signal
import statistics
import sys
import time

import jupyter_client

import notebook_bench
from session import KernelDied, KernelHang, Session, results

TRIVIAL_CELL = "1 + 1"  # valid Java in both kernels; its value must come back as "2"


class Side:
    """What we learn about one kernel."""

    def __init__(self, name, label):
        self.name, self.label = name, label
        self.starts, self.hangs, self.failure = [], 0, None
        self.cells, self.rss = [], None


def measure_starts(sides, wanted, max_attempts, timeout, logdir):
    """Fresh starts, alternating between kernels so that load from other processes hits both alike."""
    for _ in range(max_attempts):
        for side in sides:
            if side.failure or len(side.starts) >= wanted:
                continue
            session = Session(side.name, os.path.join(logdir, side.name + ".log"))
            graceful = True
            try:
                side.starts.append(session.start(timeout))
            except KernelHang:
                side.hangs += 1
                graceful = False
            except KernelDied as died:
                side.failure = str(died)
                graceful = False
            finally:
                session.stop(graceful)
        if all(side.failure or len(side.starts) >= wanted for side in sides):
            return


def open_session(side, timeout, logdir, attempts=3):
    """A live session for the cell measurements; a hung start is retried (and counted)."""
    for _ in range(attempts):
        session = Session(side.name, os.path.join(logdir, side.name + ".log"))
        try:
            session.start(timeout)
            return session
        except KernelHang:
            side.hangs += 1
            session.stop(graceful=False)
        except KernelDied as died:
            side.failure = str(died)
            session.stop(graceful=False)
            return None
    side.failure = f"no kernel_info_reply in {attempts} starts"
    return None


def trivial_cell(session, timeout):
    seconds, reply, outputs = session.execute(TRIVIAL_CELL, timeout)
    values = results(outputs)
    if reply.get("status") != "ok" or values != ["2"]:
        raise RuntimeError(f"[{TRIVIAL_CELL}] gave status [{reply.get('status')}] results {values}")
    return seconds


def measure_cells(live, warmup, count, timeout):
    """Warm up, let the JVMs settle 2 s, read RSS, then time cells interleaved between kernels.
    A kernel whose cell fails or hangs is marked failed and dropped; the other one goes on."""
    def guarded(side, session, action):
        try:
            return action(session)
        except (RuntimeError, KernelHang, KernelDied) as failed:
            side.failure = f"trivial cell: {failed}"
            return None

    for side, session in live:
        for _ in range(warmup):
            if not side.failure:
                guarded(side, session, lambda s: trivial_cell(s, timeout))
    time.sleep(2)
    for side, session in live:
        if not side.failure:
            side.rss = session.rss_bytes()
    for _ in range(count):
        for side, session in live:
            if not side.failure:
                seconds = guarded(side, session, lambda s: trivial_cell(s, timeout))
                if seconds is not None:
                    side.cells.append(seconds)


def ms(values):
    return 1000 * statistics.median(values) if values else None


def fmt(value, pattern="{:.1f}"):
    return "n/a" if value is None else pattern.format(value)


def ratio(ours, peer):
    return "n/a" if ours is None or not peer else f"{ours / peer:.2f}"


def report(sides, notebook_line, args):
    ours, peer = sides[0], sides[1]
    rows = [
        ("start to first kernel_info_reply, median ms", [fmt(ms(s.starts)) for s in sides]),
        ("  fresh starts measured", [str(len(s.starts)) for s in sides]),
        (f"  hangs (no reply in {args.start_timeout:.0f} s, excluded)", [str(s.hangs) for s in sides]),
        (f"trivial cell '{TRIVIAL_CELL}' round trip, median ms", [fmt(ms(s.cells)) for s in sides]),
        ("  cells timed (after warmup)", [str(len(s.cells)) for s in sides]),
        ("idle RSS of kernel process tree, MiB", [fmt(s.rss and s.rss / 2**20, "{:.0f}") for s in sides]),
    ]
    width = max(len(r[0]) for r in rows) + 2
    print(f"kernel benchmark (jupyter_client {jupyter_client.__version__}, same client for all; "
          f"{os.cpu_count()} cores, load average {args.load_at_start:.1f} at start, {os.getloadavg()[0]:.1f} at end)")
    print(f"{'':{width}}" + "".join(f"{s.label:>22}" for s in sides))
    for name, values in rows:
        print(f"{name:{width}}" + "".join(f"{v:>22}" for v in values))
    if len(sides) > 2:
        print(f"  ({sides[2].label}: as `flyte-java kernel install` sets it up, with its JVM options and class data"
              " sharing archive; the ratios compare both jars under a plain `java -jar`)")
    for side in sides:
        if side.failure:
            print(f"{side.label} failed: {side.failure}")
    print(f"kernel: start_ratio={ratio(ms(ours.starts), ms(peer.starts))} "
          f"cell_ratio={ratio(ms(ours.cells), ms(peer.cells))}")
    print(notebook_line)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ours", required=True, help="kernelspec name of our kernel")
    parser.add_argument("--peer", required=True, help="kernelspec name of the peer kernel")
    parser.add_argument("--installed", help="kernelspec name of our kernel as `kernel install` writes it (optional)")
    parser.add_argument("--logdir", required=True, help="where kernel stdout/stderr go")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--start-timeout", type=float, default=30)
    parser.add_argument("--cell-timeout", type=float, default=60)
    args = parser.parse_args()
    # Other work on the machine skews both columns; the load average is printed to show how much.
    args.load_at_start = os.getloadavg()[0]
    # A SIGTERM/SIGINT from bench/run's caller still runs the finally blocks that kill kernels.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    ours, peer = Side(args.ours, "flyte-java"), Side(args.peer, "rapaio 3.0.1")
    sides = [ours, peer] + ([Side(args.installed, "flyte-java installed")] if args.installed else [])
    measure_starts(sides, args.starts, 2 * args.starts + 2, args.start_timeout, args.logdir)

    live = []
    notebook_line = "notebook: skipped (our kernel did not start)"
    try:
        for side in sides:
            if not side.failure:
                session = open_session(side, args.start_timeout, args.logdir)
                if session:
                    live.append((side, session))
        measure_cells(live, args.warmup, args.cells, args.cell_timeout)
        if live and live[0][0] is ours and not ours.failure:
            try:
                notebook_line = notebook_bench.run(live[0][1], args.cell_timeout)
            except (RuntimeError, KernelHang, KernelDied) as failed:
                notebook_line = f"notebook: failed ({failed})"
    finally:
        for _, session in live:
            session.stop()
    report(sides, notebook_line, args)
    return 1 if ours.failure or peer.failure else 0


if __name__ == "__main__":
    sys.exit(main())
