"""Rough latency of the installed kernel (not a test; bench/ owns the real benchmark).

    JUPYTER_PATH=... /usr/bin/python3 measure_latency.py [runs] [cells]

Prints the median seconds from launching the kernel to its first kernel_info_reply, and the
median round trip of a trivial cell ("1 + 1") once the kernel is warm.
"""
import statistics
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
cells = int(sys.argv[2]) if len(sys.argv) > 2 else 30
name = sys.argv[3] if len(sys.argv) > 3 else "flyte-java"


def until_idle(kc, msg_id):
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "idle":
            return


starts, trips = [], []
for _ in range(runs):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    while True:
        kc.kernel_info()
        try:
            if kc.get_shell_msg(timeout=0.02)["msg_type"] == "kernel_info_reply":
                break
        except Empty:
            pass
    starts.append(time.perf_counter() - t0)
    kc.execute_interactive("1 + 1", timeout=120)  # warm: JShell ready
    for _ in range(cells):
        t = time.perf_counter()
        msg_id = kc.execute("1 + 1")
        kc.get_shell_msg(timeout=60)
        until_idle(kc, msg_id)
        trips.append(time.perf_counter() - t)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

print(f"start to first kernel_info_reply: median {statistics.median(starts)*1000:.0f} ms (runs {[round(s*1000) for s in starts]})")
print(f"trivial cell round trip: median {statistics.median(trips)*1000:.1f} ms, p90 {sorted(trips)[int(len(trips)*0.9)]*1000:.1f} ms")
