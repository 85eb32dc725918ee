"""One kernel under the Jupyter client: timed start, timed cells, memory of its process tree.

Both kernels of the benchmark go through this same class, so any client-side overhead
(jupyter_client's sync wrappers, message signing) is the same for each side.
"""
import os
import signal
import time
from queue import Empty

from jupyter_client import KernelManager


class KernelHang(Exception):
    """The kernel did not answer within the time limit (it is then killed)."""


class KernelDied(Exception):
    """The kernel process exited on its own; carries what it wrote to stderr."""


class Session:
    def __init__(self, kernel_name, log_path):
        self.kernel_name = kernel_name
        self.log_path = log_path
        self.km = None
        self.kc = None
        self.seen = {}  # pid -> start time, to kill leftovers without hitting a reused pid

    # -- start ---------------------------------------------------------------------------

    def start(self, timeout):
        """Starts the kernel; returns seconds from start_kernel to the first kernel_info_reply."""
        self.km = KernelManager(kernel_name=self.kernel_name)
        log = open(self.log_path, "ab")
        t0 = time.monotonic()
        # The kernel's own output goes to a log file, so a chatty kernel cannot block on a full pipe.
        self.km.start_kernel(stdout=log, stderr=log)
        log.close()
        self.tree_pids()
        self.kc = self.km.client()
        self.kc.start_channels()
        deadline = t0 + timeout
        # Resend kernel_info every 250 ms (as wait_for_ready does) in case an early request is lost;
        # the clock stops when the first reply to any of them arrives, not at a poll tick.
        while True:
            self.kc.kernel_info()
            resend_at = time.monotonic() + 0.25
            while time.monotonic() < resend_at:
                self._check_alive()
                if time.monotonic() > deadline:
                    raise KernelHang(f"no kernel_info_reply within {timeout:.0f} s")
                try:
                    msg = self.kc.get_shell_msg(timeout=0.05)
                except Empty:
                    continue
                if msg["msg_type"] == "kernel_info_reply":
                    elapsed = time.monotonic() - t0
                    self._drain_iopub()
                    return elapsed

    def _check_alive(self):
        if not self.km.is_alive():
            raise KernelDied(f"kernel [{self.kernel_name}] exited; see {self.log_path}")

    def _drain_iopub(self):
        # Start-up status messages must not be taken for a later cell's messages.
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.2)
            except Empty:
                return

    # -- cells ---------------------------------------------------------------------------

    def execute(self, code, timeout):
        """Runs one cell; returns (seconds until both execute_reply and iopub idle, reply, outputs).

        outputs is the list of iopub content dicts (stream, execute_result, display_data, error).
        """
        t0 = time.monotonic()
        msg_id = self.kc.execute(code, store_history=True)
        deadline = t0 + timeout
        reply = None
        idle = False
        outputs = []
        # Shell first, then iopub: the kernel sends idle after the reply, so reading in this order
        # costs no extra wait. Messages of other requests (none expected) are skipped.
        while reply is None:
            msg = self._get(self.kc.get_shell_msg, deadline, code)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg["content"]
        while not idle:
            msg = self._get(self.kc.get_iopub_msg, deadline, code)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif kind in ("stream", "execute_result", "display_data", "update_display_data", "error"):
                outputs.append(dict(msg["content"], msg_type=kind))
        return time.monotonic() - t0, reply, outputs

    def _get(self, getter, deadline, code):
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise KernelHang(f"cell did not finish in time: {code!r}")
            try:
                return getter(timeout=min(left, 1.0))
            except Empty:
                self._check_alive()

    # -- memory --------------------------------------------------------------------------

    def pid(self):
        return self.km.provisioner.process.pid

    def tree_pids(self):
        """The kernel process and all its descendants (a JVM may fork a JShell agent)."""
        children = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                stat = _stat(int(entry))
                if stat:
                    children.setdefault(stat[0], []).append(int(entry))
        pids, todo = [], [self.pid()]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo.extend(children.get(pid, []))
        for pid in pids:
            stat = _stat(pid)
            if stat:
                self.seen[pid] = stat[1]
        return pids

    def rss_bytes(self):
        total = 0
        for pid in self.tree_pids():
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    # -- stop ----------------------------------------------------------------------------

    def stop(self, graceful=True):
        """Shuts the kernel down (politely when it still answers), then kills whatever is left."""
        if self.km is None:
            return
        try:
            self.tree_pids()
        except Exception:
            pass
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km.has_kernel:
                self.km.shutdown_wait_time = 3.0
                self.km.shutdown_kernel(now=not graceful)
        except Exception:
            pass
        finally:
            self._kill_leftovers()
            try:
                self.km.cleanup_resources()
            except Exception:
                pass
            self.km = self.kc = None

    def _kill_leftovers(self):
        # Children that left the kernel's process group would survive killpg; end them by pid.
        for pid, started in self.seen.items():
            stat = _stat(pid)
            if stat and stat[1] == started:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        self.seen.clear()


def results(outputs):
    """The values of a cell's execute_result messages as text. rapaio sends only text/html
    (e.g. "2"), most kernels text/plain."""
    found = []
    for out in outputs:
        if out["msg_type"] == "execute_result":
            data = out["data"]
            found.append(data.get("text/plain", data.get("text/html")))
    return found


def _stat(pid):
    """(ppid, start time in clock ticks) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            # The command name may contain spaces and parentheses: split after the last ')'.
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[1]), int(fields[19])
    except (OSError, IndexError, ValueError):
        return None
