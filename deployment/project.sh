# shellcheck shell=bash
# Sourced by the deployment scripts: which Google Cloud project they act on.
# resolve_project DRY_RUN prints PROJECT_ID, else GOOGLE_CLOUD_PROJECT, else gcloud's configured project;
# with none, a dry run goes on with the placeholder PROJECT_ID and a real run stops with exit 2.
resolve_project() {
  local dry_run=$1 project=${PROJECT_ID:-${GOOGLE_CLOUD_PROJECT:-}}
  if [ -z "$project" ] && command -v gcloud >/dev/null 2>&1; then
    project=$(gcloud config get-value project 2>/dev/null || true)
  fi
  if [ -z "$project" ]; then
    if $dry_run; then project=PROJECT_ID; else
      echo "error: no Google Cloud project" >&2
      echo "  fix: set PROJECT_ID (or GOOGLE_CLOUD_PROJECT), or run: gcloud config set project PROJECT" >&2
      exit 2
    fi
  fi
  echo "$project"
}
