/**
 * `npm run check:content`: checks every article and comments file in a second, without a build.
 * Prints one line per problem and exits 1 if there is any.
 */
import '@/config/settings-guard';

import { contentDir } from '@/config/content-dir';
import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { summarize } from '@/lib/content-check/summary';
import { scheduleLines } from '@/lib/publication';

// Loaded once the guard above has checked BUILD_DATE: a static import would be evaluated beside the guard.
const { buildDay } = await import('@/config/build-day');
const report = checkContent(contentDir);
for (const note of report.notes) console.log(note);
for (const problem of report.problems) console.error(formatProblem(problem));
console.log(summarize(report, buildDay));
if (report.problems.length === 0) for (const line of scheduleLines(report.articles, buildDay)) console.log(line);
process.exitCode = report.problems.length > 0 ? 1 : 0;
