import type { ContentReport } from './check';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** One line saying what the content holds, or how many problems it has. */
export function summarize({ problems, articles }: ContentReport): string {
  if (problems.length > 0)
    return `Content check: ${plural(problems.length, 'problem')} to fix before the site can be built.`;
  const published = articles.filter((article) => !article.draft);
  const sum = (key: 'approved' | 'pending' | 'spam') => published.reduce((total, article) => total + article[key], 0);
  return (
    `Content check: ${plural(published.length, 'article')} to publish (${plural(articles.length - published.length, 'draft')}), ` +
    `${plural(sum('approved'), 'comment')} to publish, ${sum('pending')} pending and ${sum('spam')} spam kept unpublished.`
  );
}
