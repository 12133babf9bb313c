#!/usr/bin/env bash
# Build the Java SDK (gen/java + sdk/java/src) and its example with javac,
# offline, against Debian's jars in /usr/share/java (libgrpc-java 1.41,
# libprotobuf-java 3.21, libnetty-java, guava, perfmark...); Maven users have
# sdk/java/pom.xml instead.
#   sdk/java/build.sh OUT_DIR     -> OUT_DIR/classes, OUT_DIR/classpath
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: sdk/java/build.sh OUT_DIR}"
jars=(grpc-api grpc-core grpc-context grpc-netty grpc-protobuf grpc-protobuf-lite grpc-stub protobuf guava
      perfmark-api jsr305 error_prone_annotations geronimo-annotation-1.3-spec
      netty-buffer netty-codec netty-codec-http netty-codec-http2 netty-codec-socks netty-common
      netty-handler netty-handler-proxy netty-resolver netty-transport opencensus-api)
classpath=""
for jar in "${jars[@]}"; do
    [[ -f "/usr/share/java/$jar.jar" ]] || { echo "missing /usr/share/java/$jar.jar (scripts/_env.sh: jipan_sdk_toolchains)" >&2; exit 1; }
    classpath+="${classpath:+:}/usr/share/java/$jar.jar"
done
mkdir -p "$out/classes"
find "$root/gen/java" "$root/sdk/java/src/main/java" -name '*.java' | sort >"$out/sources.new"
# Up to date (same sources, none newer than the last build): nothing to do.
if [[ -f "$out/stamp" ]] && cmp -s "$out/sources.new" "$out/sources" \
    && [[ -z "$(find "$root/gen/java" "$root/sdk/java/src" -newer "$out/stamp" -name '*.java' -print -quit)" ]]; then
    exit 0
fi
mv "$out/sources.new" "$out/sources"
rm -rf "$out/classes" && mkdir -p "$out/classes"
javac -nowarn -encoding UTF-8 --release 17 -cp "$classpath" -d "$out/classes" @"$out/sources"
printf '%s\n' "$out/classes:$classpath" >"$out/classpath"
touch "$out/stamp"
