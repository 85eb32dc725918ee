"""Runs cells in a fresh kernel through jupyter_client and records every iopub message per cell.

usage: run_cells.py KERNEL_NAME CELLS.json RESULT.json
CELLS.json is a list of cell sources; RESULT.json gets one entry per cell:
{"reply": <execute_reply content>, "messages": [{"msg_type": ..., "content": ...}, ...]}
"""
import json
import sys

from jupyter_client.manager import start_new_kernel

TIMEOUT = 180


def run(kernel_name, cells_file, result_file):
    with open(cells_file) as f:
        cells = json.load(f)
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT)
    results = []
    try:
        for source in cells:
            msg_id = kc.execute(source, allow_stdin=False, stop_on_error=False)
            messages = []
            while True:
                msg = kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                messages.append({"msg_type": msg["msg_type"], "content": msg["content"]})
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            while True:
                reply = kc.get_shell_msg(timeout=TIMEOUT)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            results.append({"reply": reply["content"], "messages": messages})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    with open(result_file, "w") as f:
        json.dump(results, f, default=str)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], sys.argv[3])
