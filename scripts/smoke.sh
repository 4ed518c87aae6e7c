#!/usr/bin/env bash
# Starts Casusbank the way a newcomer does (npm start, fresh DATA_DIR), waits for /readyz,
# fetches the home and login pages, sends SIGTERM and expects a clean exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=${SMOKE_PORT:-3999}
log="$data/server.log"
start=$(date +%s%3N)
# In its own process group, so a failed run can stop npm and the server it started together.
DATA_DIR="$data" PORT=$port LOG_LEVEL=warn setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -- -"$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "server exited early:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "not ready in 60 s"; cat "$log"; exit 1; }
echo "cold start to /readyz: $(( $(date +%s%3N) - start )) ms (including compile)"

home=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$port/")
[[ "$home" == "303 "*"/inloggen"* ]] || { echo "home: expected a redirect to /inloggen, got $home"; exit 1; }
curl -fsS "http://127.0.0.1:$port/inloggen" | grep -q 'Inloggen bij Casusbank' || { echo "login page missing"; exit 1; }
grep -q 'deelnemer@casusbank.nl' "$log" || { echo "demo accounts were not printed"; cat "$log"; exit 1; }

# Signed in as the demo member: the demo cases and meetings render.
jar="$data/cookies"
base="http://127.0.0.1:$port"
form=$(curl -fsS -c "$jar" -b "$jar" "$base/inloggen")
token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
login=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "email=deelnemer@casusbank.nl" --data-urlencode "password=demo-deelnemer-2026" --data-urlencode "_csrf=$token" "$base/inloggen")
[ "$login" = "303" ] || { echo "demo login: expected 303, got $login"; exit 1; }
for page in / /casussen /bijeenkomsten /meldingen; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$page")
  [ "$code" = "200" ] || { echo "$page as the demo member: $code"; cat "$log"; exit 1; }
done
list=$(curl -fsS -b "$jar" "$base/bijeenkomsten")
meeting=$(grep -o 'href="/bijeenkomsten/[0-9][0-9]*"' <<<"$list" | head -1 | grep -o '[0-9][0-9]*')
page=$(curl -fsS -b "$jar" "$base/bijeenkomsten/$meeting")
[[ "$page" == *"Ook interessant"* ]] || { echo "meeting page $meeting missing"; exit 1; }

# The npm process forwards the signal; the server must finish and exit 0.
node_pid=$(pgrep -g "$pid" -f '^node dist/src/server.js')
kill -TERM "$node_pid"
set +e
wait "$pid"
code=$?
set -e
[ "$code" -eq 0 ] || { echo "exit code after SIGTERM: $code"; cat "$log"; exit 1; }
echo "smoke test passed: ready, demo member signed in, pages served, SIGTERM → exit 0"
