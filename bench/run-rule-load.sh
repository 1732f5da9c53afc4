#!/usr/bin/env bash
# Rule-version benchmarks (BENCHMARKS.md): starts the packaged app on a scratch database of its own, runs the
# driver (simulate a draft over N customers vs a hand-written GROUP BY; publish + bulk re-tier vs a hand-written
# UPDATE … SET tier = CASE), stops it. The effects dispatcher is off, so the approvals a publish enqueues wait in
# the journal instead of starting Flowable processes during the measurement.
#   bench/run-rule-load.sh [rows=1000000] [scored-only]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="postgresql://tierflow:tierflow@127.0.0.1:5432/tierflow_rules_bench"
PORT=18091
[ -f ui/target/quarkus-app/quarkus-run.jar ] && [ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -DskipTests package
./tierflow db --db "$DB"
PGPASSWORD=tierflow psql -X -q -h 127.0.0.1 -U tierflow -d tierflow_rules_bench -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
TIERFLOW_DB="$DB" TIERFLOW_PORT=$PORT TIERFLOW_DEMO=true TIERFLOW_EFFECTS_DISPATCHER_ENABLED=false \
  java -jar ui/target/quarkus-app/quarkus-run.jar >/tmp/tierflow-rule-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
java -cp bench/target/benchmarks.jar io.tierflow.bench.load.RuleSetLoad "http://localhost:$PORT" \
  "jdbc:postgresql://127.0.0.1:5432/tierflow_rules_bench?user=tierflow&password=tierflow" "${1:-1000000}" ${2:-}
