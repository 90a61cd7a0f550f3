#!/bin/sh
# Prints .env.example with every empty secret filled with a new random value:
#   sh infra/compose/new-env.sh .env.example > .env
# Only sh, head, od, base64 and tr: what any Linux server has. Settings keep the example's values.
set -eu

EXAMPLE=${1:-.env.example}
[ -f "$EXAMPLE" ] || { echo "no $EXAMPLE" >&2; exit 1; }

hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
b64() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    CENTINELA_ADMIN_TOKEN=) echo "CENTINELA_ADMIN_TOKEN=$(hex 24)" ;;          # 48 characters
    CENTINELA_TOKEN_SIGNING_KEY=) echo "CENTINELA_TOKEN_SIGNING_KEY=$(b64 48)" ;; # 64 characters
    CENTINELA_ENCRYPTION_KEY=) echo "CENTINELA_ENCRYPTION_KEY=$(b64 32)" ;;       # base64 of 32 bytes
    CENTINELA_DB_PASSWORD=) echo "CENTINELA_DB_PASSWORD=$(hex 16)" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$EXAMPLE"
