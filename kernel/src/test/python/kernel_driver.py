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


def fuzz_frames(rng, session, bad_session, marker):
    """One hostile multipart message for a shell/control/stdin socket, and what kind it is."""
    delim = b"<IDS|MSG>"
    forged_code = 'java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));' % marker
    kind = rng.choice(["garbage", "truncated", "oversized", "bad_json", "wrong_key", "unsigned",
                       "tampered", "out_of_order", "bad_content"])
    if kind == "garbage":
        return kind, [rng.randbytes(rng.randint(0, 200)) for _ in range(rng.randint(1, 8))]
    if kind == "oversized":
        size = rng.choice([1 << 16, 1 << 16, 1 << 16, 1 << 20])
        return kind, [delim, rng.randbytes(64), rng.randbytes(size), b"{}", b"{}", b"{}"]
    msg = session.msg("execute_request", {"code": forged_code, "silent": False})
    frames = session.serialize(msg)
    if kind == "truncated":
        return kind, frames[:rng.randint(0, len(frames) - 1)] if rng.random() < 0.5 else \
            frames[:-1] + [frames[-1][:rng.randint(0, max(0, len(frames[-1]) - 1))]]
    if kind == "bad_json":  # well signed, so harmless content: what is malformed is the JSON
        frames = session.serialize(session.msg("kernel_info_request", {}))
        i = rng.randint(2, len(frames) - 1)
        frames[i] = frames[i][: len(frames[i]) // 2] + b"\xff{"
        frames[1] = session.sign(frames[2:6])
        return kind, frames
    if kind == "wrong_key":
        return kind, bad_session.serialize(bad_session.msg("execute_request", {"code": forged_code}))
    if kind == "unsigned":
        frames[1] = b""
        return kind, frames
    if kind == "tampered":  # a valid signature of different content
        other = session.serialize(session.msg("kernel_info_request", {}))
        frames[1] = other[1]
        return kind, frames
    if kind == "out_of_order":  # well signed, but replies and stray answers sent as requests
        msg_type = rng.choice(["execute_reply", "input_reply", "status", "kernel_info_reply", "comm_msg",
                               "complete_reply", "no_such_request"])
        content = {"value": "x", "comm_id": "none", "data": {}} if rng.random() < 0.5 else {}
        out = session.msg(msg_type, content, parent={"msg_id": "nobody", "msg_type": "execute_request"})
        return kind, session.serialize(out)
    # well signed requests whose content has the wrong shape; none may run code
    content = rng.choice([{}, {"code": 42}, {"code": None}, {"code": ["x"]}, {"cursor_pos": "a"}, "list"])
    msg_type = rng.choice(["complete_request", "inspect_request", "is_complete_request", "history_request",
                           "comm_info_request", "kernel_info_request", "execute_request"])
    frames = session.serialize(session.msg(msg_type, {} if content == "list" else content))
    if content == "list":  # content that is JSON but not an object, still well signed
        frames[5] = b"[1, 2]"
        frames[1] = session.sign(frames[2:6])
    return kind, frames


def answered(sock, session, timeout=120):
    """Sends a good kernel_info_request on sock; 1 when its reply arrives (other replies are skipped)."""
    msg = session.msg("kernel_info_request", {})
    sock.send_multipart(session.serialize(msg))
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not sock.poll(1000):
            continue
        frames = sock.recv_multipart()
        _, rest = session.feed_identities(frames)
        reply = session.deserialize(rest)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return 1
    return 0


def scenario_fuzz(spec):
    """Sends thousands of hostile messages to every channel, then a normal cell; reports what was sent."""
    import random
    import stat
    import zmq

    def body(km, kc):
        rng = random.Random(spec.get("seed", 14))
        info = km.get_connection_info()
        mode = stat.S_IMODE(os.stat(km.connection_file).st_mode)
        ctx = zmq.Context.instance()
        session = Session(key=info["key"], signature_scheme=info["signature_scheme"], username="fuzzer")
        bad = Session(key=b"not-the-key", signature_scheme=info["signature_scheme"], username="intruder")
        url = lambda port: "%s://%s:%d" % (info["transport"], info["ip"], port)
        sent = {}
        for channel in ("shell", "control", "stdin"):
            sock = ctx.socket(zmq.DEALER)
            sock.setsockopt(zmq.LINGER, 10000)
            sock.connect(url(info[channel + "_port"]))
            for _ in range(spec["per_channel"]):
                kind, frames = fuzz_frames(rng, session, bad, spec["marker"])
                if frames:
                    sock.send_multipart(frames)
                    sent[channel + ":" + kind] = sent.get(channel + ":" + kind, 0) + 1
            if channel != "stdin":  # the kernel answers a good request after all of these: it read them all
                sent[channel + ":answered_after"] = answered(sock, session)
            sock.close()
        hb = ctx.socket(zmq.REQ)
        hb.setsockopt(zmq.LINGER, 0)
        hb.setsockopt(zmq.RCVTIMEO, 5000)
        hb.connect(url(info["hb_port"]))
        echoed = 0
        for i in range(spec["per_channel"]):
            ping = rng.randbytes(rng.choice([0, 1, 100, 1 << 16]))
            hb.send(ping)
            echoed += hb.recv() == ping
        hb.close()
        sent["hb:ping"] = spec["per_channel"]
        subscribed = 0
        for i in range(spec["per_channel"] // 10):
            sub = ctx.socket(zmq.SUB)
            sub.setsockopt(zmq.LINGER, 0)
            sub.connect(url(info["iopub_port"]))
            for _ in range(10):
                sub.setsockopt(rng.choice([zmq.SUBSCRIBE, zmq.UNSUBSCRIBE]), rng.randbytes(rng.randint(0, 64)))
                subscribed += 1
            sub.close()
        sent["iopub:subscribe"] = subscribed
        while True:  # drop whatever the kernel answered to the well signed stray requests
            try:
                kc.get_shell_msg(timeout=0.5)
            except Empty:
                break
        after = execute(kc, {"code": spec["next"]})
        typed = execute(kc, {"code": spec["stdin_cell"], "allow_stdin": True, "stdin": ["typed"]})
        return {"sent": sent, "hb_echoed": echoed, "stdin_cell": typed, "connection_file_mode": oct(mode), "next": after,
                "alive": km.is_alive()}
    return with_kernel(body)


if __name__ == "__main__":
    scenario = sys.argv[1]
    spec = json.load(sys.stdin) if not sys.stdin.isatty() else {}
    result = globals()["scenario_" + scenario](spec)
    print(json.dumps(result, default=str))
