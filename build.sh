#!/usr/bin/env bash
# Lisible: build and test entry point. Installs whatever is missing (Debian packages with apt-get,
# Rust tools with `cargo install`, npm packages pinned by tests/e2e/package-lock.json).
#
#   ./build.sh         release wasm (LTO), two modules: lisible (analysis) and lisible_cite (citations)
#                      -> wasm-bindgen --target web -> wasm-opt (npm binaryen)
#                      -> extension/pkg, dist/chrome/, dist/firefox/, dist/lisible-chrome.zip,
#                      dist/lisible-firefox.xpi
#   ./build.sh test    the build, then the test tools, then every suite; the last line is
#                      "N passed, N failed" (suites), the exit status non-zero on any failure.
#
# Environment: WASM_OPT=npm|none (default npm; NEVER Debian's binaryen 108, which silently breaks
# wasm-bindgen's externref table), NO_INSTALL=1 (check only, install nothing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
cd "$ROOT"
MODE=${1:-build}
TARGET=wasm32-unknown-unknown
E2E="$ROOT/tests/e2e"
PKG="$ROOT/extension/pkg"
DIST="$ROOT/dist"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '>> %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- installs (idempotent)
APT_UPDATED=
apt_install() { # Debian packages, only those missing
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -n "${NO_INSTALL:-}" ] || ! command -v apt-get >/dev/null; then
    echo "build.sh: missing Debian packages: ${missing[*]}" >&2
    return 1
  fi
  local sudo=
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  log "apt-get install ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

rustup_wasm_target() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

install_build_tools() {
  apt_install zip ca-certificates
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  # wasm toolchain: a rustup wasm32 target when installed, else Debian's Rust + std source (build-std).
  if rustup_wasm_target; then
    log "wasm toolchain: rustup target $TARGET"
  else
    log "wasm toolchain: Debian rustc-web + rust-web-src (build-std), wasm-ld-22"
    apt_install rustc-web cargo-web rust-web-src lld-22
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; then
    [ -z "${NO_INSTALL:-}" ] || { echo "build.sh: wasm-bindgen $WBG_VERSION missing" >&2; return 1; }
    log "cargo install wasm-bindgen-cli $WBG_VERSION"
    # --locked first (reproducible); unlocked when the registry lacks a version its lock pins.
    cargo install --locked wasm-bindgen-cli --version "$WBG_VERSION" ||
      cargo install wasm-bindgen-cli --version "$WBG_VERSION"
  fi
  # npm packages (binaryen's wasm-opt for the build; playwright-core, selenium-webdriver, web-ext for tests)
  if [ ! -f "$E2E/node_modules/.package-lock.json" ] || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ]; then
    [ -z "${NO_INSTALL:-}" ] || { echo "build.sh: tests/e2e/node_modules missing (npm ci)" >&2; return 1; }
    log "npm ci (tests/e2e)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

GECKODRIVER_VERSION=0.37.1
install_test_tools() {
  # firefox-esr-l10n-ar: the Arabic UI test runs Firefox in Arabic (a 0.5 MB language pack).
  apt_install chromium chromium-driver firefox-esr firefox-esr-l10n-ar
  if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
    [ -z "${NO_INSTALL:-}" ] || { echo "build.sh: geckodriver missing" >&2; return 1; }
    log "cargo install geckodriver $GECKODRIVER_VERSION (about 5 minutes)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

# ---------------------------------------------------------------- build
# The two wasm modules built from the crate (Cargo features of src/wasm.rs): NAME FEATURE TARGET-DIR.
#   lisible       the analysis: content script (every click) and background (snapshot route)
#   lisible_cite  the citation formatter: the reader page, loaded on first use, never in a web page
# One target dir each: a cdylib's output carries no feature hash, so two feature sets sharing one
# directory would rebuild (LTO, about a minute) on every run.
WASM_MODULES=("lisible wasm-analyze target" "lisible_cite wasm-cite target/wasm-cite")

build_wasm() {
  local t0 m name feature dir raw stamp out
  t0=$(now)
  mkdir -p "$PKG"
  for m in "${WASM_MODULES[@]}"; do
    read -r name feature dir <<<"$m"
    # `cargo rustc --crate-type cdylib`: with crate-type = ["cdylib", "rlib"] cargo silently drops
    # `lto` (no -C lto is passed); building the cdylib alone applies it.
    "$ROOT/scripts/wasm-cargo" rustc --lib --crate-type cdylib --locked --target "$TARGET" --profile wasm \
      --target-dir "$ROOT/$dir" --no-default-features --features "$feature"
    raw="$ROOT/$dir/$TARGET/wasm/lisible.wasm"
    log "cargo (wasm $name, --features $feature, profile wasm: release + opt-level s, LTO): $(since "$t0") s"
    # Unchanged cargo output, same tools: keep this module in pkg/ (wasm-opt alone takes 2-10 s).
    stamp="$(sha256sum "$raw" | cut -d' ' -f1) wasm-bindgen $WBG_VERSION wasm-opt ${WASM_OPT:-npm} $(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$PKG/.stamp-$name" ] && [ "$(cat "$PKG/.stamp-$name")" = "$stamp" ] && [ -f "$PKG/${name}_bg.wasm" ] && [ -f "$PKG/$name.js" ]; then
      log "wasm $name unchanged: extension/pkg/$name* kept"
      continue
    fi
    rm -f "$PKG/$name.js" "$PKG/${name}_bg.wasm" "$PKG/.stamp-$name"
    out=$(mktemp -d)
    wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-name "$name" --out-dir "$out" "$raw"
    case "${WASM_OPT:-npm}" in
      npm)
        local opt="$E2E/node_modules/.bin/wasm-opt" # npm binaryen (pinned in tests/e2e/package-lock.json)
        "$opt" --version | grep -q "version 1[1-9][0-9]" || { echo "build.sh: $opt is not npm binaryen >= 110" >&2; return 1; }
        "$opt" -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
        ;;
      none) ;;
      *) echo "build.sh: WASM_OPT=${WASM_OPT} unsupported (npm|none)" >&2; return 1 ;;
    esac
    mv "$out/$name.js" "$out/${name}_bg.wasm" "$PKG/"
    rm -rf "$out"
    echo "$stamp" > "$PKG/.stamp-$name"
    log "wasm $name: $(stat -c %s "$raw") B -> pkg/${name}_bg.wasm $(stat -c %s "$PKG/${name}_bg.wasm") B ($(gzip -9 -c "$PKG/${name}_bg.wasm" | wc -c) B gzip -9), glue $(stat -c %s "$PKG/$name.js") B; wasm-opt ${WASM_OPT:-npm}"
  done
  rm -f "$PKG/.stamp" # the single-module build's stamp
  log "wasm: total $(since "$t0") s"
}

# One manifest source (extension/manifest.base.json) + one overlay per browser
# (manifest.chrome.json: background.service_worker; manifest.firefox.json: background.scripts and
# browser_specific_settings.gecko). Merge: objects key by key, arrays of objects element by
# element, anything else replaced by the overlay.
MERGE_JS='
const fs = require("node:fs");
const { SRC, BROWSER, OUT } = process.env;
const read = (f) => JSON.parse(fs.readFileSync(`${SRC}/${f}`, "utf8"));
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function merge(a, b) {
  if (isObj(a) && isObj(b)) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in a ? merge(a[k], v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && b.every(isObj) && a.every(isObj)) {
    return a.map((x, i) => (i < b.length ? merge(x, b[i]) : x)).concat(b.slice(a.length));
  }
  return b;
}
const m = merge(read("manifest.base.json"), read(`manifest.${BROWSER}.json`));
fs.writeFileSync(OUT, JSON.stringify(m, null, 2) + "\n");
'

build_dist() {
  mkdir -p "$DIST"
  local b
  for b in chrome firefox; do
    rm -rf "${DIST:?}/$b"
    mkdir -p "$DIST/$b"
    (cd "$ROOT/extension" && tar --exclude='./manifest.*.json' --exclude='./pkg/.stamp*' -cf - .) | (cd "$DIST/$b" && tar -xf -)
    SRC="$ROOT/extension" BROWSER=$b OUT="$DIST/$b/manifest.json" node -e "$MERGE_JS"
  done
  rm -f "$DIST/lisible-chrome.zip" "$DIST/lisible-firefox.xpi"
  (cd "$DIST/chrome" && zip -qr -X "$DIST/lisible-chrome.zip" .)
  (cd "$DIST/firefox" && zip -qr -X "$DIST/lisible-firefox.xpi" .)
  log "dist: $(cd "$DIST" && ls -d chrome firefox lisible-chrome.zip lisible-firefox.xpi | tr '\n' ' ')($(stat -c %s "$DIST/lisible-chrome.zip") B zip)"
}

build() {
  local t0
  t0=$(now)
  install_build_tools
  build_wasm
  build_dist
  log "build: $(since "$t0") s"
}

# ---------------------------------------------------------------- tests
PASS=0
FAIL=0
SUMMARY=()
step() { # step NAME COMMAND...: one suite; its output is shown, its verdict counted
  local name=$1 t0 rc
  shift
  echo
  echo "=== $name"
  t0=$(now)
  set +e
  (set -e; "$@") # a subshell, so that errexit holds inside shell functions too
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    PASS=$((PASS + 1))
    SUMMARY+=("ok      $(since "$t0") s  $name")
  else
    FAIL=$((FAIL + 1))
    SUMMARY+=("FAILED  $(since "$t0") s  $name (exit $rc)")
  fi
  echo "--- ${SUMMARY[-1]}"
}

lint_firefox() {
  (cd "$E2E" && npx web-ext lint --source-dir "$DIST/firefox" --output json --no-input) > "$ROOT/target/web-ext-lint.json" || true
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    for (const m of [...r.errors, ...r.warnings, ...r.notices]) console.log(m._type, m.code, m.file ?? "", m.message);
    console.log(`web-ext lint: ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.notices.length} notices`);
    process.exit(r.errors.length ? 1 : 0);' "$ROOT/target/web-ext-lint.json"
}

run_tests() {
  local t0 geckodriver chromedriver
  t0=$(now)
  step "build (wasm + dist)" build
  if [ $FAIL -ne 0 ]; then
    echo "the build failed: no test can run"
    echo "$PASS passed, $FAIL failed"
    exit 1
  fi
  step "install test tools" install_test_tools
  chromedriver=$(command -v chromedriver || echo /usr/bin/chromedriver)
  geckodriver=$(command -v geckodriver || echo "${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver")
  step "native: cargo test" cargo test --locked
  # The release CLI is what the browser-vs-native parity tests compare against.
  step "native: release CLI (for the parity tests)" cargo build --locked --release --bin lisible
  # No debug info in the wasm test build: it rebuilds std from source, and debug info triples that time.
  # (Set for the three wasm steps only: exported, it would make the later native steps rebuild.)
  local nodebug=CARGO_PROFILE_DEV_DEBUG=0
  step "wasm: wasm-bindgen-test in Node" env "$nodebug" "$ROOT/scripts/wasm-cargo" test --locked --target "$TARGET" --test wasm_node
  step "wasm: wasm-bindgen-test in headless Chromium" \
    env "$nodebug" CHROMEDRIVER="$chromedriver" "$ROOT/scripts/wasm-cargo" test --locked --target "$TARGET" --test wasm_browser
  step "wasm: wasm-bindgen-test in headless Firefox" \
    env "$nodebug" GECKODRIVER="$geckodriver" "$ROOT/scripts/wasm-cargo" test --locked --target "$TARGET" --test wasm_browser
  # node --test applies --test-timeout to each file as a whole too: 10 minutes bounds a hung suite
  # (each test's own waits fail in seconds); the parity tests alone walk every fixture folder.
  step "e2e: headless Chromium (playwright-core, real action)" \
    env LISIBLE_ROOT="$ROOT" node --test --test-timeout=600000 --test-reporter=spec "$E2E/chromium.test.mjs"
  step "e2e: headless Firefox ESR (selenium + geckodriver, real action)" \
    env LISIBLE_ROOT="$ROOT" GECKODRIVER="$geckodriver" node --test --test-timeout=600000 --test-reporter=spec "$E2E/firefox.test.mjs"
  step "e2e: citation panel, headless Chromium" \
    env LISIBLE_ROOT="$ROOT" node --test --test-timeout=600000 --test-reporter=spec "$E2E/cite-panel.chromium.test.mjs"
  step "e2e: citation panel, headless Firefox ESR" \
    env LISIBLE_ROOT="$ROOT" GECKODRIVER="$geckodriver" node --test --test-timeout=600000 --test-reporter=spec "$E2E/cite-panel.firefox.test.mjs"
  step "e2e: reader view, headless Chromium (axe-core, network log, screenshots)" \
    env LISIBLE_ROOT="$ROOT" node --test --test-timeout=600000 --test-reporter=spec "$E2E/reader.chromium.test.mjs"
  step "e2e: reader view, headless Firefox ESR (network log, screenshots)" \
    env LISIBLE_ROOT="$ROOT" GECKODRIVER="$geckodriver" node --test --test-timeout=600000 --test-reporter=spec "$E2E/reader.firefox.test.mjs"
  step "e2e: hostile pages, headless Chromium (XSS corpus, forged messages, 50 toggles, SPA, infinite scroll)" \
    env LISIBLE_ROOT="$ROOT" node --test --test-timeout=600000 --test-reporter=spec "$E2E/hostile.chromium.test.mjs"
  step "e2e: hostile pages, headless Firefox ESR" \
    env LISIBLE_ROOT="$ROOT" GECKODRIVER="$geckodriver" node --test --test-timeout=600000 --test-reporter=spec "$E2E/hostile.firefox.test.mjs"
  step "e2e: context menu, auto-clean sites, Arabic UI, headless Firefox ESR" \
    env LISIBLE_ROOT="$ROOT" GECKODRIVER="$geckodriver" node --test --test-timeout=600000 --test-reporter=spec "$E2E/ui.firefox.test.mjs"
  step "web-ext lint dist/firefox (0 errors)" lint_firefox
  if [ -f "$ROOT/tests/citeproc/run.sh" ]; then
    step "citeproc: tests/citeproc/run.sh" bash "$ROOT/tests/citeproc/run.sh"
  fi
  echo
  echo "=== summary ($(since "$t0") s)"
  printf '%s\n' "${SUMMARY[@]}"
  echo "$PASS passed, $FAIL failed"
  [ $FAIL -eq 0 ]
}

case "$MODE" in
  build) build ;;
  test) run_tests ;;
  # The benchmark suite: machine, native vs dom_smoothie, pathological pages (time, peak memory),
  # wasm sizes, click-to-reader vs Readability.js; `./build.sh bench --update-readme` rewrites README's table.
  bench) build && install_test_tools && exec "$ROOT/scripts/bench.sh" "${@:2}" ;;
  *) echo "usage: ./build.sh [test|bench [--update-readme]]" >&2; exit 2 ;;
esac
