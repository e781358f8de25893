#!/usr/bin/env bash
# Builds, pushes and deploys one props-ops job, then creates or updates its Cloud Scheduler trigger.
#
#   deployment/deploy-job.sh [--dry-run] <sport> <job>
#
#   <sport>  platform (the heartbeat jobs, log-triage and infra-audit), nba or mlb
#   <job>    heartbeat-cleanup, heartbeat-monitor, log-triage, infra-audit, drift-check or staging-prune
#   --dry-run  print the commands (and the rendered job spec) instead of running them
#
# Environment: PROJECT_ID (default: $GOOGLE_CLOUD_PROJECT, then `gcloud config get-value project`),
# REGION (default us-west2), IMAGE_TAG (default: the git commit), REPOSITORY (Artifact Registry
# repository, default props-ops), SCHEDULER_SA (default props-ops-scheduler@$PROJECT_ID.iam.gserviceaccount.com).
set -euo pipefail

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

dry_run=false
if [ "${1:-}" = "--dry-run" ]; then dry_run=true; shift; fi
[ $# -eq 2 ] || usage
sport=$1
job=$2

root=$(cd "$(dirname "$0")/.." && pwd)
dockerfile="deployment/dockerfiles/$sport/Dockerfile.$job"
job_spec="$root/deployment/cloudrun/$sport/$job.job.yaml"
trigger="$root/deployment/cloudrun/$sport/$job.trigger.yaml"
for f in "$root/$dockerfile" "$job_spec" "$trigger"; do
  if [ ! -f "$f" ]; then
    echo "error: no ${f#"$root"/} for sport '$sport' and job '$job'" >&2
    echo "  fix: pick one of: $(cd "$root/deployment/dockerfiles" && find . -name 'Dockerfile.*' | sed 's#^\./##; s#/Dockerfile\.# #' | sort | paste -sd, -)" >&2
    exit 2
  fi
done

# shellcheck source=deployment/project.sh
. "$root/deployment/project.sh"
project=$(resolve_project "$dry_run") || exit 2
region=${REGION:-us-west2}
repository=${REPOSITORY:-props-ops}
tag=${IMAGE_TAG:-$(git -C "$root" rev-parse --short=10 HEAD 2>/dev/null || echo latest)}
scheduler_sa=${SCHEDULER_SA:-props-ops-scheduler@$project.iam.gserviceaccount.com}
name="props-ops-$sport-$job"
image="$region-docker.pkg.dev/$project/$repository/$name:$tag"

# one flat "key: value" line of the trigger file
trigger_value() {
  sed -n "s/^$1: *//p" "$trigger" | sed 's/^"\(.*\)"$/\1/'
}
schedule=$(trigger_value schedule)
time_zone=$(trigger_value timeZone)

rendered=$(mktemp "${TMPDIR:-/tmp}/$name.XXXXXX.yaml")
trap 'rm -f "$rendered"' EXIT
sed -e "s|\${PROJECT_ID}|$project|g" -e "s|\${REGION}|$region|g" -e "s|\${IMAGE_TAG}|$tag|g" "$job_spec" >"$rendered"

run() {
  if $dry_run; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

echo "== $name: image $image" >&2
cd "$root"
run docker build -f "$dockerfile" --build-arg "GIT_COMMIT=$tag" -t "$image" .
run docker push "$image"
if $dry_run; then
  echo "--- rendered job spec ---"
  cat "$rendered"
  echo "---"
fi
run gcloud run jobs replace "$rendered" --region "$region" --project "$project"

uri="https://run.googleapis.com/v2/projects/$project/locations/$region/jobs/$name:run"
trigger_args=(--location "$region" --project "$project" --schedule "$schedule" --time-zone "$time_zone"
  --uri "$uri" --http-method POST --oauth-service-account-email "$scheduler_sa"
  --oauth-token-scope "https://www.googleapis.com/auth/cloud-platform")
if ! $dry_run && gcloud scheduler jobs describe "$name-trigger" --location "$region" --project "$project" >/dev/null 2>&1; then
  run gcloud scheduler jobs update http "$name-trigger" "${trigger_args[@]}"
else
  run gcloud scheduler jobs create http "$name-trigger" "${trigger_args[@]}"
fi
if $dry_run; then
  echo "== dry run: nothing was built, pushed or deployed" >&2
else
  echo "== $name deployed; run it now with: gcloud run jobs execute $name --region $region --project $project" >&2
fi
