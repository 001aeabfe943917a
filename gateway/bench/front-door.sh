#!/usr/bin/env bash
# The front door's cost (issue #12 §7): wrk on one authenticated unit read through (1) the gateway and (2) nginx
# proxying the same directive-service, in alternating runs, with the requests/s, p99 latency and CPU per request
# of each proxy process and the gateway-to-nginx ratio. Needs a running platform (./danvan up), Debian's wrk and
# nginx. The README's "Benchmarks" section has the command and the figures.
#
#   gateway/bench/front-door.sh                 30 s warm-up, then 3 rounds of 20 s each, 2 threads, 16 connections
#   ROUNDS=5 DURATION=30s gateway/bench/front-door.sh
#
# The gateway's rate limit for one signed-in user (600 a minute) must be lifted for the run, or most answers are
# 429: start the platform with DANVAN_GATEWAY_CLIENTPERMINUTE=100000000 (the limit is still counted in Redis, leased 20 requests at a time).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DANVAN_HOME=${DANVAN_HOME:-$ROOT/.danvan}
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:${DANVAN_GATEWAY_PORT:-8080}}
BACKEND=${BACKEND_URL:-http://127.0.0.1:${DANVAN_DIRECTIVE_PORT:-8081}}
ISSUER=${ISSUER:-http://127.0.0.1:${DANVAN_KEYCLOAK_PORT:-8180}/realms/danvan}
NGINX_PORT=${NGINX_PORT:-18090}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
UNIT=${UNIT:-BENCH}
WORK=$(mktemp -d /tmp/front-door.XXXXXX)
TICKS=$(getconf CLK_TCK)

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: apt-get install -y wrk nginx curl" >&2; exit 1; }
done
GATEWAY_PID=${GATEWAY_PID:-$(cat "$DANVAN_HOME/run/gateway.pid")}

token() {
  curl -fsS "$ISSUER/protocol/openid-connect/token" -d grant_type=password -d client_id=danvan-web \
    -d username=vanhanh -d password=demo-vanhanh | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# nginx as a plain reverse proxy: keep-alive to the backend, one access-log line per request like the gateway's
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 1024; }
http {
  access_log $WORK/access.log;
  upstream backend { server ${BACKEND#http://}; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf"
trap 'kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT
NGINX_PID=$(cat "$WORK/nginx.pid")

# the unit every run reads (registered once; a second registration is a 409 and changes nothing)
TOKEN=$(token)
curl -sS -o /dev/null -X POST "$GATEWAY/api/v1/units" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$UNIT\",\"name\":\"Đơn vị đo tải\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"PROVINCE\",\"openedOn\":\"1986-01-01\"}"
for url in "$GATEWAY" "http://127.0.0.1:$NGINX_PORT"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/units/$UNIT" -H "Authorization: Bearer $TOKEN")
  [[ $status == 200 ]] || { echo "GET $url/api/v1/units/$UNIT answered $status" >&2; exit 1; }
done

# CPU time (user + system, in clock ticks) of a process and its children threads/workers
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
proxy_pids() {
  if [[ $1 == gateway ]]; then echo "$GATEWAY_PID"; else echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"; fi
}

# one wrk run: prints "name requests/s p99_ms cpu_ms_per_1000_requests non2xx"
run() {
  local name=$1 url=$2 pids before after out rps p99 requests non2xx
  pids=$(proxy_pids "$name")
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url/api/v1/units/$UNIT")
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  awk -v n="$name" -v r="$rps" -v p="$p99" -v c="$(( (after - before) * 1000 / TICKS ))" -v q="$requests" -v e="${non2xx:-0}" \
    'BEGIN { printf "%-8s %10.0f %8.2f %10.0f %8s\n", n, r, p, c * 1000 / q, e }'
}

echo "front door: $ROUNDS rounds, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, GET /api/v1/units/$UNIT (authenticated)"
echo "gateway pid $GATEWAY_PID ($GATEWAY), nginx pid $NGINX_PID (127.0.0.1:$NGINX_PORT), backend $BACKEND"
# warm-up: the JIT compiles the hot paths of both proxies and the backend
TOKEN=$(token)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-30s}" -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/v1/units/$UNIT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NGINX_PORT/api/v1/units/$UNIT" >/dev/null
printf '%-8s %10s %8s %10s %8s\n' proxy 'req/s' 'p99 ms' 'cpu ms/1k' non-2xx | tee "$WORK/runs.txt"
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)   # tokens live 5 minutes
  if (( round % 2 )); then order=(gateway nginx); else order=(nginx gateway); fi
  for name in "${order[@]}"; do
    if [[ $name == gateway ]]; then run gateway "$GATEWAY"; else run nginx "http://127.0.0.1:$NGINX_PORT"; fi
  done | tee -a "$WORK/runs.txt"
done
awk 'NR > 1 { n[$1]++; rps[$1] += $2; p99[$1] += $3; cpu[$1] += $4 }
  END {
    printf "mean     gateway %.0f req/s, p99 %.1f ms, %.0f ms CPU per 1,000 requests\n", rps["gateway"]/n["gateway"], p99["gateway"]/n["gateway"], cpu["gateway"]/n["gateway"]
    printf "mean     nginx   %.0f req/s, p99 %.1f ms, %.0f ms CPU per 1,000 requests\n", rps["nginx"]/n["nginx"], p99["nginx"]/n["nginx"], cpu["nginx"]/n["nginx"]
    printf "ratio    gateway/nginx requests/s %.2f, CPU per request %.1fx\n", rps["gateway"]/rps["nginx"], cpu["gateway"]/cpu["nginx"]
  }' "$WORK/runs.txt"
