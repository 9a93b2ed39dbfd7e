#!/usr/bin/env bash
# Follows deploy/README.md on this machine, in a temporary folder instead of /opt, /var/lib and /etc:
# publish, run the site with the unit's Environment= lines (as an unprivileged user when run as root),
# nginx in front with deploy/nginx/publicitysite.conf and a self-signed certificate, then sign in through nginx.
#   bash deploy/test-deploy.sh      prints each step and ends with "deploy test passed", exit 0; otherwise exit 1
# Needs the .NET 10 SDK, nginx, openssl and curl. Everything it starts is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d /tmp/publicity-deploy.XXXXXX)
chmod 755 "$work"
app_pid=""
nginx_conf=""
cleanup() {
  [ -n "$nginx_conf" ] && nginx -p "$work/nginx" -c "$nginx_conf" -s stop 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; [ -f "$work/app.log" ] && tail -n 20 "$work/app.log" >&2; exit 1; }
free_port() { for p in $(shuf -i 20000-60000 -n 50); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }; done; }

opt="$work/opt/publicitysite"
data="$work/var/lib/publicitysite"
app_port=$(free_port); tls_port=$(free_port); plain_port=$(free_port)
password="Deploy-$(openssl rand -hex 6)"

echo "1. publish → $opt"
bash deploy/publish.sh "$opt" >"$work/publish.log" 2>&1 || { tail -n 20 "$work/publish.log"; fail "publish"; }

echo "2. install: data directory and secrets"
mkdir -p "$data"
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody:nogroup "$data"
  run_as=(runuser -u nobody --)
  echo "   the site runs as nobody (the unit's User=publicity)"
fi

echo "3. service: the unit's Environment= lines, paths and port moved into $work"
mapfile -t unit_env < <(grep '^Environment=' deploy/publicitysite.service | sed 's/^Environment=//; s/^"//; s/"$//' \
  | sed "s#/opt/publicitysite#$opt#g; s#/var/lib/publicitysite#$data#g; s#127.0.0.1:5000#127.0.0.1:$app_port#g")
site_env=(env -i PATH="$PATH" HOME="$data" "${unit_env[@]}" PUBLICITY_ADMIN_PASSWORD="$password")
(cd "$opt" && exec "${run_as[@]}" "${site_env[@]}" dotnet "$opt/PublicitySite.Web.dll") >"$work/app.log" 2>&1 &
app_pid=$!

echo "4. nginx: deploy/nginx/publicitysite.conf with a self-signed certificate"
mkdir -p "$work/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$work/nginx/privkey.pem" -out "$work/nginx/fullchain.pem" >/dev/null 2>&1
sed -e "s#127.0.0.1:5000#127.0.0.1:$app_port#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$tls_port ssl http2;#" \
    -e "s#listen 80;#listen 127.0.0.1:$plain_port;#" \
    -e '/\[::\]/d' \
    -e "s#/etc/ssl/publicitysite/#$work/nginx/#g" \
    -e "s#/opt/publicitysite/#$opt/#g" deploy/nginx/publicitysite.conf >"$work/nginx/site.conf"
nginx_conf="$work/nginx/nginx.conf"
cat >"$nginx_conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/site.conf;
}
CONF
nginx -t -p "$work/nginx" -c "$nginx_conf" 2>&1 | sed 's/^/   /'
nginx -p "$work/nginx" -c "$nginx_conf" || fail "nginx did not start"

echo "5. check: /healthz/ready through nginx, doctor with the unit's settings"
base="https://localhost:$tls_port"
ready=""
for _ in $(seq 1 300); do
  kill -0 "$app_pid" 2>/dev/null || fail "the site exited"
  if [ "$(curl -sk -o /dev/null -w '%{http_code}' "$base/healthz/ready")" = "200" ]; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "/healthz/ready never answered 200 through nginx"
echo "   /healthz/ready: 200"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$plain_port/")
echo "   http://…/ → $redirect"
[[ $redirect == 301\ https://* ]] || fail "plain HTTP does not redirect to HTTPS"
(cd "$opt" && "${run_as[@]}" "${site_env[@]}" dotnet "$opt/PublicitySite.Web.dll" doctor) 2>&1 | sed 's/^/   /' || fail "doctor found a problem"

echo "6. sign in as admin through nginx"
jar="$work/cookies"
login=$(curl -sk -c "$jar" -b "$jar" "$base/admin/login")
token=$(printf '%s' "$login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$token" ] || fail "no sign-in form at /admin/login"
answer=$(curl -sk -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode name=admin --data-urlencode "password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/admin/login")
echo "   POST /admin/login → $answer"
[[ $answer == 302\ https://localhost:$tls_port/admin ]] || fail "sign-in did not redirect to https://…/admin"
# Administrators must use two-step sign-in: the first sign-in leads to enrolment (the QR code page).
admin=$(curl -sk -b "$jar" -L -o "$work/admin.html" -w '%{http_code} %{url_effective}' "$base/admin")
echo "   GET /admin → $admin"
[[ $admin == "200 $base/admin/account/two-factor" ]] || fail "the admin did not lead to two-step enrolment after signing in"
grep -q 'data:image/png;base64' "$work/admin.html" || fail "the enrolment page shows no QR code"
address=$(grep -h '"auth.login"' "$data"/logs/security-*.json 2>/dev/null | tail -n 1 | sed -n 's/.*"Address":"\([^"]*\)".*/\1/p')
echo "   security log: auth.login from ${address:-?}"
echo "deploy test passed"
