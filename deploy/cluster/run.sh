#!/usr/bin/env bash
# Starts a throwaway cluster on loopback ports: PostgreSQL, Redis, N web nodes (default 2) sharing a media
# folder, and nginx with an upstream of the nodes. Prints the address, and stops everything on exit (Ctrl-C).
#   bash deploy/cluster/run.sh [--nodes N] [--keep DIR]
# Debian packages used: postgresql, redis-server, nginx (installed here when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/../.."
nodes=2
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --keep) work=$2; shift 2 ;;
    *) echo "unknown option $1 (use --nodes N, --keep DIR)" >&2; exit 2 ;;
  esac
done

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "missing: ${need[*]} (install them with apt-get)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

free_port() { for p in $(shuf -i 20000-60000 -n 200); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }; done; exit 1; }
[ -n "$work" ] || work=$(mktemp -d /tmp/publicity-cluster.XXXXXX)
mkdir -p "$work"
pids=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  echo "集群已停止（工作目录 $work）"
}
trap cleanup EXIT INT TERM

pg_port=$(free_port)
mkdir -p "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pg"
run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize no --logfile "$work/redis.log" &
pids+=($!)

dotnet build src/PublicitySite.Web -c Release -v q -nologo >/dev/null
dll=src/PublicitySite.Web/bin/Release/net10.0/PublicitySite.Web.dll
mkdir -p "$work/media"
upstream=""
for i in $(seq 1 "$nodes"); do
  port=$(free_port)
  mkdir -p "$work/node$i"
  Database__Provider=Postgres \
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  Cluster__Redis="127.0.0.1:$redis_port" \
  Publicity__DataDir="$work/node$i" \
  Media__Directory="$work/media" \
  ASPNETCORE_URLS="http://127.0.0.1:$port" \
  PUBLICITY_ADMIN_PASSWORD="${PUBLICITY_ADMIN_PASSWORD:-cluster-admin-1}" \
    dotnet "$dll" >"$work/node$i.log" 2>&1 &
  pids+=($!)
  upstream+="server 127.0.0.1:$port max_fails=1 fail_timeout=5s; "
  echo "节点 $i：http://127.0.0.1:$port（日志 $work/node$i.log）"
done

nginx_port=$(free_port)
mkdir -p "$work/nginx"
sed -e "s#@PREFIX@#$work/nginx#g" -e "s#@LISTEN@#$nginx_port#g" -e "s#@UPSTREAM@#$upstream#" \
  deploy/cluster/nginx.conf.template >"$work/nginx/nginx.conf"
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" -g "daemon off;" &
pids+=($!)

for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$nginx_port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "PostgreSQL 127.0.0.1:$pg_port  Redis 127.0.0.1:$redis_port"
echo "集群地址：http://127.0.0.1:$nginx_port  （管理员 admin，密码 ${PUBLICITY_ADMIN_PASSWORD:-cluster-admin-1}；Ctrl-C 停止）"
wait "${pids[0]}"
