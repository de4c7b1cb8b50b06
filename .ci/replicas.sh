#!/usr/bin/env bash
# A primary and a synchronous standby PostgreSQL cluster on this machine, for the replica routing and failover tests
# (package replica). Idempotent: drops and recreates both on every run, since the failover test leaves them broken
# (primary killed with -9, standby promoted). Run as root, like .ci/run; leaves the machine's main cluster alone.
# Prints the test environment as `export` lines on stdout (everything else goes to stderr):
#   eval "$(bash .ci/replicas.sh)"
set -euo pipefail
pg_major=${PG_MAJOR:-$(ls /usr/lib/postgresql | sort -n | tail -1)}
primary=gwprimary standby=gwstandby primary_port=5442 standby_port=5443
user=gridwatch password=gridwatch replicator=replicator
databases="replica_routing replica_failover"
bin=/usr/lib/postgresql/${pg_major}/bin

as_postgres() { su postgres -c "$*"; }
psql_on() { local port=$1; shift; su postgres -c "psql -q -X -p ${port} -v ON_ERROR_STOP=1 $*"; }

for cluster in "${standby}" "${primary}"; do
  if pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${pg_major} ${cluster}"; then
    pg_ctlcluster "${pg_major}" "${cluster}" stop -m immediate >/dev/null 2>&1 || true
    pg_dropcluster "${pg_major}" "${cluster}" >&2 || true
  fi
  # A postmaster killed with -9 leaves its backends to notice and exit; give them a moment before reusing the port.
  rm -rf "/var/lib/postgresql/${pg_major}/${cluster}" "/etc/postgresql/${pg_major}/${cluster}"
done

echo "== primary ${pg_major}/${primary} on ${primary_port}" >&2
pg_createcluster "${pg_major}" "${primary}" -p "${primary_port}" >/dev/null
cat >> "/etc/postgresql/${pg_major}/${primary}/postgresql.conf" <<CONF
listen_addresses = 'localhost'
max_connections = 80
shared_buffers = 64MB
wal_level = replica
max_wal_senders = 4
wal_keep_size = 64MB
synchronous_commit = on
CONF
pg_ctlcluster "${pg_major}" "${primary}" start
psql_on "${primary_port}" <<SQL
CREATE ROLE ${user} LOGIN PASSWORD '${password}';
CREATE ROLE ${replicator} REPLICATION LOGIN PASSWORD '${replicator}';
-- the failover test checks that the standby is synchronous before it starts (pg_stat_replication's sync_state)
GRANT pg_read_all_stats TO ${user};
SQL
for db in ${databases}; do
  psql_on "${primary_port}" -c "'CREATE DATABASE ${db} OWNER ${user}'"
  # the routing test pauses and resumes replay on the standby; grants are per database and travel there with the WAL
  psql_on "${primary_port}" -d "${db}" <<SQL
CREATE EXTENSION postgis;
GRANT EXECUTE ON FUNCTION pg_wal_replay_pause() TO ${user};
GRANT EXECUTE ON FUNCTION pg_wal_replay_resume() TO ${user};
SQL
done

echo "== standby ${pg_major}/${standby} on ${standby_port} (pg_basebackup -R)" >&2
pg_createcluster "${pg_major}" "${standby}" -p "${standby_port}" >/dev/null
cat >> "/etc/postgresql/${pg_major}/${standby}/postgresql.conf" <<CONF
listen_addresses = 'localhost'
max_connections = 80
shared_buffers = 64MB
hot_standby = on
hot_standby_feedback = on
CONF
data="/var/lib/postgresql/${pg_major}/${standby}"
rm -rf "${data}"
# application_name names the standby in the primary's synchronous_standby_names; -R writes it into primary_conninfo
as_postgres "PGPASSWORD=${replicator} ${bin}/pg_basebackup -d 'host=localhost port=${primary_port} user=${replicator} application_name=${standby}' -D ${data} -R -X stream -c fast"
pg_ctlcluster "${pg_major}" "${standby}" start

# Synchronous only now that the standby exists: with it named and absent, every commit on the primary would wait.
psql_on "${primary_port}" >&2 <<SQL
ALTER SYSTEM SET synchronous_standby_names = '${standby}';
SELECT pg_reload_conf();
SQL
for _ in $(seq 1 50); do
  state=$(psql_on "${primary_port}" -t -A -c "\"SELECT sync_state FROM pg_stat_replication WHERE application_name = '${standby}'\"")
  [ "${state}" = "sync" ] && break
  sleep 0.2
done
[ "${state}" = "sync" ] || { echo "the standby did not become synchronous (state: '${state}')" >&2; exit 1; }
echo "== ${standby} replicates ${primary} synchronously" >&2

cat <<ENV
export GRIDWATCH_TEST_PG_PRIMARY_URL='jdbc:postgresql://localhost:${primary_port}/replica_routing'
export GRIDWATCH_TEST_PG_STANDBY_URL='jdbc:postgresql://localhost:${standby_port}/replica_routing'
export GRIDWATCH_TEST_PG_FAILOVER_URL='jdbc:postgresql://localhost:${primary_port},localhost:${standby_port}/replica_failover?targetServerType=primary'
export GRIDWATCH_TEST_PG_NEW_PRIMARY_URL='jdbc:postgresql://localhost:${standby_port}/replica_failover'
export GRIDWATCH_TEST_PG_REPLICA_USER='${user}' GRIDWATCH_TEST_PG_REPLICA_PASSWORD='${password}'
export GRIDWATCH_TEST_PG_KILL_PRIMARY='kill -9 \$(head -1 /var/lib/postgresql/${pg_major}/${primary}/postmaster.pid)'
export GRIDWATCH_TEST_PG_PROMOTE_STANDBY='pg_ctlcluster ${pg_major} ${standby} promote'
ENV
