#!/usr/bin/env bash
# Runs two copies of the site behind nginx (the configuration of README "Running more than one
# copy"), puts load through nginx for 20 s while each copy in turn is sent SIGTERM and started
# again (a rolling restart), and reports failed requests (must be 0), throughput through the
# proxy, and that cacheable responses come from nginx's cache with the right headers.
# Not part of the tests. Loopback only.
#
#   scripts/scale-test.sh
#
# Needs wrk, nginx (Debian: wrk, nginx-light) and curl; installs them with apt-get as root.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNS=${CONNS:-64}
A=${PORT_A:-18191}
B=${PORT_B:-18192}
PROXY=${PROXY_PORT:-18190}
WORK=$(mktemp -d)
cleanup() {
  kill "${PID_A:-}" "${PID_B:-}" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=scripts/load-tools.sh
source scripts/load-tools.sh

start_copy() { # port data-dir -> prints pid; waits until it answers
  "$BIN" --addr "127.0.0.1:$1" --data "$WORK/$2" --workers 1 >>"$WORK/$2.log" 2>&1 &
  local pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$1/healthz" 2>/dev/null; do sleep 0.01; done
  echo "$pid"
}

PID_A=$(start_copy "$A" a)
PID_B=$(start_copy "$B" b)

# The configuration README.md shows, with this run's ports and paths.
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"  # the workers must write the cache under \$WORK
cat >"$WORK/nginx.conf" <<EOF
$USER_LINE
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  proxy_cache_path $WORK/cache levels=1:2 keys_zone=yibao:10m max_size=200m inactive=1h;
  proxy_temp_path $WORK/proxy-temp;
  client_body_temp_path $WORK/body-temp;
  upstream yibao {
    server 127.0.0.1:$A max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$B max_fails=1 fail_timeout=2s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PROXY;
    location / {
      proxy_pass http://yibao;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # A copy that is stopping refuses new connections: try the other one. GET and HEAD
      # are safe to retry; the site has no other methods.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      # Our Cache-Control, ETag and Vary decide what may be kept.
      proxy_cache yibao;
      proxy_cache_revalidate on;
      proxy_cache_use_stale error timeout updating;
      add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null
sleep 0.3

echo
echo "== nginx's cache"
css=$(curl -fsS "http://127.0.0.1:$PROXY/" | grep -o '/static/[^"]*\.css' | head -1)
curl -fsS -o /dev/null "http://127.0.0.1:$PROXY$css"
status=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PROXY$css" | tr -d '\r')
echo "$status" | grep -iE '^(x-cache-status|cache-control|vary|etag):' | sed 's/^/  /'
if echo "$status" | grep -qi '^x-cache-status: HIT'; then
  echo "ok: the immutable stylesheet is served from nginx's cache"
else
  echo "MISS: the stylesheet was not served from the cache"
fi
page=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PROXY/guides/overview" | tr -d '\r')
echo "$page" | grep -iE '^(x-cache-status|cache-control|vary):' | sed 's/^/  /'
echo "  (HTML is no-cache and varies by the 大字模式 cookie: nginx does not keep it, and must not)"

echo
echo "== ${DURATION}s of load through nginx, $CONNS connections; rolling restart of both copies"
cat >"$WORK/mixed.lua" <<'EOF'
local paths = {"/", "/guides/", "/guides/overview", "/faq/", "/faq/c-how-long-transfer-takes",
  "/search?q=%E9%80%80%E4%BC%91", "/plan/scheme", "/about"}
local i = 0
request = function()
  i = i + 1
  if i % 5 == 0 then
    return wrk.format("GET", "/search?q=%E5%8C%BB%E4%BF%9D%20" .. i)
  end
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$WORK/mixed.lua" "http://127.0.0.1:$PROXY" >"$WORK/wrk.txt" 2>&1 &
LOAD=$!
restart() { # name port pid -> sets NEW_PID; SIGTERM, wait for the exit, start again
  local t0 t1
  t0=$(date +%s%N)
  kill -TERM "$3"
  while kill -0 "$3" 2>/dev/null; do sleep 0.01; done
  NEW_PID=$(start_copy "$2" "$1")
  t1=$(date +%s%N)
  echo "  copy $1: SIGTERM, exit, started again and answering in $(( (t1 - t0) / 1000000 )) ms"
}
sleep $((DURATION / 4))
restart a "$A" "$PID_A"; PID_A=$NEW_PID
sleep $((DURATION / 4))
restart b "$B" "$PID_B"; PID_B=$NEW_PID
wait $LOAD
grep -E "requests in|Requests/sec|99%|Non-2xx|Socket errors" "$WORK/wrk.txt" | sed 's/^/  /'
non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
sockerr=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' "$WORK/wrk.txt")
failed=$(( ${non2xx:-0} + ${sockerr:-0} ))
echo "failed requests during the rolling restart: $failed (want 0)"
[ "$failed" = 0 ] && echo "ok" || { echo "MISS"; exit 1; }
