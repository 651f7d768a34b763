#!/usr/bin/env bash
# Regenerates Sources/Sync/Protowire/ from Protos/{messages,rpc}.proto (kaspad's protowire, rusty-kaspa
# rpc/grpc/core/proto). Run it by hand when the protos change, then commit the generated files; CI and normal
# builds never build the protoc plugins (build-notes §4).
#
#   scripts/regenerate-protowire.sh                 # regenerate from Protos/
#   scripts/regenerate-protowire.sh RUSTY_KASPA     # first copy the protos from a rusty-kaspa checkout (a work tree,
#                                                   # or a bare/mirror git directory: HEAD is read)
#
# Uses Debian's protoc (apt-get install protobuf-compiler) and the two plugins built from the package copies in
# a scratch build directory, .build-codegen: protoc-gen-swift (swift-protobuf) and protoc-gen-grpc-swift-2
# (grpc-swift-protobuf). swift-protobuf's own `protoc` product is never built (it is what makes a plugin build slow).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="$root/.build-codegen"
out="$root/Sources/Sync/Protowire"

if [ $# -ge 1 ]; then
    src=$1
    for f in messages.proto rpc.proto; do
        if [ -f "$src/rpc/grpc/core/proto/$f" ]; then
            cp "$src/rpc/grpc/core/proto/$f" "Protos/$f"
        else
            git -C "$src" show "HEAD:rpc/grpc/core/proto/$f" > "Protos/$f"
        fi
    done
    echo "copied messages.proto and rpc.proto from $src"
fi

if ! command -v protoc >/dev/null; then
    echo "protoc is missing: apt-get install -y protobuf-compiler" >&2
    exit 1
fi
echo "protoc: $(protoc --version)"

swift build --scratch-path "$scratch" --product protoc-gen-swift
swift build --scratch-path "$scratch" --product protoc-gen-grpc-swift-2
bin=$(swift build --scratch-path "$scratch" --show-bin-path)

mkdir -p "$out"
rm -f "$out"/*.pb.swift "$out"/*.grpc.swift
protoc --proto_path=Protos \
    --plugin=protoc-gen-swift="$bin/protoc-gen-swift" \
    --plugin=protoc-gen-grpc-swift="$bin/protoc-gen-grpc-swift-2" \
    --swift_out="$out" --swift_opt=Visibility=Public \
    --grpc-swift_out="$out" --grpc-swift_opt=Visibility=Public,Server=true,Client=true \
    Protos/messages.proto Protos/rpc.proto
# rpc.proto declares no service: its gRPC file would be empty.
if [ -f "$out/rpc.grpc.swift" ] && grep -q "contained no services" "$out/rpc.grpc.swift"; then rm "$out/rpc.grpc.swift"; fi
wc -l "$out"/*.swift
