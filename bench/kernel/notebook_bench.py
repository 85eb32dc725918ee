"""The notebook part of the kernel benchmark: %%task and %%workflow cells in our kernel.

Runs only when the kernel build knows %%task (checked with %lsmagic), so the benchmark works
before and after the magics land.
"""
import statistics

from session import results

TASK_CELL = "%%task\nlong addOne(long x) { return x + 1; }"
CHAIN_LENGTH = 10
WORKFLOW_NAME = "chain10"


def workflow_cell():
    """A %%workflow that chains addOne CHAIN_LENGTH times: n1 = addOne(x), n2 = addOne(n1), ..."""
    lines = ["%%workflow", f"long {WORKFLOW_NAME}(long x) {{"]
    previous = "x"
    for i in range(1, CHAIN_LENGTH + 1):
        lines.append(f"    long n{i} = addOne({previous});")
        previous = f"n{i}"
    lines += [f"    return {previous};", "}"]
    return "\n".join(lines)


def text_of(outputs, reply):
    """All plain text a cell produced: streams, results, displays, and pager payloads."""
    parts = []
    for out in outputs:
        if out["msg_type"] == "stream":
            parts.append(out["text"])
        elif out["msg_type"] == "error":
            parts.append(out["ename"] + ": " + out["evalue"])
        else:
            parts.append(out.get("data", {}).get("text/plain", ""))
    for payload in reply.get("payload", []):
        parts.append(payload.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def has_task_magic(session, timeout):
    _, reply, outputs = session.execute("%lsmagic", timeout)
    return reply.get("status") == "ok" and "%%task" in text_of(outputs, reply)


def timed_cell(session, code, timeout, expect=None):
    """Seconds for one cell; fails loudly when the cell errs or returns the wrong value,
    so a broken magic can never show up as a fast one."""
    seconds, reply, outputs = session.execute(code, timeout)
    if reply.get("status") != "ok":
        raise RuntimeError(f"cell failed [{reply.get('ename')}: {reply.get('evalue')}] in cell [{code}]")
    if expect is not None:
        values = results(outputs)
        if values != [expect]:
            raise RuntimeError(f"expected result [{expect}] but got {values} in cell [{code}]")
    return seconds


def median_ms(session, code, repeats, warmup, timeout, expect=None):
    for _ in range(warmup):
        timed_cell(session, code, timeout, expect)
    return 1000 * statistics.median(timed_cell(session, code, timeout, expect) for _ in range(repeats))


def run(session, timeout, warmup=2):
    """Returns the `notebook:` line for our kernel."""
    if not has_task_magic(session, timeout):
        return "notebook: skipped (no %%task magic in this kernel build)"
    task_ms = median_ms(session, TASK_CELL, 20, warmup, timeout)
    workflow_ms = median_ms(session, workflow_cell(), 10, warmup, timeout)
    run_ms = median_ms(session, f"{WORKFLOW_NAME}(0)", 20, warmup, timeout, expect=str(CHAIN_LENGTH))
    call_us = task_call_us(session, timeout)
    return (f"notebook: task_decl_ms={task_ms:.1f} workflow_decl_ms={workflow_ms:.1f} run10_ms={run_ms:.1f}"
            f" task_call_us={call_us:.1f}")


def task_call_us(session, timeout, calls=20000, repeats=5):
    """Microseconds per call of a task's visible method inside one cell (the in-process call path:
    bridge, executor, literal conversion both ways), median over repeats of CALL loops."""
    loop = (f"long __t0 = System.nanoTime(); long __s = 0; for (int i = 0; i < {calls}; i++) __s += addOne(i);"
            f" (System.nanoTime() - __t0) / 1000.0 / {calls}")
    timed_cell(session, loop, timeout)  # warmup: JIT and the executor's pools
    figures = []
    for _ in range(repeats):
        _, reply, outputs = session.execute(loop, timeout)
        if reply.get("status") != "ok":
            raise RuntimeError(f"task call loop failed [{reply.get('ename')}: {reply.get('evalue')}]")
        figures.append(float(results(outputs)[0]))
    return statistics.median(figures)
