#!/usr/bin/env bash
# The front door's cost (issue #12 §7): wrk on one authenticated unit read through (1) the gateway and (2) nginx
# proxying the same directive-service, in alternating runs, with the requests/s, p99 latency and CPU per request
# of each proxy process and the gateway-to-nginx ratio. Needs a running platform (./danvan up), Debian's wrk and
# nginx. The README's "Benchmarks" section has the command and the figures.
#
#   gateway/bench/front-door.sh                 30 s warm-up, then 3 rounds of 20 s each, 2 threads, 16 connections
#   ROUNDS=5 DURATION=30s gateway/bench/front-door.sh
#   BARE=webflux,webmvc gateway/bench/front-door.sh
#
# BARE adds the floor of this stack to the same run: Spring Cloud Gateway with nothing on it (gateway/bench/bare:
# one /api/** route to the same backend; no security, limits, breaker, metrics or access log), on WebFlux and
# Reactor Netty (bare-webflux, port 18091) and/or on Spring MVC and Tomcat (bare-webmvc, port 18092). Each jar is
# built if missing, started with the running gateway's own java and JVM options (its heap and the flags ./danvan
# gave it, DANVAN_JVM_OPTS included, read from /proc), warmed up like the gateway, measured in the same rotating
# rounds (each contender first in turn) and stopped on exit; BARE_ARGS adds arguments to their command lines
# (e.g. BARE_ARGS=--spring.threads.virtual.enabled=false).
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
IFS=, read -ra BARE_VARIANTS <<<"${BARE:-}"
declare -A BARE_PORT=([webflux]=18091 [webmvc]=18092) BARE_PID=()
WORK=$(mktemp -d /tmp/front-door.XXXXXX)
TICKS=$(getconf CLK_TCK)

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: apt-get install -y wrk nginx curl" >&2; exit 1; }
done
GATEWAY_PID=${GATEWAY_PID:-$(cat "$DANVAN_HOME/run/gateway.pid")}
for variant in "${BARE_VARIANTS[@]}"; do
  [[ -n ${BARE_PORT[$variant]:-} ]] || { echo "BARE=$BARE: the variants are webflux and webmvc" >&2; exit 1; }
done

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
cleanup() {
  kill "$(cat "$WORK/nginx.pid" 2>/dev/null)" "${BARE_PID[@]}" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_PID=$(cat "$WORK/nginx.pid")

# the bare gateways, with the java and the JVM options (everything before -jar) the running gateway was started with
if (( ${#BARE_VARIANTS[@]} > 0 )); then
  mapfile -d '' -t gateway_command <"/proc/$GATEWAY_PID/cmdline"
  BARE_JVM=()
  for arg in "${gateway_command[@]:1}"; do [[ $arg == -jar ]] && break; BARE_JVM+=("$arg"); done
  missing=()
  for variant in "${BARE_VARIANTS[@]}"; do
    [[ -f $ROOT/gateway/bench/bare/$variant/target/bare-$variant.jar ]] || missing+=("$variant")
  done
  if (( ${#missing[@]} > 0 )); then
    (cd "$ROOT" && ./mvnw -B -q -f gateway/bench/bare/pom.xml -pl "$(IFS=,; echo "${missing[*]}")" package)
  fi
  read -ra bare_args <<<"${BARE_ARGS:-}"
  for variant in "${BARE_VARIANTS[@]}"; do
    "${gateway_command[0]}" "${BARE_JVM[@]}" -jar "$ROOT/gateway/bench/bare/$variant/target/bare-$variant.jar" \
      --server.port="${BARE_PORT[$variant]}" --bench.backend="$BACKEND" "${bare_args[@]}" >"$WORK/bare-$variant.log" 2>&1 &
    BARE_PID[$variant]=$!
  done
fi

# the unit every run reads (registered once; a second registration is a 409 and changes nothing)
TOKEN=$(token)
curl -sS -o /dev/null -X POST "$GATEWAY/api/v1/units" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$UNIT\",\"name\":\"Đơn vị đo tải\",\"kind\":\"PARTY_COMMITTEE\",\"level\":\"PROVINCE\",\"openedOn\":\"1986-01-01\"}"
for url in "$GATEWAY" "http://127.0.0.1:$NGINX_PORT"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/units/$UNIT" -H "Authorization: Bearer $TOKEN")
  [[ $status == 200 ]] || { echo "GET $url/api/v1/units/$UNIT answered $status" >&2; exit 1; }
done
for variant in "${BARE_VARIANTS[@]}"; do
  # started above; up to BARE_START_SECONDS for the JVM to start and answer the same read
  for attempt in $(seq 1 "${BARE_START_SECONDS:-180}"); do
    kill -0 "${BARE_PID[$variant]}" 2>/dev/null || { cat "$WORK/bare-$variant.log" >&2; echo "bare-$variant exited" >&2; exit 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${BARE_PORT[$variant]}/api/v1/units/$UNIT" \
      -H "Authorization: Bearer $TOKEN" || true)
    [[ $status == 200 ]] && break
    (( attempt < ${BARE_START_SECONDS:-180} )) || { echo "bare-$variant answered $status" >&2; exit 1; }
    sleep 1
  done
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
  case $1 in
    gateway) echo "$GATEWAY_PID" ;;
    nginx) echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')" ;;
    bare-*) echo "${BARE_PID[${1#bare-}]}" ;;
  esac
}
url_of() {
  case $1 in
    gateway) echo "$GATEWAY" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT" ;;
    bare-*) echo "http://127.0.0.1:${BARE_PORT[${1#bare-}]}" ;;
  esac
}

# one wrk run: prints "name requests/s p99_ms cpu_ms_per_1000_requests non2xx"
run() {
  local name=$1 url pids before after out rps p99 requests non2xx
  url=$(url_of "$name")
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
    'BEGIN { printf "%-12s %10.0f %8.2f %10.0f %8s\n", n, r, p, c * 1000 / q, e }'
}

CONTENDERS=(gateway nginx)
for variant in "${BARE_VARIANTS[@]}"; do CONTENDERS+=("bare-$variant"); done
echo "front door: $ROUNDS rounds, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, GET /api/v1/units/$UNIT (authenticated)"
echo "gateway pid $GATEWAY_PID ($GATEWAY), nginx pid $NGINX_PID (127.0.0.1:$NGINX_PORT), backend $BACKEND"
for variant in "${BARE_VARIANTS[@]}"; do
  echo "bare-$variant pid ${BARE_PID[$variant]} (127.0.0.1:${BARE_PORT[$variant]}), ${BARE_JVM[*]} ${BARE_ARGS:-}"
done
# warm-up: the JIT compiles the hot paths of every proxy and the backend (a token each: they live 5 minutes)
for name in "${CONTENDERS[@]}"; do
  if [[ $name == nginx ]]; then warmup=10s; else warmup=${WARMUP:-30s}; fi
  TOKEN=$(token)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" -H "Authorization: Bearer $TOKEN" "$(url_of "$name")/api/v1/units/$UNIT" >/dev/null
done
printf '%-12s %10s %8s %10s %8s\n' proxy 'req/s' 'p99 ms' 'cpu ms/1k' non-2xx | tee "$WORK/runs.txt"
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)   # tokens live 5 minutes
  # each contender first in turn: round r starts at the r-th (with two, gateway first in odd rounds, nginx in even)
  for i in "${!CONTENDERS[@]}"; do
    run "${CONTENDERS[(i + round - 1) % ${#CONTENDERS[@]}]}"
  done | tee -a "$WORK/runs.txt"
done
awk 'NR > 1 { if (!($1 in n)) order[++names] = $1; n[$1]++; rps[$1] += $2; p99[$1] += $3; cpu[$1] += $4 }
  END {
    for (i = 1; i <= names; i++) {
      x = order[i]
      printf "mean     %-7s %.0f req/s, p99 %.1f ms, %.0f ms CPU per 1,000 requests\n", x, rps[x]/n[x], p99[x]/n[x], cpu[x]/n[x]
    }
    printf "ratio    gateway/nginx requests/s %.2f, CPU per request %.1fx\n", rps["gateway"]/rps["nginx"], cpu["gateway"]/cpu["nginx"]
    for (i = 1; i <= names; i++) {
      x = order[i]
      if (x ~ /^bare-/)
        printf "ratio    %s/nginx requests/s %.2f, CPU per request %.1fx (gateway/nginx %.2f; gateway/%s %.2f)\n", x,
          rps[x]/rps["nginx"], cpu[x]/cpu["nginx"], rps["gateway"]/rps["nginx"], x, rps["gateway"]/rps[x]
    }
  }' "$WORK/runs.txt"
