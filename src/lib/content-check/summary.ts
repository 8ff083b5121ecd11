import { publicationOf, type CalendarDay, type Publication } from '@/lib/publication';
import { countOf } from '@/lib/text/plural';

import type { ContentReport } from '@/lib/content-check/check';

/**
 * One line saying what the content holds, or how many problems it has.
 * @param today the build day: articles published after it are scheduled, not published
 */
export function summarize({ problems, articles }: ContentReport, today: CalendarDay): string {
  if (problems.length > 0)
    return `Content check: ${countOf(problems.length, 'problem')} to fix before the site can be built.`;
  const count = (publication: Publication) =>
    articles.filter((article) => publicationOf(article, today) === publication);
  const published = count('published');
  const sum = (key: 'approved' | 'pending' | 'spam') => published.reduce((total, article) => total + article[key], 0);
  return (
    `Content check: ${countOf(published.length, 'article')} to publish (${countOf(count('draft').length, 'draft')}, ${count('scheduled').length} scheduled), ` +
    `${countOf(sum('approved'), 'comment')} to publish, ${sum('pending')} pending and ${sum('spam')} spam kept unpublished.`
  );
}
