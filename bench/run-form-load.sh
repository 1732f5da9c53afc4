#!/usr/bin/env bash
# Form-engine load benchmarks (BENCHMARKS.md): starts the packaged app on a scratch database, runs the load
# driver (REST creates vs raw INSERT, a 2-filter list on 1M rows vs the same SQL, CSV import vs COPY), stops it.
#   bench/run-form-load.sh [creates=4000] [list rows=1000000] [import rows=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="postgresql://tierflow:tierflow@127.0.0.1:5432/tierflow_bench"
PORT=18090
[ -f ui/target/quarkus-app/quarkus-run.jar ] && [ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -DskipTests package
./tierflow db --db "$DB"
psql -X -q -h 127.0.0.1 -U tierflow -d tierflow_bench -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
TIERFLOW_DB="$DB" TIERFLOW_PORT=$PORT TIERFLOW_DEMO=true java -jar ui/target/quarkus-app/quarkus-run.jar >/tmp/tierflow-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
java -cp bench/target/benchmarks.jar io.tierflow.bench.load.FormLoad "http://localhost:$PORT" \
  "jdbc:postgresql://127.0.0.1:5432/tierflow_bench?user=tierflow&password=tierflow" "${1:-4000}" "${2:-1000000}" "${3:-100000}"
