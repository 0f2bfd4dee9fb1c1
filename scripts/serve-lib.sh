# Shared by the scripts that start the debug server: a free loopback port, and a wait that
# checks the server answering on it is the process the script started (other servers run on
# these machines). Source it: `. scripts/serve-lib.sh`.

# Prints a loopback port that is free now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for_server PID PORT LOG: waits until healthz answers on PORT, then checks that PID is
# alive and that it (or a process it started) owns the listening socket.
wait_for_server() {
  local pid=$1 port=$2 log=$3
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "server exited before answering"; return 1; }
    curl -fsS "http://127.0.0.1:$port/api/v1/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/api/v1/healthz" | grep -q '"ok"' || { cat "$log"; echo "server did not come up"; return 1; }
  python3 - "$pid" "$port" <<'PY' || { echo "port $port is answered by another process than $pid"; return 1; }
import os, sys
pid, port = sys.argv[1], int(sys.argv[2])
listening = set()
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        rows = open(table).read().splitlines()[1:]
    except OSError:
        continue
    for row in rows:
        fields = row.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
            listening.add(fields[9])
parents = {}
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            parents[entry] = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1]
        except OSError:
            pass
family, grew = {pid}, True
while grew:
    more = {child for child, parent in parents.items() if parent in family} - family
    grew = bool(more)
    family |= more
owned = set()
for member in family:
    try:
        fds = os.listdir(f"/proc/{member}/fd")
    except OSError:
        continue
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{member}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            owned.add(target[8:-1])
sys.exit(0 if listening & owned else 1)
PY
}
