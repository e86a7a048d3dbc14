# Throwaway Postfix instance for benchmarks (sourced by bench scripts). See ../shared/notes/peers.md.
# pf_setup DIR PORT DOMAIN USER : config in DIR/etc, queue in DIR/queue, Maildir under DIR/mail.
pf_install() {
  if ! command -v postfix >/dev/null || [[ ! -x /usr/sbin/smtp-source ]]; then
    echo "installing postfix from apt..." >&2
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    apt-get update -qq && apt-get install -y -qq postfix >/dev/null
  fi
}

pf_setup() {
  local dir=$1 port=$2 domain=$3 user=$4
  rm -rf "$dir"; mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$dir/mail" "$dir/log"
  chmod 755 "$dir" "$dir/.." 2>/dev/null || true
  cp /etc/postfix/master.cf "$dir/etc/master.cf"
  sed -i "s/^smtp      inet  n       -       y       -       -       smtpd/127.0.0.1:$port inet n - n - - smtpd/" "$dir/etc/master.cf"
  # chroot off everywhere: the throwaway queue is not set up as a chroot jail.
  sed -i -E 's/^([a-z0-9.:]+ +[a-z-]+ +[-yn] +[-yn] +)y /\1n /' "$dir/etc/master.cf"
  local uid gid; uid=$(id -u postfix); gid=$(id -g postfix)
  cat > "$dir/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = $dir/etc
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = peer.bench.test
mydomain = bench.test
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
virtual_mailbox_domains = $domain
virtual_mailbox_base = $dir/mail
virtual_mailbox_maps = inline:{ {$user@$domain=$domain/$user/} }
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_mailbox_limit = 0
message_size_limit = 10240000
maillog_file = $dir/log/postfix.log
maillog_file_prefixes = $dir/log
alias_maps =
alias_database =
biff = no
CF
  cp /etc/postfix/postfix-files "$dir/etc/" 2>/dev/null || true
  cp -r /etc/postfix/postfix-files.d "$dir/etc/" 2>/dev/null || true
  cp /etc/postfix/dynamicmaps.cf "$dir/etc/" 2>/dev/null || true
  cp -r /etc/postfix/dynamicmaps.cf.d "$dir/etc/" 2>/dev/null || true
  chown -R postfix:postfix "$dir/data" "$dir/mail" "$dir/log"
  postfix -c "$dir/etc" set-permissions >/dev/null 2>&1 || true
  chown root "$dir/queue" "$dir/queue/pid" 2>/dev/null || true
  postfix -c "$dir/etc" check 2>&1 | grep -v 'warning: group or other writable' >&2 || true
}

pf_start() {
  local dir=$1
  script -qc "postfix -c $dir/etc start" /dev/null >&2
}

pf_stop() {
  local dir=$1
  script -qc "postfix -c $dir/etc stop" /dev/null >/dev/null 2>&1 || true
  local pid; pid=$(cat "$dir/queue/pid/master.pid" 2>/dev/null | tr -d ' ' || true)
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
}

# pf_count DIR DOMAIN USER: messages delivered into the Maildir
pf_count() {
  { find "$1/mail/$2/$3/new" "$1/mail/$2/$3/cur" -type f 2>/dev/null || true; } | wc -l
}
