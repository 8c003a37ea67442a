# Sourced by .ci/run: starts a throw-away PostgreSQL cluster on loopback and exports SQUEEZE_TEST_PG_URL.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL not installed; store tests against it will be skipped" >&2
  return 0
fi
pg_dir=${SQUEEZE_PG_DIR:-/tmp/squeeze-ci-pg}
pg_port=${SQUEEZE_PG_PORT:-55432}
if ! runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
  rm -rf "$pg_dir"
  mkdir -p "$pg_dir"
  chown postgres:postgres "$pg_dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/log" \
    -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null
fi
runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='squeeze_test'" | grep -q 1 \
  || runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres squeeze_test
export SQUEEZE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/squeeze_test?user=postgres"
echo "PostgreSQL ready: $SQUEEZE_TEST_PG_URL"
