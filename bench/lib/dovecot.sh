# Throwaway Dovecot (IMAP + POP3) for benchmarks (sourced). See ../shared/notes/peers.md.
# dc_setup DIR IMAP_PORT POP3_PORT USER DOMAIN PASSWORD ; dc_load_maildir DIR CORPUS_DIR ; dc_start DIR ; dc_stop DIR
dc_install() {
  if ! command -v dovecot >/dev/null || [[ ! -x /usr/lib/dovecot/pop3 ]]; then
    echo "installing dovecot from apt..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd dovecot-pop3d >/dev/null
  fi
}

dc_setup() {
  local dir=$1 imap=$2 pop3=$3 user=$4 domain=$5 pass=$6
  rm -rf "$dir"; mkdir -p "$dir/base" "$dir/state" "$dir/mail"
  chmod 755 "$dir"
  echo "$user@$domain:{PLAIN}$pass:$(id -u dovenull):$(id -g dovenull)::$dir/home/$user" > "$dir/passwd"
  cat > "$dir/dovecot.conf" <<CONF
protocols = imap pop3
listen = 127.0.0.1
base_dir = $dir/base
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$dir/mail/%d/%n
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/passwd
}
service imap-login {
  inet_listener imap {
    port = $imap
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = $pop3
  }
  inet_listener pop3s {
    port = 0
  }
}
mail_fsync = always
first_valid_uid = 1
protocol imap {
  mail_max_userip_connections = 100
}
CONF
}

# Copies the corpus into the user's Maildir/cur (seen flag off), owned by the mail uid.
dc_load_maildir() {
  local dir=$1 corpus=$2 user=$3 domain=$4
  local md="$dir/mail/$domain/$user"
  mkdir -p "$md/cur" "$md/new" "$md/tmp"
  python3 - "$corpus" "$md/cur" <<'PY'
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for i, f in enumerate(sorted(n for n in os.listdir(src) if n.endswith(".eml")), 1):
    p = os.path.join(src, f)
    shutil.copyfile(p, os.path.join(dst, "1700000000.M%dP1.bench,S=%d:2," % (i, os.path.getsize(p))))
PY
  chown -R dovenull:dovenull "$dir/mail"
}

dc_start() {
  dovecot -c "$1/dovecot.conf"
  for _ in $(seq 1 50); do [[ -f "$1/base/master.pid" ]] && return 0; sleep 0.1; done
  echo "dovecot did not start:" >&2; tail -5 "$1/dovecot.log" >&2; return 1
}

dc_stop() {
  local pid; pid=$(cat "$1/base/master.pid" 2>/dev/null || true)
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}
