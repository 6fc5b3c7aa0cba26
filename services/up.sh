#!/usr/bin/env bash
# Start Redis, PostgreSQL and one OpenSearch node on loopback for development and CI, wait until each
# answers, and print their settings as shell `export` lines -- the only thing written to stdout, so that
# `eval "$(services/up.sh)"` (or `eval "$(make -s services-up)"`) configures a shell. Everything else goes
# to stderr and to logs under the state directory. Running it again while they run changes nothing.
#
# Settings (environment):
#   DOSSIER_SERVICES_DIR      state: data, logs, pids (default: .services in the repository)
#   DOSSIER_REDIS_PORT        default 16379
#   DOSSIER_PG_PORT           default 15432
#   DOSSIER_OPENSEARCH_PORT   default 9250
#   DOSSIER_OPENSEARCH_HEAP   JVM heap cap, default 1g
#   DOSSIER_OPENSEARCH_JAVA_OPTS  more JVM options for the node
#   DOSSIER_OPENSEARCH_DATA   the node's home (data, node logs); default: in /dev/shm when there is one
#   DOSSIER_SERVICES_WAIT     seconds to wait for each service, default 180
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${DOSSIER_SERVICES_DIR:-$ROOT/.services}
REDIS_PORT=${DOSSIER_REDIS_PORT:-16379}
PG_PORT=${DOSSIER_PG_PORT:-15432}
OS_PORT=${DOSSIER_OPENSEARCH_PORT:-9250}
OS_HEAP=${DOSSIER_OPENSEARCH_HEAP:-1g}
read -ra OS_JAVA_OPTS <<< "${DOSSIER_OPENSEARCH_JAVA_OPTS:-}"
WAIT=${DOSSIER_SERVICES_WAIT:-180}
PG_USER=dossier PG_PASSWORD=dossier PG_DB=dossier

log() { echo "services: $*" >&2; }
die() { echo "services: 错误 / error: $*" >&2; exit 1; }
trap 'echo "services: 错误 / error: $BASH_COMMAND failed (services/up.sh line $LINENO)" >&2' ERR

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until "$2..." succeeds; give up after $WAIT seconds or when the process in pid file $1 is gone.
wait_for() {
    local name=$1 pidfile=$2 logfile=$3; shift 3
    local deadline=$((SECONDS + WAIT))
    until "$@" >/dev/null 2>&1; do
        if [[ -n $pidfile ]] && ! alive "$pidfile"; then
            tail -n 30 "$logfile" >&2 || true
            die "$name 启动失败 / failed to start; log: $logfile"
        fi
        ((SECONDS < deadline)) || { tail -n 30 "$logfile" >&2 || true; die "$name 在 ${WAIT}s 内未响应 / did not answer within ${WAIT}s; log: $logfile"; }
        sleep 0.5
    done
}

# -- packages ------------------------------------------------------------------------------------

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    ((EUID == 0)) || die "缺少软件包 / missing packages: ${missing[*]} (sudo apt-get install ${missing[*]})"
    log "installing ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 \
        || die "apt-get install ${missing[*]} failed"
fi
PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p "$STATE"

# -- Redis ---------------------------------------------------------------------------------------

R=$STATE/redis
mkdir -p "$R"
if alive "$R/redis.pid"; then
    log "redis already running (port $REDIS_PORT)"
else
    port_busy "$REDIS_PORT" && die "端口 $REDIS_PORT 已被占用 / port $REDIS_PORT is in use; set DOSSIER_REDIS_PORT"
    # A cache for tests and development: no snapshots, nothing kept on disk.
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$R/redis.pid" \
        --logfile "$R/redis.log" --dir "$R" --save "" --appendonly no >&2
    log "redis starting on 127.0.0.1:$REDIS_PORT"
fi
wait_for redis "$R/redis.pid" "$R/redis.log" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping

# -- PostgreSQL ----------------------------------------------------------------------------------

# PostgreSQL refuses to run as root: as root its files belong to the postgres user, who must be able to
# reach them; a state directory under a private home falls back to /var/tmp.
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
P=$STATE/postgres
if ((EUID == 0)) && ! runuser -u postgres -- test -x "$STATE"; then
    P=/var/tmp/dossier-services-$(printf %s "$STATE" | md5sum | cut -c1-8)/postgres
fi
echo "$P" > "$STATE/postgres.dir"  # for down.sh
if [[ ! -f $P/data/PG_VERSION ]]; then
    mkdir -p "$P"
    ((EUID == 0)) && chown postgres:postgres "$P"
    chmod 700 "$P"
    echo "$PG_PASSWORD" > "$P/pwfile"
    ((EUID == 0)) && chown postgres:postgres "$P/pwfile"
    log "initdb $P/data"
    as_pg "$PG_BIN/initdb" -D "$P/data" -U "$PG_USER" --pwfile="$P/pwfile" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 > "$P/initdb.log" 2>&1 || { cat "$P/initdb.log" >&2; die "initdb failed"; }
    rm -f "$P/pwfile"
    # A throwaway cluster for tests and development: loopback only, its socket in its own directory,
    # durability traded for speed.
    cat >> "$P/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$P'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi
# The port is given at each start so that DOSSIER_PG_PORT may change between runs.
if as_pg "$PG_BIN/pg_ctl" -D "$P/data" status >/dev/null 2>&1; then
    log "postgresql already running"
else
    port_busy "$PG_PORT" && die "端口 $PG_PORT 已被占用 / port $PG_PORT is in use; set DOSSIER_PG_PORT"
    log "postgresql starting on 127.0.0.1:$PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$P/data" -l "$P/postgresql.log" -o "-p $PG_PORT" -w -t "$WAIT" start >&2 \
        || { tail -n 30 "$P/postgresql.log" >&2; die "postgresql failed to start; log: $P/postgresql.log"; }
fi
export PGPASSWORD=$PG_PASSWORD
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -tAq)
wait_for postgresql "" "$P/postgresql.log" "${PSQL[@]}" -c "SELECT 1"
if [[ -z $("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") ]]; then
    "${PSQL[@]}" -c "CREATE DATABASE $PG_DB" >&2
fi

# -- OpenSearch ----------------------------------------------------------------------------------

O=$STATE/opensearch
mkdir -p "$O"
# The index is derived data (`dossier reindex` rebuilds it from the records), so by default it lives in
# memory: on disk, the fsyncs of creating and dropping indices made the contract tests three times slower.
OS_HOME=${DOSSIER_OPENSEARCH_DATA:-}
if [[ -z $OS_HOME ]]; then
    OS_HOME=$O/home
    [[ -d /dev/shm && -w /dev/shm ]] && OS_HOME=/dev/shm/dossier-opensearch-$(printf %s "$STATE" | md5sum | cut -c1-8)
fi
if alive "$O/opensearch.pid"; then
    log "opensearch already running (port $OS_PORT)"
else
    port_busy "$OS_PORT" && die "端口 $OS_PORT 已被占用 / port $OS_PORT is in use; set DOSSIER_OPENSEARCH_PORT"
    # The node's jars come from Maven Central through services/pom.xml; the classpath is resolved once.
    stale=1
    if [[ -s $O/classpath.txt && ! $ROOT/services/pom.xml -nt $O/classpath.txt ]]; then
        stale=0
        IFS=: read -ra jars < "$O/classpath.txt" || true  # no newline at its end
        for jar in "${jars[@]}"; do [[ -f $jar ]] || stale=1; done  # a cleaned Maven repository
    fi
    if ((stale)); then
        log "resolving OpenSearch jars with Maven (the first time downloads ~55 MB); log: $O/maven.log"
        mvn -B -q -f "$ROOT/services/pom.xml" dependency:build-classpath -Dmdep.outputFile="$O/classpath.txt" \
            > "$O/maven.log" 2>&1 || { tail -n 30 "$O/maven.log" >&2; die "mvn dependency:build-classpath failed"; }
    fi
    log "opensearch starting on 127.0.0.1:$OS_PORT (heap ≤ $OS_HEAP, data in $OS_HOME)"
    setsid java -Xms256m -Xmx"$OS_HEAP" -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "${OS_JAVA_OPTS[@]}" \
        -cp "$(cat "$O/classpath.txt")" "$ROOT/services/OpenSearchNode.java" "$OS_HOME" "$OS_PORT" \
        > "$O/opensearch.log" 2>&1 < /dev/null &
    echo $! > "$O/opensearch.pid"
fi
wait_for opensearch "$O/opensearch.pid" "$O/opensearch.log" \
    curl -sf "http://127.0.0.1:$OS_PORT/_cluster/health?wait_for_status=yellow&timeout=5s"

# -- settings ------------------------------------------------------------------------------------

cat <<EOF
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
export DATABASE_URL=postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB
export OPENSEARCH_URL=http://127.0.0.1:$OS_PORT
EOF
