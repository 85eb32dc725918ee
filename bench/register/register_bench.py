"""The register benchmark: a workflow of N chained tasks registered on the testkit's FlyteAdmin (a loopback process),
first into a fresh project and then again unchanged, `flyte-java register` beside `pyflyte register` of the same
flytekit workflow. Every run must succeed and register all N + 2 entities (N tasks, the workflow, its default launch
plan); ours' created/unchanged rows are read from what it prints, pyflyte's create calls are counted in one extra,
untimed pair of runs (count_creates.py).

  register_bench.py --launcher L --testkit T --pyflyte P --python PY --counter C --target DIR [--jdk25 HOME]
                    [--runs 5] [--tasks 20] [--no-aot]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

IMAGE = "ghcr.io/flyteorg/flytekit:py3.11-1.16.31"
DOMAIN = "development"
WORKFLOW = "chain{n}"
# the kernel's JVM options (KernelSpecInstaller.JVM_OPTIONS), as `flyte-java kernel install` writes them
KERNEL_OPTIONS = "-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xms64m"
ROW = re.compile(r"^(task|workflow|launch plan)\s+(\S+)\s+(\S+)\s+(created|unchanged)\s*$")


def log(message):
    print(f"[bench/register] {message}", file=sys.stderr, flush=True)


def generate(work, n):
    """The notebook (N %%task cells, one %%workflow cell) and the flytekit package with the same tasks and workflow."""
    name = WORKFLOW.format(n=n)
    cells = []
    for i in range(1, n + 1):
        cells.append(["%%task\n", f"long t{i:02d}(long x) {{ return x + 1; }}"])
    body = ["%%workflow\n", f"long {name}(long x) {{\n", "    long v0 = x;\n"]
    body += [f"    long v{i} = t{i:02d}(v{i - 1});\n" for i in range(1, n + 1)]
    body += [f"    return v{n};\n", "}"]
    cells.append(body)
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": s}
                  for s in cells],
        "metadata": {"kernelspec": {"display_name": "Java (Flyte)", "language": "java", "name": "flyte-java"},
                     "language_info": {"name": "java"}},
        "nbformat": 4, "nbformat_minor": 5}
    path = os.path.join(work, f"{name}.ipynb")
    with open(path, "w") as f:
        json.dump(notebook, f, indent=1)
    package = os.path.join(work, "peer", name)
    os.makedirs(package)
    with open(os.path.join(package, "__init__.py"), "w") as f:
        f.write(f'"""The flytekit peer of bench/register: {n} tasks chained into one workflow."""\n')
    source = ["from flytekit import task, workflow\n"]
    source += [f"\n\n@task\ndef t{i:02d}(x: int) -> int:\n    return x + 1\n" for i in range(1, n + 1)]
    source += [f"\n\n@workflow\ndef {name}(x: int) -> int:\n", "    v0 = x\n"]
    source += [f"    v{i} = t{i:02d}(x=v{i - 1})\n" for i in range(1, n + 1)]
    source += [f"    return v{n}\n"]
    with open(os.path.join(package, "workflows.py"), "w") as f:
        f.write("".join(source))
    return path, os.path.join(work, "peer"), name


class Testkit:
    """bin/flyte-java-testkit admin on a free loopback port, with every project the runs register into."""

    def __init__(self, launcher, storage, projects, log_path):
        command = [launcher, "admin", "--port", "0", "--storage", "file://" + storage]
        for p in projects:
            command += ["--project", p]
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log, text=True)
        ready = []
        reader = threading.Thread(target=lambda: ready.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(120)
        line = ready[0] if ready else ""
        found = re.search(r"ready on (dns:///\S+)", line)
        if not found:
            self.close()
            sys.exit(f"[bench/register] the testkit did not get ready in 120 s ({line.strip()!r}); see {log_path}")
        self.endpoint = found.group(1)
        self.ready_line = line.strip()
        threading.Thread(target=self.process.stdout.read, daemon=True).start()  # keep its pipe drained

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def run_timed(command, cwd, env, timeout):
    """Runs command; returns (seconds, stdout, [(seconds since start, stderr line)], returncode)."""
    start = time.perf_counter()
    p = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, lines = [], []
    t_out = threading.Thread(target=lambda: out.append(p.stdout.read()), daemon=True)

    def read_err():
        for line in p.stderr:
            lines.append((time.perf_counter() - start, line.rstrip("\n")))

    t_err = threading.Thread(target=read_err, daemon=True)
    t_out.start()
    t_err.start()
    # Popen.wait(timeout) polls every 50 ms, which would round every figure up; a timer kills instead.
    timed_out = threading.Event()
    killer = threading.Timer(timeout, lambda: (timed_out.set(), p.kill()))
    killer.start()
    p.wait()
    seconds = time.perf_counter() - start
    killer.cancel()
    if timed_out.is_set():
        raise RuntimeError(f"{' '.join(command)} did not finish in {timeout} s")
    t_out.join(10)
    t_err.join(10)
    return seconds, "".join(out), lines, p.returncode


class Ours:
    """flyte-java register through the launcher, one way of running it: JVM options in FLYTE_JAVA_OPTS (with `use`,
    the option that maps an archive; `record`, the one that writes it, for the untimed warm-up) and JAVA_HOME."""

    def __init__(self, key, label, launcher, notebook, name, config, work, opts="", record="", use="", java_home=None,
                 env=None):
        self.key, self.label = key, label
        self.launcher, self.notebook, self.name, self.config, self.work = launcher, notebook, name, config, work
        self.opts, self.record, self.use = opts, record, use
        self.env = dict(os.environ, FLYTE_JAVA_CACHE_DIR=os.path.join(work, "cache"), **(env or {}))
        self.env.pop("FLYTECTL_CONFIG", None)
        if java_home:
            self.env["JAVA_HOME"] = java_home
        home = self.env.get("JAVA_HOME")
        java = os.path.join(home, "bin", "java") if home else "java"
        java = java if java == "java" or os.path.exists(java) else "java"  # as bin/flyte-java picks it
        version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
        self.java = f"{java}: {version[0]}" if version else java
        self.first, self.again, self.phases, self.cold = [], [], [], []
        self.again_created, self.again_unchanged = [], []
        self.versions = []  # per timed run, the versions it registered

    def run(self, project, timeout, recording=False, cells=False):
        options = " ".join(o for o in (self.opts, self.record if recording else self.use) if o)
        env = dict(self.env, FLYTE_JAVA_OPTS=options)
        command = [self.launcher, "register", self.notebook, self.name, "--config", self.config,
                   "--project", project, "--domain", DOMAIN] + (["--no-cache"] if cells else [])
        seconds, out, err, rc = run_timed(command, self.work, env, timeout)
        if rc != 0:
            tail = "\n".join(line for _, line in err[-40:])
            raise RuntimeError(f"{self.label}: flyte-java register exited {rc}:\n{tail}\n{out[-2000:]}")
        rows = [ROW.match(line) for line in out.splitlines()]
        results = [m.group(4) for m in rows if m]
        self.launch_plan_version = next((m.group(3) for m in rows if m and m.group(1) == "launch plan"
                                         and m.group(2) == self.name), None)
        created, unchanged = results.count("created"), results.count("unchanged")
        return seconds, created, unchanged, phases(err, seconds, self.name), {m.group(3) for m in rows if m}

    def sample(self, project, entities, timeout, problems, cold_project=None):
        """One fresh registration into project, then the same again; records both. With cold_project, first one
        more fresh registration there with --no-cache: the cells run, as after an edit."""
        if cold_project:
            cold, created, _, ph, _ = self.run(cold_project, timeout, cells=True)
            if created != entities:
                problems.append(f"{self.label}, {cold_project}: the --no-cache registration created {created} of {entities}")
            self.cold.append(cold)
            if ph:
                self.phases.append(ph)
        first, created, _, _, v1 = self.run(project, timeout)
        if created != entities:
            problems.append(f"{self.label}, {project}: the first registration created {created} of {entities}")
        again, created, unchanged, ph, v2 = self.run(project, timeout)
        self.versions += [v1, v2]
        if created != 0 or unchanged != entities:
            problems.append(f"{self.label}, {project}: the unchanged registration created {created},"
                            f" left {unchanged} of {entities} unchanged")
        self.first.append(first)
        self.again.append(again)
        self.again_created.append(created)
        self.again_unchanged.append(unchanged)
        cold = f", cells run {self.cold[-1]:.2f} s" if cold_project else ""
        return f"{self.key} {first:.2f}/{again:.2f} s{cold}"


def wait_for_daemon(ours, timeout):
    """Waits (up to 60 s) for the daemon that ours' first registration starts in the background, then at once
    registers into a project of its own, while the daemon may still be warming up; returns that registration's
    seconds (the daemon's first served request) and the warm-up's ms from the daemon's log (None if not there)."""
    status = [ours.launcher, "daemon", "status"]
    end = time.monotonic() + 60
    while subprocess.run(status, env=ours.env, capture_output=True).returncode != 0:
        if time.monotonic() > end:
            sys.exit(f"[bench/register] no daemon listens 60 s after {ours.label}'s first registration; see"
                     f" {ours.env['FLYTE_JAVA_DAEMON_DIR']}")
        time.sleep(0.2)
    first = ours.run("ours-daemon", timeout)[0]
    warm_up = None
    folder = ours.env["FLYTE_JAVA_DAEMON_DIR"]
    for name in sorted(os.listdir(folder)):
        if name.endswith(".log"):
            with open(os.path.join(folder, name)) as f:
                for line in f:
                    m = re.search(r"warmed up by repeating register: exit 0 in (\d+) ms", line)
                    warm_up = int(m.group(1)) if m else warm_up
    return first, warm_up


def phases(err, seconds, name):
    """Where the time of a --no-cache run (its cells run) went, from when its lines reached stderr: start to the first
    cell's display, the other cells, making the plan (closure, code archive, specs), then registering it and exiting;
    None when a mark is missing."""
    def first(prefix):
        return next((t for t, line in err if line.startswith(prefix)), None)
    marks = [first("task t01"), first(f"{name}:"), first("flyte-java register: not keeping")]
    if None in marks:
        return None
    cell1, workflow, planned = marks
    return cell1, workflow - cell1, planned - workflow, seconds - planned


class Floor:
    """Floor.java: a JVM that reads the config, connects and makes the one look-up of ours' unchanged registration,
    with the launcher's JVM options and a CDS archive of its own recorded in the warm-up."""

    def __init__(self, jar, floor_jar, config, work, name):
        self.key, self.config, self.name, self.again = "floor", config, name, []
        archive = os.path.join(work, "floor.jsa")
        base = ["java", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
        java_home = os.environ.get("JAVA_HOME")
        if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
            base[0] = os.path.join(java_home, "bin", "java")
        self.record = base + [f"-XX:ArchiveClassesAtExit={archive}", "-cp", f"{jar}:{floor_jar}", "Floor"]
        self.use = base + [f"-XX:SharedArchiveFile={archive}", "-cp", f"{jar}:{floor_jar}", "Floor"]

    def run(self, command, project, version, timeout):
        seconds, out, err, rc = run_timed(command + [self.config, project, DOMAIN, self.name, version],
                                          None, dict(os.environ), timeout)
        if rc != 0:
            raise RuntimeError(f"Floor exited {rc} (3: the launch plan was not found): {' '.join(l for _, l in err)}")
        return seconds

    def warm(self, project, version, timeout):
        self.run(self.record, project, version, timeout)

    def sample(self, project, version, timeout):
        self.again.append(self.run(self.use, project, version, timeout))
        return f"floor {self.again[-1]:.2f} s"


class Peer:
    def __init__(self, pyflyte, python, counter, peer_dir, name, config, work):
        self.pyflyte, self.python, self.counter = pyflyte, python, counter
        self.peer_dir, self.name, self.config, self.work = peer_dir, name, config, work
        self.env = dict(os.environ)
        self.env.pop("FLYTECTL_CONFIG", None)
        self.key, self.first, self.again, self.versions = "pyflyte", [], [], []

    def args(self, project):
        return ["--config", self.config, "register", "--project", project, "--domain", DOMAIN, "--image", IMAGE,
                self.name]

    def check(self, text, rc, entities):
        if rc != 0 or f"Successfully registered {entities} entities" not in text:
            raise RuntimeError(f"pyflyte register exited {rc}:\n{text[-3000:]}")
        version = re.search(r"Computed version is (\S+)", text)
        return version.group(1) if version else None

    def run(self, project, entities, timeout):
        seconds, out, err, rc = run_timed([self.pyflyte, *self.args(project)], self.peer_dir, self.env, timeout)
        return seconds, self.check(out + "\n".join(line for _, line in err), rc, entities)

    def sample(self, project, entities, timeout, problems):
        first, v1 = self.run(project, entities, timeout)
        again, v2 = self.run(project, entities, timeout)
        if v1 != v2:
            problems.append(f"pyflyte, {project}: the unchanged registration computed version {v2}, the first {v1}")
        self.first.append(first)
        self.again.append(again)
        self.versions += [{v1}, {v2}]
        return f"pyflyte {first:.2f}/{again:.2f} s"

    def counted(self, project, entities, timeout):
        path = os.path.join(self.work, f"calls-{project}-{time.monotonic_ns()}.json")
        _, out, err, rc = run_timed([self.python, self.counter, path, *self.args(project)], self.peer_dir, self.env,
                                    timeout)
        self.check(out + "\n".join(line for _, line in err), rc, entities)
        with open(path) as f:
            return json.load(f)


def ms(seconds):
    return f"{seconds * 1000:.0f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", required=True)
    p.add_argument("--testkit", required=True)
    p.add_argument("--pyflyte", required=True)
    p.add_argument("--python", required=True)
    p.add_argument("--counter", required=True)
    p.add_argument("--target", required=True)
    p.add_argument("--jdk25")
    p.add_argument("--jar", help="flyte-java.jar, for the floor")
    p.add_argument("--floor-jar", help="Floor.java compiled, for the floor")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--tasks", type=int, default=20)
    p.add_argument("--timeout", type=int, default=300, help="seconds one registration may take")
    p.add_argument("--no-aot", action="store_true")
    a = p.parse_args()
    n, runs = a.tasks, a.runs
    entities = n + 2
    work = os.path.join(a.target, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    notebook, peer_dir, name = generate(work, n)
    config = os.path.join(work, "config.yaml")

    # as shipped: the launcher's daemon (on by default, but off when CI=true, so it is switched on here), in a folder
    # of the run's own; "fresh" is the same command in a fresh JVM every time, as with FLYTE_JAVA_DAEMON=0
    daemon = {"FLYTE_JAVA_DAEMON": "1", "FLYTE_JAVA_DAEMON_DIR": os.path.join(work, "daemon")}
    ours = [Ours("ours", "ours, bin/flyte-java", a.launcher, notebook, name, config, work, env=daemon),
            Ours("fresh", "ours, a fresh JVM (FLYTE_JAVA_DAEMON=0)", a.launcher, notebook, name, config, work,
                 env={"FLYTE_JAVA_DAEMON": "0"})]
    aot = os.path.join(work, "register.aot")
    if a.jdk25 and not a.no_aot:
        ours.append(Ours("aot", "ours, JDK 25 + AOT cache", a.launcher, notebook, name, config, work,
                         KERNEL_OPTIONS, f"-XX:AOTCacheOutput={aot}", f"-XX:AOTCache={aot}", a.jdk25,
                         {"FLYTE_JAVA_CDS": "0", "FLYTE_JAVA_DAEMON": "0"}))  # the AOT cache replaces the CDS archive
    peer = Peer(a.pyflyte, a.python, a.counter, peer_dir, name, config, work)
    floor = Floor(a.jar, a.floor_jar, config, work, name) if a.jar and a.floor_jar else None
    projects = [f"{o.key}-{s}" for o in ours for s in ["warm", *range(1, runs + 1)]] + ["ours-daemon"]
    projects += [f"ours-cells-{s}" for s in range(1, runs + 1)]
    projects += [f"py-{s}" for s in ["warm", "count", *range(1, runs + 1)]]

    log(f"starting the testkit (bin/flyte-java-testkit admin, {len(projects)} projects)")
    testkit = Testkit(a.testkit, os.path.join(work, "storage"), projects, os.path.join(work, "testkit.log"))
    try:
        with open(config, "w") as f:
            f.write(f"admin:\n  endpoint: {testkit.endpoint}\n  insecure: true\n")
        log(testkit.ready_line)

        # warm-up, untimed: the page cache holds the JDK, the jar and Python's modules; the launcher records its CDS
        # archive and aot its cache here, and ours make the plans the samples reuse
        for o in ours:
            o.run(f"{o.key}-warm", a.timeout, recording=bool(o.record))
            log(f"warm-up: {o.label} ({o.java}){', recorded its archive' if o.record else ''}")
            if o is ours[0]:
                first_daemon, warm_up = wait_for_daemon(o, a.timeout)
                log(f"warm-up: the daemon started by that registration warmed itself up in {warm_up} ms (its log) and"
                    f" served its first, sent as soon as it listened, in {ms(first_daemon)} ms")
        peer.run("py-warm", entities, a.timeout)
        log("warm-up: pyflyte register")
        if floor:
            floor.warm("ours-warm", ours[0].launch_plan_version, a.timeout)
            log("warm-up: the floor, recorded its archive")

        problems = []
        sides = [ours[0], peer, *ours[1:]]  # ours as shipped and the peer next to each other
        for s in range(1, runs + 1):
            figures = [side.sample(f"{'py' if side is peer else side.key}-{s}", entities, a.timeout, problems,
                                   *([f"ours-cells-{s}"] if side is ours[0] else []))
                       for side in sides]
            if floor:
                figures.append(floor.sample(f"ours-{s}", ours[0].launch_plan_version, a.timeout))
            log(f"sample {s}/{runs} (first/again): " + ", ".join(figures))
        first_calls = peer.counted("py-count", entities, a.timeout)
        again_calls = peer.counted("py-count", entities, a.timeout)
    finally:
        stopped = subprocess.run([a.launcher, "daemon", "stop"], env=ours[0].env, capture_output=True, text=True)
        log(f"flyte-java daemon stop: exit {stopped.returncode}")
        testkit.close()

    creates = ("CreateTask", "CreateWorkflow", "CreateLaunchPlan")
    peer_again_creates = sum(again_calls.get(c, 0) for c in creates)
    exists = sum(v for k, v in again_calls.items() if k.endswith("AlreadyExistsException"))
    med = statistics.median

    def row(label, side, outcome):
        return (f"  {label:40} {ms(med(side.first)):>6} ms ({ms(min(side.first)):>5}) {ms(med(side.again)):>6} ms"
                f" ({ms(min(side.again)):>5})   {outcome}")

    print(f"{n}-task chain workflow ({entities} entities) registered on the testkit's FlyteAdmin (a loopback"
          f" process), wall time from process start, median (min) of {runs}; first = into a fresh project, again ="
          f" the same registration unchanged; ours reuse the plan its cells made (they are unchanged since the"
          f" warm-up), except the --no-cache row, whose cells run as after an edit:")
    print(f"  {'':40} {'first':>15} {'again':>15}   the unchanged registration")
    for o in ours:
        created = "/".join(map(str, sorted(set(o.again_created))))
        print(row(o.label, o, f"{created} created, {med(o.again_unchanged):.0f} unchanged"))
    cells = ours[0]
    print(f"  {'ours, bin/flyte-java --no-cache':40} {ms(med(cells.cold)):>6} ms ({ms(min(cells.cold)):>5})"
          f" {'':>15}   (cells run every time)")
    if floor:
        print(f"  {'floor: config, connect, 1 GetLaunchPlan':40} {'':>15} {ms(med(floor.again)):>6} ms"
              f" ({ms(min(floor.again)):>5})   a JVM doing only the look-up (bench/register/Floor.java)")
    print(row("pyflyte register (fast, flytekit 1.16)", peer,
              f"{peer_again_creates - exists} created: {peer_again_creates} create calls, {exists} ALREADY_EXISTS"))
    def versions(side):
        every = set().union(*side.versions)
        per_run = sorted({len(v) for v in side.versions})
        same = side is not ours[0] and every == set().union(*ours[0].versions)
        return (f"{'/'.join(map(str, per_run))} version(s) per registration, {len(every)} over the {runs} projects"
                + (" (the same as bin/flyte-java's)" if same else f" (e.g. {min(every)})"))

    for o in ours:
        print(f"  {o.label}: {o.java}; {versions(o)}")
    print(f"  pyflyte: {versions(peer)}")

    def calls(counts):
        return ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))

    print("pyflyte's FlyteAdmin calls, counted in flytekit's client in one more (untimed) pair of runs:")
    print(f"  first: {calls(first_calls)}")
    print(f"  again: {calls(again_calls)}")
    print("ours with --no-cache, median ms: start to the first cell's output / the other cells / making the plan"
          " (closure, code archive, specs) / registering it (upload, look-ups, creates) and exiting")
    for o in ours:
        if o.phases:
            print(f"  {o.label:40} {' / '.join(ms(med([ph[i] for ph in o.phases])) for i in range(4))}")
    for problem in problems:
        print(f"PROBLEM: {problem}")

    base = ours[0]
    summary = [f"first_ratio={med(base.first) / med(peer.first):.2f}", f"again_ms={ms(med(base.again))}",
               f"again_creates={max(base.again_created)}", f"first_ms={ms(med(base.first))}",
               f"cells_first_ratio={med(base.cold) / med(peer.first):.2f}", f"cells_first_ms={ms(med(base.cold))}",
               f"pyflyte_first_ms={ms(med(peer.first))}",
               f"pyflyte_again_ms={ms(med(peer.again))}", f"pyflyte_again_creates={peer_again_creates}"]
    fresh = ours[1]
    summary += [f"fresh_first_ratio={med(fresh.first) / med(peer.first):.2f}", f"fresh_again_ms={ms(med(fresh.again))}",
                f"daemon_first_ms={ms(first_daemon)}", f"daemon_warm_up_ms={warm_up}"]
    if floor:
        summary += [f"floor_again_ms={ms(med(floor.again))}"]
    for o in ours[2:]:  # the ways beyond ours as shipped and fresh
        summary += [f"{o.key}_first_ratio={med(o.first) / med(peer.first):.2f}", f"{o.key}_again_ms={ms(med(o.again))}"]
    print("register: " + " ".join(summary))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
