#!/bin/sh
# Installs the node-opcua client of the interop test (SRS-OPC-032) into the directory $1, from the
# committed package.json and package-lock.json, with the machine's node and npm. Without node or npm the
# test is skipped with a message, unless GALVANI_REQUIRE_NODE is set: then it is an error. Reinstalls only
# when the lock file changed (npm ci starts from scratch and takes seconds).
set -e
target="$1"
source_dir="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ -n "$GALVANI_REQUIRE_NODE" ]; then
    echo "opcua interop: node or npm not found on PATH, and GALVANI_REQUIRE_NODE is set" >&2
    exit 1
  fi
  echo "opcua interop: node or npm not found on PATH: the node-opcua interop test will be skipped" \
       "(set GALVANI_REQUIRE_NODE to make this an error)"
  exit 0
fi
mkdir -p "$target"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$source_dir/interop.mjs" "$target/"
cd "$target"
if [ -f node_modules/.galvani-lock ] && cmp -s package-lock.json node_modules/.galvani-lock; then
  echo "opcua interop: node-opcua-client already installed in $target"
  exit 0
fi
if npm ci --prefer-offline --no-audit --no-fund --loglevel=error; then
  cp package-lock.json node_modules/.galvani-lock
  echo "opcua interop: node-opcua-client installed in $target ($(node --version))"
elif [ -n "$GALVANI_REQUIRE_NODE" ]; then
  echo "opcua interop: npm ci failed, and GALVANI_REQUIRE_NODE is set" >&2
  exit 1
else
  echo "opcua interop: npm ci failed (offline, no cache?): the node-opcua interop test will be skipped"
fi
