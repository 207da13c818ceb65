# Sourced by scripts/bench.sh and scripts/scale-test.sh: installs wrk, nginx and curl when
# missing (apt-get, as root), sets NGINX, builds the release binary and sets BIN.
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing: ${need[*]}" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "== building the release binary"
cargo build --release --quiet
BIN=target/release/yibao
