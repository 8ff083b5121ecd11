#!/usr/bin/env bash
# Puts every file that a worker thread loads in src/workers/, where eslint.config.js holds them to what
# Node can run as it is: relative full file names inside the folder, packages, nothing else.
# Re-runnable: a move already made is skipped. Run from anywhere in the repository.
source "$(dirname "$0")/move-lib.sh"

move src/integrations/worker.ts src/workers/worker-thread.ts
move src/integrations/share-images-worker.ts src/workers/share-images-worker.ts
move src/integrations/editorial-lint-worker.ts src/workers/editorial-lint-worker.ts
move src/lib/seo/share-image.ts src/workers/share-image.ts
move src/lib/seo/share-image-fonts.ts src/workers/share-image-fonts.ts
move src/lib/seo/brand.ts src/workers/brand.ts
move src/lib/editorial/rendered.ts src/workers/rendered-article.ts

# The fonts, one folder nearer than from src/lib/seo/.
sed -i 's#`\.\./\.\./assets/fonts/#`../assets/fonts/#' src/workers/share-image-fonts.ts

finish_moves
