/**
 * `npm run comments`: moderate reader comments in CONTENT_DIR (default: content). See `--help`, and
 * `src/lib/questions/moderation.ts` for what each command does.
 */
import { text } from 'node:stream/consumers';

import { contentDir } from '@/config/content-dir';
import { runCommentsCommand } from '@/lib/questions/moderation';

const result = await runCommentsCommand(process.argv.slice(2), {
  contentDir,
  env: process.env,
  readStdin: () => text(process.stdin),
});
for (const line of result.out) console.log(line);
for (const line of result.err) console.error(line);
process.exitCode = result.code;
