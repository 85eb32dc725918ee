#!/usr/bin/env bash
# Fetches the official Flyte IDL .proto files from the npm package @flyteorg/flyteidl
# into DEST (the build's proto source root). Nothing fetched here is committed.
# Usage: fetch-flyteidl.sh VERSION DEST STUBS_DIR
set -euo pipefail
version="$1"; dest="$2"; stubs="$3"
stamp="$dest/.flyteidl-$version"
if [[ -f "$stamp" ]]; then exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# npm's own cache makes repeated clean builds work offline once the package was seen.
(cd "$work" && npm pack --silent "@flyteorg/flyteidl@$version" >/dev/null 2>npm.err) || {
  echo "fetch-flyteidl: 'npm pack @flyteorg/flyteidl@$version' failed:" >&2; cat "$work/npm.err" >&2; exit 1; }
tar -xzf "$work"/flyteorg-flyteidl-"$version".tgz -C "$work"
rm -rf "$dest"; mkdir -p "$dest"
cp -r "$work/package/protos/flyteidl" "$dest/"
cp -r "$stubs"/. "$dest/"
touch "$stamp"
