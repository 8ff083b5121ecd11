#!/usr/bin/env bash
# Names that mean one thing (issue 17, item 5): "pages" are Astro's routes; comment pages and site pages
# say what they are; browser code is src/client/, while scripts/ holds Node tools.
# Re-runnable: a rename already made is skipped. Run from anywhere in the repository.
source "$(dirname "$0")/move-lib.sh"

move src/lib/comments/pages.ts src/lib/comments/comment-pages.ts
move tests/unit/lib/comments/pages.test.ts tests/unit/lib/comments/comment-pages.test.ts
move src/scripts src/client

finish_moves
