"""Drives the installed flyte-java kernel with the real jupyter_client, for the Java ITs.

    JUPYTER_PATH=... /usr/bin/python3 kernel_driver.py SCENARIO < input.json

Each scenario reads its input (JSON) from stdin and prints one JSON object on stdout.
"""
import json
import os
import signal
import sys
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 30


def collect(kc, msg_id, timeout=TIMEOUT, stdin_replies=()):
    """The iopub outputs of one request until its idle status, answering input requests."""
    replies = list(stdin_replies)
    outputs = []
    start = time.time()
    deadline = start + timeout
    while True:
        if replies:
            try:
                req = kc.get_stdin_msg(timeout=0.05)
                if req["msg_type"] == "input_request":
                    outputs.append({"msg_type": "input_request", "content": req["content"]})
                    kc.input(replies.pop(0))
            except Empty:
                pass
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except Empty:
            if time.time() > deadline:
                raise
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs
            continue
        outputs.append({"msg_type": msg["msg_type"], "content": msg["content"], "t": time.time() - start})


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return {"msg_type": reply["msg_type"], "content": reply["content"]}


def execute(kc, cell):
    start = time.time()
    msg_id = kc.execute(
        cell["code"],
        silent=cell.get("silent", False),
        store_history=cell.get("store_history", True),
        allow_stdin=cell.get("allow_stdin", False),
        stop_on_error=cell.get("stop_on_error", True),
        user_expressions=cell.get("user_expressions"),
    )
    outputs = collect(kc, msg_id, stdin_replies=cell.get("stdin", ()))
    reply = shell_reply(kc, msg_id)
    return {"reply": reply["content"], "outputs": outputs, "ms": (time.time() - start) * 1000}


def with_kernel(body):
    km, kc = start_new_kernel(kernel_name=os.environ.get("FLYTE_JAVA_KERNEL", "flyte-java"))
    try:
        return body(km, kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def scenario_cells(spec):
    """Runs cells in order; then optional request kinds (history, complete, ...)."""
    def body(km, kc):
        results = [execute(kc, cell) for cell in spec["cells"]]
        after = []
        for req in spec.get("requests", []):
            kind = req.pop("kind")
            msg_id = getattr(kc, kind)(**req)
            after.append(shell_reply(kc, msg_id)["content"])
        return {"cells": results, "requests": after, "alive": km.is_alive()}
    return with_kernel(body)


def scenario_interrupt(spec):
    """Starts an endless cell, interrupts it (message or signal), runs a next cell."""
    def body(km, kc):
        for cell in spec.get("before", []):
            execute(kc, cell)
        msg_id = kc.execute(spec["code"])
        time.sleep(spec.get("delay", 1.0))
        start = time.time()
        if spec["mode"] == "signal":
            km.signal_kernel(signal.SIGINT)
        else:
            km.interrupt_kernel()  # interrupt_mode message: interrupt_request on control
        reply = shell_reply(kc, msg_id)
        interrupt_ms = (time.time() - start) * 1000
        outputs = collect(kc, msg_id)
        after = execute(kc, {"code": spec["next"]})
        return {"reply": reply["content"], "outputs": outputs, "interrupt_ms": interrupt_ms,
                "next": after, "alive": km.is_alive()}
    return with_kernel(body)


def scenario_bad_signature(spec):
    """A kernel_info_request signed with the wrong key gets no reply; a good one does."""
    def body(km, kc):
        while True:  # replies left over from start-up's kernel_info handshake
            try:
                kc.get_shell_msg(timeout=0.5)
            except Empty:
                break
        forged = Session(key=b"not-the-key", username="intruder")
        forged.send(kc.shell_channel.socket, "kernel_info_request", {})
        got_reply = True
        try:
            kc.get_shell_msg(timeout=spec.get("wait", 2.0))
        except Empty:
            got_reply = False
        msg_id = kc.kernel_info()
        good = shell_reply(kc, msg_id, timeout=10)
        cell = execute(kc, {"code": "1 + 2"})
        return {"forged_got_reply": got_reply, "good": good, "cell": cell, "alive": km.is_alive()}
    return with_kernel(body)


def scenario_stop_on_error(spec):
    """Sends several cells at once; after the first fails the queued ones must be aborted."""
    def body(km, kc):
        ids = [kc.execute(code) for code in spec["queued"]]
        replies = [shell_reply(kc, i)["content"] for i in ids]
        after = execute(kc, {"code": spec["next"]})
        return {"replies": replies, "next": after}
    return with_kernel(body)


def scenario_restart(spec):
    """Runs a cell, restarts the kernel (shutdown_request with restart), runs cells in the new one."""
    def body(km, kc):
        before = execute(kc, {"code": spec["before"]})
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=60)
        after = [execute(kc, {"code": code}) for code in spec["after"]]
        return {"before": before, "after": after, "alive": km.is_alive()}
    return with_kernel(body)


def scenario_comm(spec):
    """Opens a comm to a target the kernel does not have; it must answer with comm_close."""
    def body(km, kc):
        msg = kc.session.msg("comm_open", {"comm_id": "c-1", "target_name": "jupyter.widget", "data": {}})
        kc.shell_channel.send(msg)
        outputs = collect(kc, msg["header"]["msg_id"])
        info = kc.comm_info()
        return {"outputs": outputs, "comm_info": shell_reply(kc, info)["content"]}
    return with_kernel(body)


if __name__ == "__main__":
    scenario = sys.argv[1]
    spec = json.load(sys.stdin) if not sys.stdin.isatty() else {}
    result = globals()["scenario_" + scenario](spec)
    print(json.dumps(result, default=str))
