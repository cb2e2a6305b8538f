#!/usr/bin/env bash
# deploy.sh - build the site and push it to the server
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${BUILD_DIR:-$SCRIPT_DIR/_site}"
REMOTE_HOST=${REMOTE_HOST:-deploy@example.com}
REMOTE_PATH='/var/www/blog'
VERBOSE=0
declare -a EXCLUDES=(".git" "node_modules" "*.tmp")

usage() {
  cat <<EOF
Usage: $(basename "$0") [-v] [-n] <environment>

Options:
  -v    verbose output
  -n    dry run, show what would be copied
EOF
  exit 1
}

log() {
  local level=$1; shift
  printf '[%s] %-5s %s\n' "$(date +%H:%M:%S)" "$level" "$*" >&2
}

die() {
  log ERROR "$@"
  exit 2
}

DRY_RUN=""
while getopts ":vn" opt; do
  case "$opt" in
    v) VERBOSE=$((VERBOSE + 1)) ;;
    n) DRY_RUN="--dry-run" ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))

[[ $# -eq 1 ]] || usage
ENVIRONMENT=$1

if [[ "$ENVIRONMENT" != "staging" && "$ENVIRONMENT" != "production" ]]; then
  die "unknown environment: $ENVIRONMENT"
fi

command -v bundle >/dev/null 2>&1 || die "bundler is not installed"

log INFO "building for $ENVIRONMENT"
JEKYLL_ENV=$ENVIRONMENT bundle exec jekyll build --destination "$BUILD_DIR"

count=0
for file in "$BUILD_DIR"/*.html; do
  if grep -q 'TODO' "$file"; then
    echo "warning: $file still has a TODO" >&2
    count=$((count + 1))
  fi
done
(( count > 0 )) && log WARN "$count pages with TODOs"

total=$(find "$BUILD_DIR" -type f | wc -l)
size=`du -sh "$BUILD_DIR" | cut -f1`
log INFO "$total files, $size"

rsync_args=(-az --delete $DRY_RUN)
for pattern in "${EXCLUDES[@]}"; do
  rsync_args+=(--exclude "$pattern")
done
if [ "$VERBOSE" -gt 0 ]; then
  rsync_args+=(-v)
fi

rsync "${rsync_args[@]}" "$BUILD_DIR/" "$REMOTE_HOST:$REMOTE_PATH/$ENVIRONMENT" \
  || die "rsync failed with status $?"

ssh "$REMOTE_HOST" <<'REMOTE'
  sudo systemctl reload nginx
  echo "reloaded at $(date)"
REMOTE

trap 'rm -f /tmp/deploy.lock' EXIT
touch /tmp/deploy.lock
echo -e "\033[32mDeployed ${ENVIRONMENT} successfully\033[0m"
export LAST_DEPLOY=$(date -u +"%Y-%m-%dT%H:%M:%SZ")
echo "$LAST_DEPLOY" > "${BUILD_DIR%/}/.last-deploy"
until ping -c1 example.com &>/dev/null; do sleep 1; done
function cleanup {
  source ~/.bashrc
  . ./env.sh
  return 0
}
