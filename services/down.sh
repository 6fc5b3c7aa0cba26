#!/usr/bin/env bash
# Stop what services/up.sh started (Redis, PostgreSQL, OpenSearch). Their data stays in the state
# directory for the next start; `rm -rf .services` forgets it. Stopping what is not running is no error.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${DOSSIER_SERVICES_DIR:-$ROOT/.services}
status=0

log() { echo "services: $*" >&2; }

# TERM the process in pid file $2, wait up to $3 seconds, then KILL it.
stop_pid() {
    local name=$1 pidfile=$2 grace=$3 pid
    [[ -f $pidfile ]] || return 0
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping $name (pid $pid)"
        kill -TERM "$pid"
        for ((i = 0; i < grace * 5; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then
            log "$name did not stop in ${grace}s: killing it"
            kill -KILL "$pid"
        fi
    fi
    rm -f "$pidfile"
}

stop_pid opensearch "$STATE/opensearch/opensearch.pid" 30
stop_pid redis "$STATE/redis/redis.pid" 10

if [[ -f $STATE/postgres.dir ]]; then
    P=$(cat "$STATE/postgres.dir")
    PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
    if [[ -d $P/data ]] && as_pg "$PG_BIN/pg_ctl" -D "$P/data" status >/dev/null 2>&1; then
        log "stopping postgresql"
        as_pg "$PG_BIN/pg_ctl" -D "$P/data" -m fast -w stop >&2 || status=1
    fi
fi
exit $status
