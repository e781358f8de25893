#!/usr/bin/env bash
# Creates or updates props-ops' alert policies and dashboard (deployment/monitoring/) with gcloud.
#
#   deployment/apply-monitoring.sh [--dry-run] --notification-channels CHANNELS | --no-notification-channels
#
#   --notification-channels CHANNELS  comma-separated channel ids or names (projects/P/notificationChannels/ID)
#                                     that every policy notifies; `gcloud beta monitoring channels list` shows them
#   --no-notification-channels        policies open incidents but notify nobody (say it: an update replaces the
#                                     channels a policy had)
#   --dry-run                         print the commands and the rendered files instead of running them
#
# Idempotent: a policy is found by its displayName and updated in place (same id, same incidents), else
# created; the dashboard has the fixed id props-ops and is updated with its current etag, else created.
# Environment: PROJECT_ID (default: $GOOGLE_CLOUD_PROJECT, then `gcloud config get-value project`).
# Needs roles/monitoring.editor (policies and dashboards) on the project.
set -euo pipefail

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

dry_run=false
channels=
channels_given=false
while [ $# -gt 0 ]; do
  case $1 in
    --dry-run) dry_run=true ;;
    --notification-channels)
      [ $# -ge 2 ] || usage
      channels=$2
      channels_given=true
      shift
      ;;
    --notification-channels=*) channels=${1#*=}; channels_given=true ;;
    --no-notification-channels) channels=; channels_given=true ;;
    -h | --help) usage ;;
    *) echo "error: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done
if ! $channels_given; then
  echo "error: say which notification channels the policies notify" >&2
  echo "  fix: pass --notification-channels ID[,ID...] (see: gcloud beta monitoring channels list), or --no-notification-channels" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/deployment/monitoring"
# shellcheck source=deployment/project.sh
. "$root/deployment/project.sh"
project=$(resolve_project "$dry_run") || exit 2
if ! $dry_run && ! command -v gcloud >/dev/null 2>&1; then
  echo "error: gcloud is not installed" >&2
  echo "  fix: install the Google Cloud SDK, or use --dry-run to see the commands" >&2
  exit 1
fi

# the channels as a JSON list of full names
json_channels=
IFS=',' read -r -a channel_list <<<"$channels"
for c in "${channel_list[@]}"; do
  c=${c// /}
  [ -n "$c" ] || continue
  case $c in
    projects/*/notificationChannels/*) ;;
    */*) echo "error: '$c' is not a notification channel id or name" >&2; exit 2 ;;
    *) c="projects/$project/notificationChannels/$c" ;;
  esac
  json_channels="$json_channels${json_channels:+, }\"$c\""
done

work=$(mktemp -d "${TMPDIR:-/tmp}/props-ops-monitoring.XXXXXX")
trap 'rm -rf "$work"' EXIT

run() {
  if $dry_run; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# the file with fields put in front of its first line's "{" (the files are checked to start with one)
render() {
  local file=$1 fields=$2 out=$3
  sed "1s|^{\$|{ $fields|" "$file" >"$out"
}

for policy in "$dir"/*.policy.json; do
  name=$(basename "$policy" .policy.json)
  display=$(sed -n 's/^  "displayName": "\(.*\)",$/\1/p' "$policy" | head -n 1)
  if [ -z "$display" ]; then
    echo "error: ${policy#"$root"/} has no top-level displayName" >&2
    exit 1
  fi
  rendered="$work/$name.policy.json"
  render "$policy" "\"notificationChannels\": [$json_channels]," "$rendered"
  existing=
  if ! $dry_run; then
    existing=$(gcloud monitoring policies list --project "$project" --filter "displayName=\"$display\"" \
      --format 'value(name)')
  fi
  if [ "$(printf '%s\n' "$existing" | grep -c .)" -gt 1 ]; then
    echo "error: more than one policy is named '$display' in $project: $existing" >&2
    echo "  fix: delete the duplicates (gcloud monitoring policies delete NAME), then run this again" >&2
    exit 1
  fi
  echo "== policy '$display'" >&2
  if $dry_run; then
    echo "--- ${policy#"$root"/} as sent ---"
    cat "$rendered"
    run gcloud monitoring policies list --project "$project" --filter "displayName=\"$display\"" --format 'value(name)'
    echo "# then, if it exists:"
    run gcloud monitoring policies update POLICY_NAME --project "$project" --policy-from-file "$rendered"
    echo "# else:"
    run gcloud monitoring policies create --project "$project" --policy-from-file "$rendered"
  elif [ -n "$existing" ]; then
    run gcloud monitoring policies update "$existing" --project "$project" --policy-from-file "$rendered" >/dev/null
    echo "   updated $existing" >&2
  else
    run gcloud monitoring policies create --project "$project" --policy-from-file "$rendered" >/dev/null
    echo "   created" >&2
  fi
done

for dashboard in "$dir"/*.dashboard.json; do
  id=$(basename "$dashboard" .dashboard.json)
  rendered="$work/$id.dashboard.json"
  etag=
  if ! $dry_run; then
    etag=$(gcloud monitoring dashboards describe "$id" --project "$project" --format 'value(etag)' 2>/dev/null || true)
  fi
  echo "== dashboard $id" >&2
  if $dry_run; then
    render "$dashboard" "\"name\": \"projects/$project/dashboards/$id\"," "$rendered"
    echo "--- ${dashboard#"$root"/} as sent ---"
    cat "$rendered"
    run gcloud monitoring dashboards describe "$id" --project "$project" --format 'value(etag)'
    echo "# then, if it exists (with its etag in the file):"
    run gcloud monitoring dashboards update "$id" --project "$project" --config-from-file "$rendered"
    echo "# else:"
    run gcloud monitoring dashboards create --project "$project" --config-from-file "$rendered"
  elif [ -n "$etag" ]; then
    render "$dashboard" "\"name\": \"projects/$project/dashboards/$id\", \"etag\": \"$etag\"," "$rendered"
    run gcloud monitoring dashboards update "$id" --project "$project" --config-from-file "$rendered" >/dev/null
    echo "   updated" >&2
  else
    render "$dashboard" "\"name\": \"projects/$project/dashboards/$id\"," "$rendered"
    run gcloud monitoring dashboards create --project "$project" --config-from-file "$rendered" >/dev/null
    echo "   created" >&2
  fi
done
if $dry_run; then
  echo "== dry run: nothing was created or changed" >&2
elif [ -z "$json_channels" ]; then
  echo "== applied; the policies notify nobody (--no-notification-channels)" >&2
else
  echo "== applied to $project" >&2
fi
