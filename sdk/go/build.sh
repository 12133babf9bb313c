#!/usr/bin/env bash
# Build the Go SDK and its example offline, against Debian's Go sources in
# /usr/share/gocode (golang-google-grpc-dev, golang-google-protobuf-dev,
# golang-google-genproto-dev): GOPATH mode, with this repository's two
# modules (gen/go and sdk/go) linked into a GOPATH of their own. With a module
# proxy, `go build ./...` in sdk/go (go.mod) works as usual instead.
#   sdk/go/build.sh OUT_DIR   -> OUT_DIR/example
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: sdk/go/build.sh OUT_DIR}"
mkdir -p "$out"
gopath="$(mktemp -d)"
trap 'rm -rf "$gopath"' EXIT
mkdir -p "$gopath/src/jipan.tw/gen" "$gopath/src/jipan.tw/sdk"
ln -s "$root/gen/go" "$gopath/src/jipan.tw/gen/go"
ln -s "$root/sdk/go" "$gopath/src/jipan.tw/sdk/go"
export GO111MODULE=off GOFLAGS= GOPATH="$gopath:/usr/share/gocode"
go vet jipan.tw/sdk/go jipan.tw/sdk/go/example
go build -o "$out/example" jipan.tw/sdk/go/example
