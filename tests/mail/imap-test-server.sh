#!/usr/bin/env bash
# A throw-away Dovecot on loopback for the mail tests (recipe: ../shared/notes/imap-test-server.md).
#   imap-test-server.sh start|stop|restart DIR      everything (config, maildirs, cert, log) in DIR
#   imap-test-server.sh kick DIR [USER]             drop logged-in sessions, server stays up
#   imap-test-server.sh pause|resume DIR            SIGSTOP/SIGCONT the whole server (a hung server)
# Ports from IMAP_PORT, IMAPS_PORT, LMTP_PORT (LMTP only when dovecot-lmtpd is installed).
# Users alice/alicepw and bob/bobpw.
# Never capture this script's children's output: the daemon keeps the caller's stderr open.
set -euo pipefail
cmd=${1:?start|stop|restart|kick}; dir=${2:?DIR}
port=${IMAP_PORT:-10143}; sport=${IMAPS_PORT:-10993}; lport=${LMTP_PORT:-10024}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
conf=$dir/dovecot.conf; pidf=$dir/run/master.pid

write_config() {
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  local uid gid extra="" protos="imap" lmtp=""
  if [ -x /usr/lib/dovecot/lmtp ]; then
    protos="imap lmtp"
    lmtp="service lmtp {
  inet_listener lmtp {
    port = $lport
  }
}"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    # root: Dovecot will not store mail as uid 0, so mail is owned by nobody
    uid=$(id -u nobody); gid=$(id -g nobody); chown "$uid:$gid" "$dir/mail"
  else
    uid=$(id -u); gid=$(id -g); local u; u=$(id -un); local g; g=$(id -gn)
    extra="default_internal_user = $u
default_internal_group = $g
default_login_user = $u
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
service auth-worker {
  user = $u
}"
  fi
  [ -f "$dir/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
      -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1
  cat > "$dir/users" <<EOF
alice:{PLAIN}alicepw:$uid:$gid::$dir/mail/alice::
bob:{PLAIN}bobpw:$uid:$gid::$dir/mail/bob::
EOF
  cat > "$conf" <<EOF
# Throw-away test instance; nothing is read from /etc/dovecot
base_dir = $dir/run
state_dir = $dir/state
instance_name = imaptest-$port
protocols = $protos
listen = 127.0.0.1
log_path = $dir/dovecot.log
ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_location = maildir:~/Maildir
first_valid_uid = 1
mail_max_userip_connections = 100
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%n $dir/users
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Trash {
    special_use = \\Trash
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    port = $port
  }
  inet_listener imaps {
    port = $sport
    ssl = yes
  }
}
$lmtp
$extra
EOF
}

wait_port() {  # $1 = want "up" or "down"
  for _ in $(seq 1 250); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then [ "$1" = up ] && return 0
    else [ "$1" = down ] && return 0; fi
    sleep 0.02
  done
  echo "port $port not $1 after 5s; see $dir/dovecot.log" >&2; return 1
}

stop() {
  [ -f "$pidf" ] || return 0
  local pg; pg=$(cat "$pidf")
  # The whole process group: master + imap/login/auth children. `dovecot stop`
  # alone leaves logged-in imap sessions running.
  kill -TERM -- "-$pg" 2>/dev/null || true
  wait_port down; rm -f "$pidf"
}

case $cmd in
  start)   write_config; dovecot -c "$conf" </dev/null >>"$dir/dovecot.stderr" 2>&1; wait_port up ;;
  stop)    stop ;;
  restart) stop; dovecot -c "$conf" </dev/null >>"$dir/dovecot.stderr" 2>&1; wait_port up ;;
  kick)    doveadm -c "$conf" kick "${3:-*}" </dev/null >/dev/null 2>&1 || true ;;
  pause)   kill -STOP -- "-$(cat "$pidf")" ;;
  resume)  kill -CONT -- "-$(cat "$pidf")" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
