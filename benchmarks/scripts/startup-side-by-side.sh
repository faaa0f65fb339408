#!/usr/bin/env bash
# Time from start to the first 200, Brisk's bench app against the FastAPI peer, in one run with the rounds
# interleaved (each round starts every server once, so a busy machine slows all of them alike):
#
#   mvn -q -DskipTests package && benchmarks/scripts/startup-side-by-side.sh [ROUNDS]
#
# Brisk runs plain and with its one-step class-data cache on each JDK it finds: AppCDS on 17
# (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile) and the AOT cache on 25 (-XX:AOTCacheOutput,
# then -XX:AOTCache; JEP 514/515, and once more without JEP 515's method profiles), both written by a
# training run (-Dbrisk.training=/json) that ends itself. The FastAPI peer is benchmarks/side-by-side/peers/fastapi on uvicorn (Debian's python3-fastapi,
# python3-uvicorn, python3-uvloop, python3-httptools, or a venv). Prints each start and the median per server,
# and the median CPU time (user + system, all threads) each process had used when it answered: on a shared
# machine the steadier figure of the two. When the raw Netty peer is built, it runs too: the JVM's own floor,
# once more with --json jackson (Jackson writes its /json, with the mapper Brisk makes): the floor of any
# framework on Netty and Jackson, and with --json jackson-core (Jackson's generator alone, no databind).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-8}
jar=examples/target/brisk-examples.jar
jdk17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
port=8123
trap 'rm -rf "$work"' EXIT

declare -a names commands
add() { names+=("$1"); commands+=("$2"); }

brisk="-Xms512m -Xmx512m -jar $jar bench --port $port"
no_profiles="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
"$jdk17/bin/java" -XX:ArchiveClassesAtExit="$work/bench17.jsa" -Dbrisk.training=/json $brisk >/dev/null 2>&1
add "Brisk, $("$jdk17/bin/java" -version 2>&1 | sed -n 1p | cut -d'"' -f2), plain" "$jdk17/bin/java $brisk"
add "Brisk, JDK 17, AppCDS archive" "$jdk17/bin/java -XX:SharedArchiveFile=$work/bench17.jsa -Xshare:auto $brisk"
if [ -x "$jdk25/bin/java" ]; then
  "$jdk25/bin/java" -XX:AOTCacheOutput="$work/bench25.aot" -Dbrisk.training=/json $brisk >/dev/null 2>&1
  # The same cache without the method profiles of JEP 515 (their JIT work competes with the start on few cores).
  "$jdk25/bin/java" $no_profiles -XX:AOTCacheOutput="$work/bench25np.aot" -Dbrisk.training=/json $brisk >/dev/null 2>&1
  add "Brisk, JDK 25, plain" "$jdk25/bin/java $brisk"
  add "Brisk, JDK 25, AOT cache" "$jdk25/bin/java -XX:AOTCache=$work/bench25.aot $brisk"
  add "Brisk, JDK 25, AOT cache, no profiles" "$jdk25/bin/java -XX:AOTCache=$work/bench25np.aot $brisk"
fi
# The floor: the raw Netty peer (the same JVM, Netty and a hand-written handler, nothing else), when it is built
# (mvn -q -f benchmarks/side-by-side/peers/netty/pom.xml package), with its AOT cache (25) and AppCDS archive (17).
netty_jar=benchmarks/side-by-side/peers/netty/target/netty-peer.jar
if [ -f "$netty_jar" ] && [ -x "$jdk25/bin/java" ]; then
  netty="-Xms512m -Xmx512m -jar $netty_jar --port $port"
  # One start of the peer with JVM options $1.. (writing its cache at exit), one request, SIGTERM.
  # NETTY_ARGS: the peer's own options (--json jackson).
  train_netty() {
    "$@" $netty ${NETTY_ARGS:-} >/dev/null 2>&1 &
    local npid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/json" 2>/dev/null; do sleep 0.05; done
    kill "$npid"; wait "$npid" 2>/dev/null || true
  }
  train_netty "$jdk25/bin/java" -XX:AOTCacheOutput="$work/netty25.aot"
  train_netty "$jdk25/bin/java" $no_profiles -XX:AOTCacheOutput="$work/netty25np.aot"
  add "Netty peer, JDK 25, plain" "$jdk25/bin/java $netty"
  add "Netty peer, JDK 25, AOT cache" "$jdk25/bin/java -XX:AOTCache=$work/netty25.aot $netty"
  add "Netty peer, JDK 25, AOT cache, no profiles" "$jdk25/bin/java -XX:AOTCache=$work/netty25np.aot $netty"
  train_netty "$jdk17/bin/java" -XX:ArchiveClassesAtExit="$work/netty17.jsa"
  add "Netty peer, JDK 17, AppCDS archive" "$jdk17/bin/java -XX:SharedArchiveFile=$work/netty17.jsa -Xshare:auto $netty"
  NETTY_ARGS="--json jackson" train_netty "$jdk25/bin/java" $no_profiles -XX:AOTCacheOutput="$work/nettyj25np.aot"
  add "Netty + Jackson, JDK 25, AOT, no profiles" "$jdk25/bin/java -XX:AOTCache=$work/nettyj25np.aot $netty --json jackson"
  NETTY_ARGS="--json jackson" train_netty "$jdk17/bin/java" -XX:ArchiveClassesAtExit="$work/nettyj17.jsa"
  add "Netty + Jackson, JDK 17, AppCDS archive" "$jdk17/bin/java -XX:SharedArchiveFile=$work/nettyj17.jsa -Xshare:auto $netty --json jackson"
  # Jackson's streaming generator alone (no databind): what a writer of plain records on jackson-core would cost.
  NETTY_ARGS="--json jackson-core" train_netty "$jdk17/bin/java" -XX:ArchiveClassesAtExit="$work/nettyc17.jsa"
  add "Netty + jackson-core, JDK 17, AppCDS archive" "$jdk17/bin/java -XX:SharedArchiveFile=$work/nettyc17.jsa -Xshare:auto $netty --json jackson-core"
fi
if "$python" -c "import fastapi, uvicorn" 2>/dev/null; then
  loop=asyncio; "$python" -c "import uvloop" 2>/dev/null && loop=uvloop
  http=h11; "$python" -c "import httptools" 2>/dev/null && http=httptools
  add "FastAPI peer on uvicorn ($("$python" -c 'import fastapi; print(fastapi.__version__)'))" \
      "env -C benchmarks/side-by-side/peers/fastapi $python -m uvicorn app:app --host 127.0.0.1 --port $port --loop $loop --http $http --no-access-log --log-level warning"
else
  echo "no FastAPI for $python: the peer is left out" >&2
fi

# first_200: waits for the first 200 from GET /json, polling with bash builtins (see first-200.sh).
source benchmarks/scripts/first-200.sh

declare -A times cpus
hz=$(getconf CLK_TCK)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    start=${EPOCHREALTIME/./}
    ${commands[$i]} >/dev/null 2>&1 &
    pid=$!
    first_200
    end=${EPOCHREALTIME/./}
    read -r ut st < <(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12, $13 }')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    times[$i]+="$(awk -v us=$((end - start)) 'BEGIN { printf "%.2f", us / 1e6 }') "
    cpus[$i]+="$(awk -v t=$((ut + st)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }') "
    sleep 0.5
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "load average: $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
for i in "${!names[@]}"; do
  printf '%-48s median %s s (CPU %s s): %s\n' "${names[$i]}" "$(echo "${times[$i]}" | median)" "$(echo "${cpus[$i]}" | median)" "${times[$i]}"
done
