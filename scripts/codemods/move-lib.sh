# Shared by the move codemods: `move old new` (git mv, skipped when done), then `finish_moves`, which
# re-points the imports and `new URL(…, import.meta.url)`s the moves broke and the paths that comments
# and docs give. Sourced, not run.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
MOVED=()

move() {
  local from=$1 to=$2
  MOVED+=(--moved "$from=$to")
  if [[ -e $from && ! -e $to ]]; then
    mkdir -p "$(dirname "$to")"
    git mv "$from" "$to"
    echo "moved $from -> $to"
  elif [[ -e $from ]]; then
    echo "both $from and $to exist: merge them by hand" >&2
    exit 1
  fi
}

finish_moves() {
  # Imports that named a moved file, and the relative imports of a moved file.
  node_modules/node/bin/node node_modules/tsx/dist/cli.mjs scripts/codemods/one-import-style.ts --only-broken "${MOVED[@]}"
  # Paths given in comments and docs: `src/lib/seo/brand.ts` and `lib/seo/brand.ts` alike.
  local files
  files=$(git ls-files src scripts tests functions netlify astro.config.ts | grep -v '^tests/fixtures/' | grep -v '^scripts/codemods/' | grep -E '\.(ts|astro|md|mjs|js|css)$')
  for ((i = 1; i < ${#MOVED[@]}; i += 2)); do
    local from=${MOVED[i]%%=*} to=${MOVED[i]#*=}
    local old=$from new=$to
    # Without `src/` only when what is left still names one thing (`lib/seo/brand.ts`, not `scripts`).
    [[ ${from#src/} == */* && ${to#src/} == */* ]] && old=${from#src/} new=${to#src/}
    # A folder: its path followed by a slash, never a word that only starts the same.
    [[ -d $to ]] && old=$old/ new=$new/
    # shellcheck disable=SC2086
    { grep -lF "$old" $files || true; } | xargs -r sed -i "s#${old//./\\.}#${new}#g"
  done
}
