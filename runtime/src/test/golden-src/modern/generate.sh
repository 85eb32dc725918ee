#!/usr/bin/env bash
# Regenerates the modern golden set: `pyflyte package --copy all` (what `--fast` now means) of the flytekit
# project in project/, with flytekit from the project's venv (bin/python-env). Writes the .pb files into
# runtime/src/test/resources/golden/modern and the package's entry list (with the fast archive's own entries)
# into package-contents.txt beside them. The archives themselves are not kept. See LAYOUT.md.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
out="$root/runtime/src/test/resources/golden/modern"
image="ghcr.io/flyteorg/flytekit:py3.11-1.16.31"

python="$("$root/bin/python-env")"
venv_bin="$(dirname "$python")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work" # flytekit's sandbox folder goes with it

# no __pycache__ in project/: it would not reach the archive (flytekit ignores it) but would dirty the tree
export PYTHONDONTWRITEBYTECODE=1
(cd "$here/project" && "$venv_bin/pyflyte" --pkgs orders package --image "$image" --copy all \
  --source . --output "$work/flyte-package.tgz" --force)

mkdir -p "$out"
"$python" - "$work/flyte-package.tgz" "$out" <<'PY'
import os, sys, tarfile
from flyteidl.admin import launch_plan_pb2, task_pb2, workflow_pb2

package, out = sys.argv[1], sys.argv[2]
kinds = {"_1.pb": task_pb2.TaskSpec, "_2.pb": workflow_pb2.WorkflowSpec, "_3.pb": launch_plan_pb2.LaunchPlan}

def parse(name, data):
    message = kinds[name[-5:]]()
    message.ParseFromString(data)
    return message

# upb writes map entries in a random order per process: keep a file's old bytes when it holds an equal message,
# so that regenerating changes only what really changed
written = set()
with tarfile.open(package, "r:gz") as outer:
    for m in outer.getmembers():
        if not m.name.endswith(".pb"):
            continue
        data = outer.extractfile(m).read()
        path = os.path.join(out, m.name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
            if parse(m.name, old) == parse(m.name, data):
                data = old
        with open(path, "wb") as f:
            f.write(data)
        written.add(m.name)
for name in os.listdir(out):
    if name.endswith(".pb") and name not in written:
        os.remove(os.path.join(out, name))

listing = os.path.join(out, "package-contents.txt")
lines = [
    "# Written by runtime/src/test/golden-src/modern/generate.sh: the entries of `pyflyte package --copy all`'s",
    "# flyte-package.tgz in archive order, then each entry of the fast archive as `<archive>!<entry> <size> <mode>`",
    "# (its mtime, uid and gid are always 1980-01-01, 0, 0).",
]
with tarfile.open(package, "r:gz") as outer:
    members = outer.getmembers()
    lines += [m.name for m in members]
    for m in members:
        if m.name.startswith("fast") and m.name.endswith(".tar.gz"):
            with tarfile.open(fileobj=outer.extractfile(m), mode="r:gz") as fast:
                lines += [f"{m.name}!{f.name} {f.size} {f.mode:o}" for f in fast.getmembers()]
with open(listing, "w") as f:
    f.write("\n".join(lines) + "\n")
PY
echo "wrote $(ls "$out"/*.pb | wc -l) specs and package-contents.txt to $out"
