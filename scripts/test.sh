#!/usr/bin/env bash
# The project's test command: installs and starts Redis and RabbitMQ on 127.0.0.1, installs the FHIR
# and OpenAPI validators from npm and Debian's chromium (browser tests), runs every test project against the real servers,
# then the Cluster tests against a local Redis Cluster and RabbitMQ cluster, and stops what it started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
LOG="$ROOT/.run/test-output.log"
mkdir -p "$ROOT/.run"

cleanup() { scripts/services.sh stop-cluster || true; scripts/services.sh stop || true; }
trap cleanup EXIT

scripts/services.sh start
timeout 600 npm ci --prefix tests/fhir --no-audit --no-fund --loglevel=error
timeout 600 npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error
# The playground's browser tests drive Debian's chromium: Playwright cannot download a browser of its own here.
# A CJK font makes their screenshots readable (region labels are Chinese).
if ! dpkg -s chromium >/dev/null 2>&1 || ! dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then
  echo "[test] installing chromium and fonts-wqy-zenhei" >&2
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
fi

export HC_TEST_REDIS=${HC_TEST_REDIS:-127.0.0.1:6380}
export HC_TEST_RABBITMQ=${HC_TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5673/}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
# Fault tests restart the shared Redis and RabbitMQ, so they run on their own after everything else, one project at a
# time (-m:1): the Api project's broker restart must not land inside the Verifier project's Redis outage.
timeout 2400 dotnet test HealthCode.sln -c Release --nologo --filter "TestCategory!=Fault&TestCategory!=Cluster&TestCategory!=Memory" "$@" 2>&1 | tee "$LOG" || status=$?
# Memory tests bound a process's resident set, so they get test processes of their own (nothing else in them).
timeout 600 dotnet test HealthCode.sln -c Release --nologo --no-build -m:1 --filter "TestCategory=Memory" "$@" 2>&1 | tee -a "$LOG" || status=$?
timeout 1200 dotnet test HealthCode.sln -c Release --nologo --no-build -m:1 --filter "TestCategory=Fault" "$@" 2>&1 | tee -a "$LOG" || status=$?

# Cluster tests kill and stop nodes of a Redis Cluster and a RabbitMQ cluster of their own (scripts/cluster.sh),
# never the single servers above; the clusters start only now so they do not share the two cores with the main run,
# and the single servers, done with, make room for them.
scripts/services.sh stop || true
if timeout 300 scripts/services.sh start-cluster 2>&1 | tee -a "$LOG"; then
  export HC_TEST_REDIS_CLUSTER=127.0.0.1:7301,127.0.0.1:7302,127.0.0.1:7303,127.0.0.1:7304,127.0.0.1:7305,127.0.0.1:7306
  export HC_TEST_RABBITMQ_CLUSTER=amqp://guest:guest@127.0.0.1:5721,127.0.0.1:5722,127.0.0.1:5723/
  # -m:1: one test project at a time, so two projects never stop nodes of the same clusters at once.
  timeout 600 dotnet test HealthCode.sln -c Release --nologo --no-build -m:1 --filter "TestCategory=Cluster" "$@" 2>&1 | tee -a "$LOG" || status=$?
else
  echo "[test] the clusters did not start: Cluster tests not run" >&2
  status=1
fi

# The shipped conformance vectors through the CLI, as an integrator would run them (docs/conformance.md).
timeout 300 dotnet src/Codes.Cli/bin/Release/net10.0/hc.dll conformance run tests/conformance --report junit --output .run/conformance.xml 2>&1 | tee -a "$LOG" || status=$?

# One plain closing line over all test projects (dotnet test prints one summary per project).
passed=$(grep -oE 'Passed: +[0-9]+' "$LOG" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$LOG" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$LOG" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
