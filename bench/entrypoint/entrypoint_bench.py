"""The entrypoint benchmark: a trivial task from process start to outputs.pb on file://, cold starts, ours
(the runtime image's launcher: its JVM options and CDS archive) beside flytekit's pyflyte-execute on the same
task in Python. Inputs for both are written by flytekit; every run's outputs.pb is read back with flytekit and
must hold 42, so a broken run never counts as a fast one.

  entrypoint_bench.py --launcher L --code F.tar.gz --pyflyte-execute P --peer-dir D --work W [--runs 10]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

from flyteidl.core import literals_pb2
from flytekit.core.context_manager import FlyteContextManager
from flytekit.core.type_engine import TypeEngine
from flytekit.models.literals import LiteralMap


def write_inputs(path):
    ctx = FlyteContextManager.current_context()
    lm = TypeEngine.dict_to_literal_map(ctx, {"x": 41}, {"x": int})
    with open(path, "wb") as f:
        f.write(lm.to_flyte_idl().SerializeToString())


def output_of(prefix):
    pb = literals_pb2.LiteralMap()
    path = os.path.join(prefix, "outputs.pb")
    if not os.path.exists(path):
        raise RuntimeError(f"no outputs.pb in {prefix}: {os.listdir(prefix) if os.path.isdir(prefix) else 'no folder'}")
    with open(path, "rb") as f:
        pb.ParseFromString(f.read())
    return LiteralMap.from_flyte_idl(pb).literals["o0"].scalar.primitive.integer


def timed(command, cwd, prefix, env):
    if os.path.exists(prefix):
        shutil.rmtree(prefix)
    t0 = time.perf_counter()
    r = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    seconds = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {r.returncode}: {r.stderr.decode()[-2000:]}")
    value = output_of(prefix)
    if value != 42:
        raise RuntimeError(f"{command[0]} wrote o0={value}, expected 42")
    return seconds


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", required=True)
    p.add_argument("--code", required=True)
    p.add_argument("--pyflyte-execute", required=True)
    p.add_argument("--peer-dir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=10)
    a = p.parse_args()
    inputs = os.path.join(a.work, "inputs.pb")
    write_inputs(inputs)
    ours_prefix = os.path.join(a.work, "ours-out")
    peer_prefix = os.path.join(a.work, "peer-out")
    ours = [a.launcher, "entrypoint", "--task", "addOne", "--code", "file://" + a.code, "--inputs", "file://" + inputs,
            "--output-prefix", "file://" + ours_prefix, "--raw-output-data-prefix", "file://" + ours_prefix + "/raw",
            "--checkpoint-path", "{{.checkpointOutputPrefix}}", "--prev-checkpoint", "{{.prevCheckpointPrefix}}"]
    peer = [a.pyflyte_execute, "--inputs", inputs, "--output-prefix", peer_prefix,
            "--raw-output-data-prefix", peer_prefix + "/raw", "--resolver",
            "flytekit.core.python_auto_container.default_task_resolver", "--", "task-module", "trivial", "task-name", "add_one"]
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["HOME"] = a.work
    # one warm-up each: the page cache holds the jar, the archive and Python's modules, as on a node that ran a pod
    timed(ours, a.work, ours_prefix, env)
    timed(peer, a.peer_dir, peer_prefix, env)
    ours_s, peer_s = [], []
    for _ in range(a.runs):
        ours_s.append(timed(ours, a.work, ours_prefix, env))
        peer_s.append(timed(peer, a.peer_dir, peer_prefix, env))
    o, q = statistics.median(ours_s), statistics.median(peer_s)
    load = os.getloadavg()[0]
    print(f"entrypoint benchmark: a trivial task from process start to outputs.pb on file://, {a.runs} cold starts each, "
          f"alternating (load average {load:.1f}, {os.cpu_count()} cores)")
    print(f"{'':48}{'flyte-java':>14}{'pyflyte-execute':>18}")
    print(f"{'median ms':48}{o * 1000:>14.1f}{q * 1000:>18.1f}")
    print(f"{'min / max ms':48}{min(ours_s) * 1000:>7.0f}/{max(ours_s) * 1000:<6.0f}{min(peer_s) * 1000:>11.0f}/{max(peer_s) * 1000:<6.0f}")
    print(f"entrypoint: start_ratio={o / q:.3f}")


if __name__ == "__main__":
    sys.exit(main())
