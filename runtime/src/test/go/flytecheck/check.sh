#!/usr/bin/env bash
# Checks packages with Flyte's own Go code, offline: reads each as `flytectl register files --archive` does,
# compiles its tasks and workflows with FlytePropeller's compiler (what FlyteAdmin runs on registration), checks
# its launch plans by FlyteAdmin's rules and builds the FlyteWorkflow resource propeller would run (main.go).
#
# Usage: check.sh [PACKAGE.tgz...]   without arguments, the test suite's example packages
#        (ExamplePackagesMain: the golden orders twin and the every-construct workflow).
#
# Not part of bin/test: the first build downloads about 1.2 GB of Go modules (Kubernetes, cloud SDKs) through
# the Go module proxy and takes several minutes; later runs use Go's caches and take seconds.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
work="$root/runtime/target/flytecheck"
mkdir -p "$work"

(cd "$here" && go build -mod=readonly -o "$work/flytecheck" .)

packages=("$@")
if [[ ${#packages[@]} -eq 0 ]]; then
  (cd "$root" && mvn -B -q -pl runtime test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test)
  java -cp "$root/runtime/target/test-classes:$root/runtime/target/classes:$(cat "$work/classpath.txt")" \
    dev.flytejava.runtime.packaging.ExamplePackagesMain "$work/packages" >/dev/null
  packages=("$work"/packages/*.tgz)
fi
for p in "${packages[@]}"; do
  "$work/flytecheck" "$p"
done
