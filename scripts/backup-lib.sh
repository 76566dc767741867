# Sourced by scripts/backup and scripts/restore: the database and the file store of a Carlo
# installation, as the server itself finds them (CARLO_DB_URL/USER/PASSWORD, the data directory).

carlo_backup_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# Sets MODE (embedded|postgres) and, for PostgreSQL, PG_URI (a libpq URI without the password) from CARLO_DB_URL.
carlo_backup_target() {
  local url="${CARLO_DB_URL:-}"
  if [ -z "$url" ]; then
    MODE=embedded
    H2_URL="jdbc:h2:file:$DATA/db/carlo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    return
  fi
  case "$url" in
    jdbc:postgresql://*) ;;
    *) carlo_backup_die "CARLO_DB_URL must be a jdbc:postgresql:// URL (or unset for the embedded database), not $url" ;;
  esac
  MODE=postgres
  local rest="${url#jdbc:postgresql://}"
  PG_URI="postgresql://${CARLO_DB_USER:+$CARLO_DB_USER@}$rest"
  export PGPASSWORD="${CARLO_DB_PASSWORD:-${PGPASSWORD:-}}"
  command -v pg_dump >/dev/null || carlo_backup_die "pg_dump not found: install the PostgreSQL client (apt-get install postgresql-client)"
}

# The H2 jar for the embedded database's dump tools: $CARLO_H2_JAR, or the one the build copied beside the CLI.
carlo_h2_jar() {
  local root="$1" jar="${CARLO_H2_JAR:-}"
  if [ -z "$jar" ]; then
    jar="$(ls "$root"/cli/target/lib/h2-*.jar 2>/dev/null | head -n 1)"
  fi
  [ -n "$jar" ] && [ -f "$jar" ] || carlo_backup_die "the H2 jar was not found: build Carlo first (./carlo --version) or set CARLO_H2_JAR"
  echo "$jar"
}
