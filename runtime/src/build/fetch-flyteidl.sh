#!/usr/bin/env bash
# Fetches the official Flyte IDL .proto files from the npm package @flyteorg/flyteidl
# into DEST (the build's proto source root). Nothing fetched here is committed.
# Usage: fetch-flyteidl.sh VERSION DEST
set -euo pipefail
version="$1"; dest="$2"
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
# The service protos import grpc-gateway's OpenAPI options for documentation only, and the npm
# package does not ship them. This stand-in of our own declares just the option fields those files
# set, so they compile; the values are ignored at run time.
mkdir -p "$dest/protoc-gen-openapiv2/options"
cat > "$dest/protoc-gen-openapiv2/options/annotations.proto" <<'PROTO'
syntax = "proto3";
package grpc.gateway.protoc_gen_openapiv2.options;
import "google/protobuf/descriptor.proto";
option java_package = "dev.flytejava.runtime.idl.openapi";
option java_outer_classname = "OpenApiOptionsStub";
message Operation {
  string description = 12;
  map<string, Response> responses = 9;
}
message Response {
  string description = 1;
}
extend google.protobuf.MethodOptions {
  Operation openapiv2_operation = 1042;
}
PROTO
touch "$stamp"
