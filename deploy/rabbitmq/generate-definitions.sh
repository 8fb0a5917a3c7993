#!/usr/bin/env bash
# Regenerates definitions.json (usage: generate-definitions.sh [profile folder]): vhost "/", exchange hc.status, the service's queues, the service user, guest
# (loopback only, for local tests) and one publisher user per region that may write only its own routing key.
# TEST-ONLY passwords (see README.md). For a real deployment, generate with real secrets and never commit them.
# Salts are derived from the user name so that regenerating gives the same file.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# The regions are the profiles under schemas/regions (or the folder given as $1): onboarding a region is adding
# its profile, then rerunning this script.
PROFILES=${1:-$HERE/../../schemas/regions}
[ -d "$PROFILES" ] || { echo "no profile folder at $PROFILES" >&2; exit 2; }
mapfile -t REGIONS < <(find "$PROFILES" -maxdepth 1 -name '[0-9][0-9][0-9][0-9][0-9][0-9].json' -printf '%f\n' | sed 's/\.json$//' | sort)
((${#REGIONS[@]})) || { echo "no <region>.json profiles in $PROFILES" >&2; exit 2; }
hash() { "$HERE/hash-password.sh" "$2" "$(printf '%s' "$1" | openssl dgst -sha256 -hex | awk '{print substr($NF,1,8)}')"; }
user() { # name password tags
  printf '    {"name": "%s", "password_hash": "%s", "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": "%s", "limits": {}}' \
    "$1" "$(hash "$1" "$2")" "$3"
}
{
  echo '{'
  echo '  "rabbit_version": "3.10.8",'
  echo '  "users": ['
  user hc-service hc-service-test ""; echo ','
  user guest guest administrator
  for r in "${REGIONS[@]}"; do echo ','; user "region-$r" "hc-test-$r" ""; done
  echo; echo '  ],'
  echo '  "vhosts": [{"name": "/"}],'
  echo '  "permissions": ['
  echo '    {"user": "hc-service", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},'
  printf '    {"user": "guest", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}'
  for r in "${REGIONS[@]}"; do
    printf ',\n    {"user": "region-%s", "vhost": "/", "configure": "", "write": "^hc\\\\.status$", "read": ""}' "$r"
  done
  echo; echo '  ],'
  echo '  "topic_permissions": ['
  sep=''
  for r in "${REGIONS[@]}"; do
    printf '%s    {"user": "region-%s", "vhost": "/", "exchange": "hc.status", "write": "^%s$", "read": "^$"}' "$sep" "$r" "$r"
    sep=$',\n'
  done
  echo; echo '  ],'
  echo '  "parameters": [], "global_parameters": [], "policies": [],'
  echo '  "exchanges": ['
  echo '    {"name": "hc.status", "vhost": "/", "type": "topic", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}'
  echo '  ],'
  echo '  "queues": ['
  echo '    {"name": "hc.status.ingest", "vhost": "/", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum"}},'
  echo '    {"name": "hc.status.error", "vhost": "/", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum"}}'
  echo '  ],'
  echo '  "bindings": ['
  echo '    {"source": "hc.status", "vhost": "/", "destination": "hc.status.ingest", "destination_type": "queue", "routing_key": "#", "arguments": {}}'
  echo '  ]'
  echo '}'
} > "$HERE/definitions.json"
python3 -m json.tool "$HERE/definitions.json" >/dev/null 2>&1 || { command -v python3 >/dev/null && { echo "definitions.json is not valid JSON" >&2; exit 1; }; }
echo "wrote $HERE/definitions.json" >&2
