#!/bin/sh
# The citation oracle, end to end: install the pinned test-only packages (citeproc-js and the official
# CSL styles), render tests/citeproc/items.json with them into expected.json, then compare Lisible's
# output with it string for string (tests/cite_oracle.rs).
#   tests/citeproc/run.sh          (from anywhere; needs node >= 18 and npm)
# expected.json is committed so that `cargo test` alone compares too; if this run changes it, the
# styles or the items changed: review `git diff tests/citeproc/expected.json` and commit it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node oracle.mjs "$here/expected.json"
if command -v git >/dev/null 2>&1 && ! git -C "$root" diff --quiet -- tests/citeproc/expected.json 2>/dev/null; then
  echo "run.sh: the oracle output changed (git diff tests/citeproc/expected.json)" >&2
fi
cd "$root"
cargo test --test cite_oracle -- --nocapture
