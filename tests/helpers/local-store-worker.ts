/**
 * A second process writing comments files, for the local store's tests:
 * - `submit <contentDir> <slug> <count> <prefix>`: sends `count` submissions through the local sink at once;
 * - `rewrite <contentDir> <slug>`: rewrites the file with a large new comment again and again until killed,
 *   printing "wrote" after each write (the test kills it part-way through one).
 */
import { createLocalSink, updateCommentsFile } from '@/lib/questions/local-store';

const [mode, contentDir, slug, count, prefix] = process.argv.slice(2) as [string, string, string, string, string];

if (mode === 'submit') {
  const sink = createLocalSink(contentDir);
  await Promise.all(
    Array.from({ length: Number(count) }, (_, n) =>
      sink.submit({
        article: slug,
        comment: { id: `${prefix}-${n}`, date: new Date().toISOString(), body: `From ${prefix}, number ${n}.` },
      }),
    ),
  );
} else if (mode === 'rewrite') {
  let output = `pid ${process.pid}\n`;
  for (let round = 0; ; round++) {
    await updateCommentsFile(
      contentDir,
      slug,
      (comments) => [
        ...comments.slice(0, 1),
        // About 3 MB in all, each body within the longest a comment may be, so each write takes a while.
        ...Array.from({ length: 50 }, (_, part) => ({
          id: `big-${round}-${part}`,
          body: `Round ${round}, part ${part}. ${'A long answer. '.repeat(4_000)}`,
        })),
      ],
      { staleLockMs: 5_000 },
    );
    process.stdout.write(`${output}wrote\n`);
    output = '';
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
