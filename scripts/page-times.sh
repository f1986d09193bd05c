#!/usr/bin/env bash
# Usage: scripts/page-times.sh USER PATH...   (the platform running on $BASE, default localhost:8080)
# Signs in as a demo user with the login form and times pages: median and max of N fetches each.
set -eu
BASE=${BASE:-http://localhost:8080}
user=$1; shift
jar=$(mktemp)
csrf=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$user&password=Demo@2026&_csrf=$csrf" "$BASE/login"
for page in "$@"; do
  times=$(for i in $(seq 1 20); do curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$page"; done)
  code=$(echo "$times" | tail -1 | cut -d' ' -f1)
  sorted=$(echo "$times" | awk '{printf "%.0f\n", $2*1000}' | sort -n)
  printf "%-40s %s  median %5s ms  max %5s ms\n" "$page" "$code" "$(echo "$sorted" | sed -n 10p)" "$(echo "$sorted" | tail -1)"
done
