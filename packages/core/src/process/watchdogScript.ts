/**
 * The watchdog, in POSIX `sh` (measured with dash: 0.4 MB PSS, 124 kB
 * private; RSS 1.8 MB counts shared libc pages; 0.7 % of a core at a 200 ms
 * poll, mostly forking `sleep`), run as
 * `/bin/sh -c WATCHDOG_SCRIPT sh RUN_ID OWNER_PID OWNER_START_TICKS REGISTRY_FILE POLL_SECONDS [CGROUP]`.
 *
 * Loop: while the owner lives (pid present, not a zombie, same start time in
 * `/proc/PID/stat` field 22) and the registry file exists, sleep. The file
 * gone (after it was seen) means the run ended cleanly: exit 0. The owner gone
 * means nobody will clean up: SIGTERM (+SIGCONT) every process whose
 * environment holds exactly `SNAKEPIT_RUN_ID=<run id>` and
 * `SNAKEPIT_OWNER_PID=<owner pid>`, and its group when it
 * leads one; after 0.5 s SIGKILL what is left, and the groups seen before;
 * exit. With the run's cgroup given, the SIGKILL round also writes its
 * `cgroup.kill` (everything forked inside, `setsid` escapees included) and
 * the emptied cgroups are removed. The registry file is left for the reaper,
 * which also removes the run's socket directory.
 *
 * Matching on the environment, not on pids, means a pid reused by another
 * process is never signalled, and children that left the worker's group with
 * `setsid` are still found (they inherit the variables). Needs procfs; uses
 * `grep -z` where grep has it (GNU, recent busybox), else `tr` per process.
 */
export const WATCHDOG_SCRIPT = `
run_id=$1 owner=$2 owner_start=$3 file=$4 poll=$5 cgroup=$6
# Refuse bad arguments: an empty pid would read /proc//stat, i.e. /proc/stat.
case $owner in '' | 0 | *[!0-9]*) exit 2 ;; esac
case $owner_start in '' | *[!0-9]*) exit 2 ;; esac
[ -n "$run_id" ] && [ -n "$file" ] || exit 2
entry="SNAKEPIT_RUN_ID=$run_id" owner_entry="SNAKEPIT_OWNER_PID=$owner"

# Sets st (state), pg (process group) and start (field 22) from /proc/$1/stat.
# comm (field 2) may contain ") ", so fields are taken after the LAST ") ".
read_stat() {
  { read -r line < "/proc/$1/stat"; } 2>/dev/null || return 1
  set -- \${line##*") "}
  st=$1 pg=$3 start=\${20}
}

owner_alive() {
  read_stat "$owner" && [ "$st" != Z ] && [ "$st" != X ] && [ "$start" = "$owner_start" ]
}

# Prints the environ files holding exactly $entry and $owner_entry (records
# are NUL-separated). The owner pid too: a run id reused by a live run must
# not make this one kill its processes.
list_run() {
  if [ "$zgrep" = 1 ]; then
    files=$(grep -lzxF -e "$entry" /proc/[0-9]*/environ 2>/dev/null)
    [ -n "$files" ] && grep -lzxF -e "$owner_entry" $files 2>/dev/null
  else
    for f in /proc/[0-9]*/environ; do
      tr '\\0' '\\n' 2>/dev/null < "$f" | grep -qxF -e "$entry" &&
        tr '\\0' '\\n' 2>/dev/null < "$f" | grep -qxF -e "$owner_entry" && echo "$f"
    done
  fi
}

# Signals every listed process, and its group when it leads one.
signal_run() {
  for f in $(list_run); do
    pid=\${f#/proc/} pid=\${pid%/environ}
    [ "$pid" = "$$" ] && continue
    read_stat "$pid" || continue
    if [ "$pg" = "$pid" ]; then
      kill -s "$1" -- "-$pid" 2>/dev/null
      [ "$1" = TERM ] && { kill -s CONT -- "-$pid" 2>/dev/null; groups="$groups $pid:$start"; }
    fi
    kill -s "$1" "$pid" 2>/dev/null
    [ "$1" = TERM ] && kill -s CONT "$pid" 2>/dev/null
  done
}

# SIGKILLs the groups seen at SIGTERM time whose leader exited meanwhile,
# unless the leader's pid now names another process.
kill_groups() {
  for g in $groups; do
    if read_stat "\${g%:*}" && [ "$start" != "\${g#*:}" ]; then continue; fi
    kill -s KILL -- "-\${g%:*}" 2>/dev/null
  done
}

sleep "$poll" 2>/dev/null || poll=1
seen=0
while :; do
  if [ -e "$file" ]; then seen=1; elif [ "$seen" = 1 ]; then exit 0; fi
  owner_alive || break
  sleep "$poll"
done

zgrep=0
printf 'a\\0' | grep -qzxF a 2>/dev/null && zgrep=1
groups=
signal_run TERM
sleep 0.5 2>/dev/null || sleep 1
signal_run KILL
kill_groups
if [ -n "$cgroup" ] && [ -e "$cgroup/cgroup.kill" ]; then
  echo 1 > "$cgroup/cgroup.kill"
  # Killed processes take a moment to leave: retry the removal for ~1 s.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    for d in "$cgroup"/*/; do [ -d "$d" ] && rmdir "$d" 2>/dev/null; done
    rmdir "$cgroup" 2>/dev/null && break
    sleep 0.1 2>/dev/null || sleep 1
  done
fi
exit 0
`;
