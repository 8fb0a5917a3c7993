#!/usr/bin/env bash
# Prints a RabbitMQ password hash for rabbit_password_hashing_sha256, the form definitions.json expects:
#   base64( salt(4 bytes) ++ sha256( salt ++ utf8(password) ) )
# Usage: hash-password.sh PASSWORD [SALT_HEX8]   (a fixed salt keeps regenerated definitions stable in git)
set -euo pipefail
password=${1:?usage: hash-password.sh PASSWORD [SALT_HEX8]}
salt=${2:-$(openssl rand -hex 4)}
[[ $salt =~ ^[0-9a-fA-F]{8}$ ]] || { echo "salt must be 8 hex digits" >&2; exit 2; }
digest=$({ printf '%s' "$salt" | xxd -r -p; printf '%s' "$password"; } | openssl dgst -sha256 -binary | xxd -p -c 64)
printf '%s%s' "$salt" "$digest" | xxd -r -p | base64 -w0
echo
