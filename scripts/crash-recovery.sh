#!/usr/bin/env bash
# Demonstrates DESIGN.md decision 3: a Tierflow process killed with kill -9 right after a tier-A record is saved
# still starts the approval after a restart, and starts it once. Uses its own database (tierflow_crash).
#   scripts/crash-recovery.sh            (needs the built app: ./tierflow start builds it, or ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
DB="postgresql://tierflow:tierflow@127.0.0.1:5432/tierflow_crash"
PORT="${PORT:-18080}"
JAR=ui/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests install"; exit 1; }
./tierflow db --db "$DB"
psql -X -q -h 127.0.0.1 -U tierflow -d tierflow_crash -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
sql() { psql -X -qtA -h 127.0.0.1 -U tierflow -d tierflow_crash -c "$1"; }

start() { # $1 = extra JVM options
  TIERFLOW_DB="$DB" TIERFLOW_PORT="$PORT" TIERFLOW_DEMO=true java $1 -jar "$JAR" >"/tmp/tierflow-crash-$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 90); do curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "Tierflow did not start; see /tmp/tierflow-crash-$2.log"; exit 1
}

echo "1. start with the effects dispatcher held back, so the crash lands between the commit and the approval start"
start "-Dtierflow.effects.dispatcher.enabled=false" first
curl -fs -c /tmp/tierflow-crash.jar -H 'Content-Type: application/json' \
     -d '{"username":"sales","password":"tierflow"}' "localhost:$PORT/api/auth/login" >/dev/null
RECORD=$(curl -fs -b /tmp/tierflow-crash.jar -H 'Content-Type: application/json' \
     -d '{"values":{"name":"断电测试客户","annual_revenue":500}}' \
     "localhost:$PORT/api/forms/customer/records" | sed -E 's/.*"id":([0-9]+).*/\1/')
# a large paid order lifts the customer into tier A in the order's own transaction (rollup → score → tier)
curl -fs -b /tmp/tierflow-crash.jar -H 'Content-Type: application/json' \
     -d '{"values":{"title":"大额订单","customer":'"$RECORD"',"amount":400000,"paid":true,"ordered_on":"'"$(date +%F)"'"}}' \
     "localhost:$PORT/api/forms/order/records" >/dev/null
echo "   saved customer $RECORD, now in tier $(sql "SELECT tier FROM rec_1 WHERE id = $RECORD")"
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
echo "2. killed with kill -9; the journal holds: $(sql "SELECT kind || ' ' || status FROM effect WHERE payload->>'recordId' = '$RECORD'")"

echo "3. restart normally"
start "" second
for _ in $(seq 1 30); do
  [ "$(sql "SELECT status FROM effect WHERE kind = 'process.start' AND payload->>'recordId' = '$RECORD'")" = DONE ] && break; sleep 1
done
FORM=$(sql "SELECT id FROM form WHERE key = 'customer'")
STARTED=$(sql "SELECT count(*) FROM act_hi_procinst WHERE business_key_ = 'rec:$FORM:$RECORD'")
echo "   approvals started for the record: $STARTED; effect: $(sql "SELECT status FROM effect WHERE kind = 'process.start' AND payload->>'recordId' = '$RECORD'")"
kill "$PID"; wait "$PID" 2>/dev/null || true

echo "4. restart once more: nothing is started again"
start "" third
sleep 3
AGAIN=$(sql "SELECT count(*) FROM act_hi_procinst WHERE business_key_ = 'rec:$FORM:$RECORD'")
kill "$PID"; wait "$PID" 2>/dev/null || true
echo "   approvals started for the record: $AGAIN"
[ "$STARTED" = 1 ] && [ "$AGAIN" = 1 ] && echo "OK: started once after the crash" || { echo "FAILED"; exit 1; }
