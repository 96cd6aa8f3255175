# Sourced by scripts/test.sh: PostgreSQL for the database-backed tests (they always run on SQLite; on PostgreSQL too
# where Backstage's BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING is set, and the multi-replica suites
# run on PostgreSQL only).
#   postgres_missing  true when no connection string is given and Debian's server is not installed (install it first)
#   postgres_up       uses the given connection string, or as root starts the local cluster and exports one; checks
#                     that it answers. Without PostgreSQL it says why and the PostgreSQL-only suites report as
#                     skipped, except with CI=true, where it returns 1.
#   postgres_down     stops the cluster again if postgres_up started it
# shellcheck shell=bash

postgres_started=""

postgres_connection_vars() {
  compgen -e | grep -E '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]+_CONNECTION_STRING$'
}

postgres_installed() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }

postgres_missing() { [ -z "$(postgres_connection_vars)" ] && ! postgres_installed; }

# pg_lsclusters' line for cluster "main" of a version: version, name, port, status, ...
postgres_cluster() { pg_lsclusters -h | awk -v v="$1" '$1==v && $2=="main"'; }

# Debian's newest installed cluster "main": created and started when needed, password set, connection string exported.
postgres_start_cluster() {
  local version port
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  [ -n "$(postgres_cluster "$version")" ] || pg_createcluster "$version" main >/dev/null || return 1
  if [ "$(postgres_cluster "$version" | awk '{print $4}')" != online ]; then
    pg_ctlcluster "$version" main start || return 1
    postgres_started="$version"
  fi
  port=$(postgres_cluster "$version" | awk '{print $3}')
  su postgres -c "psql -p $port -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null || return 1
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:${port}"
}

postgres_up() {
  local reason="" var answer
  if [ -z "$(postgres_connection_vars)" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      reason="no BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING set, and only root installs and starts PostgreSQL"
    elif ! postgres_installed; then
      reason="Debian's postgresql package is not installed and could not be installed"
    elif ! postgres_start_cluster; then
      reason="the local PostgreSQL cluster did not start (see pg_lsclusters)"
    fi
  fi
  for var in $(postgres_connection_vars); do
    if ! answer=$(node "$ROOT/scripts/postgres-reachable.js" "${!var}"); then
      reason="$var is set but PostgreSQL does not answer there ($answer)"
      unset "$var"
    fi
  done
  if [ -z "$reason" ]; then
    echo "postgres: the database-backed tests also run on $(postgres_connection_vars | sed -E 's/^BACKSTAGE_TEST_DATABASE_(POSTGRES[0-9]+)_.*/\1/' | paste -sd, -)"
  elif [ "${CI:-}" = true ]; then
    echo "postgres: $reason; CI=true needs PostgreSQL, failing" >&2
    return 1
  else
    echo "postgres: unavailable, so the PostgreSQL-only suites are reported as skipped: $reason"
  fi
}

postgres_down() {
  if [ -n "$postgres_started" ]; then
    pg_ctlcluster "$postgres_started" main stop
  fi
  return 0
}
