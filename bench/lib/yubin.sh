# Helpers to run a throwaway Yubin for benchmarks (sourced by bench scripts).
# y_start DIR CONFIG_YAML_TEXT : writes DIR/yubin.yaml, starts `./yubin serve`, waits for its SMTP port.
y_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

y_start() {
  local dir=$1 yaml=$2 port=$3
  mkdir -p "$dir"
  printf '%s\n' "$yaml" > "$dir/yubin.yaml"
  YUBIN_JAVA_OPTS="${YUBIN_JAVA_OPTS:--Xmx512m}" "$(y_root)/yubin" serve --config "$dir/yubin.yaml" >"$dir/server.log" 2>&1 &
  Y_PID=$!
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$Y_PID" 2>/dev/null || { echo "yubin failed to start:" >&2; tail -20 "$dir/server.log" >&2; return 1; }
    sleep 0.1
  done
  echo "yubin did not open port $port" >&2; return 1
}

y_cli() { "$(y_root)/yubin" "$@"; }

# Peak resident set size of the server in MiB.
y_rss_peak_mib() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$Y_PID/status" 2>/dev/null || echo "?"; }

y_stop() {
  [[ -n "${Y_PID:-}" ]] || return 0
  kill "$Y_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$Y_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$Y_PID" 2>/dev/null || true
  Y_PID=
}
