# Sourced by ./varsel and bench/run: a JVM they start runs from a private copy of the project's own classes and jars,
# so a later build (by the next launch, `mvn package`, `mvn verify` or `mvn clean`) cannot rewrite or delete a class
# under it: a running bench or replay used to die of NoClassDefFoundError or read a half-written jar.
#
#   copy_lock NAME                       before the build: one launcher (of any NAME) builds and copies at a time
#   copy_classpath NAME CLASSES CPFILE   after it: COPY_CP = the copy's classpath (CLASSES and every entry of CPFILE
#                                        inside the project, copied; ~/.m2 entries are never rewritten and stay),
#                                        held with a shared lock until the JVM ends; copies no JVM holds are removed
#
# Copies live in .varsel/run/NAME/<fingerprint>/, outside target/ so that `mvn clean` cannot reach them; a launch
# whose build changed nothing reuses the copy of the launch before.

copy_lock() {
  COPY_RUNS="$ROOT/.varsel/run/$1"
  mkdir -p "$COPY_RUNS"
  exec 8>"$ROOT/.varsel/run/.build-lock"
  if ! flock -n -x 8; then
    echo "waiting for another launcher of this project to finish its build ..." >&2
    flock -x 8
  fi
}

copy_fingerprint() {
  local classes="$1" cpfile="$2" entry
  {
    cat "$cpfile"
    (cd "$classes" && find . -type f -printf '%p %s %T@\n' | sort)
    tr ':' '\n' <"$cpfile" | while IFS= read -r entry || [ -n "$entry" ]; do
      case "$entry" in "$ROOT"/*) stat -c '%n %s %.Y' "$entry" ;; esac
    done
  } | sha1sum | cut -c1-16
}

copy_classpath() {
  local name="$1" classes="$2" cpfile="$3" fingerprint copy entry jar n=0
  fingerprint="$(copy_fingerprint "$classes" "$cpfile")"
  copy="$COPY_RUNS/$fingerprint"
  if [ ! -f "$copy/classpath" ]; then
    local making="$COPY_RUNS/.making.$$"
    rm -rf "$making"
    mkdir -p "$making/lib"
    cp -R "$classes" "$making/classes"
    local cp="$copy/classes"
    while IFS= read -r entry || [ -n "$entry" ]; do
      case "$entry" in
        "$ROOT"/*)
          n=$((n + 1))
          jar="$making/lib/$n-$(basename "$entry")"
          cp -R "$entry" "$jar"
          cp="$cp:$copy/lib/$(basename "$jar")"
          ;;
        ?*) cp="$cp:$entry" ;;
      esac
    done < <(tr ':' '\n' <"$cpfile")
    printf '%s' "$cp" >"$making/classpath"
    mv "$making" "$copy"
  fi
  rm -rf "$COPY_RUNS"/.making.* # left by a launch killed while copying; none is being made now (we hold the lock)
  # fd 9 stays open in the JVM that `exec` starts: the shared lock lasts exactly as long as that JVM
  exec 9<"$copy/classpath"
  flock -s 9
  local other
  for other in "$COPY_RUNS"/*/; do
    other="${other%/}"
    [ "$other" = "$copy" ] || [ ! -f "$other/classpath" ] && continue
    flock -n -x "$other/classpath" rm -rf "$other" || true
  done
  exec 8>&-
  COPY_CP="$(cat "$copy/classpath")"
}
