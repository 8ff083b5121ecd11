/** Whether an article's comment section invites questions and replies. */

/**
 * - `open`: "Ask a question" under the threads and "Reply" on every comment.
 * - `closed`: the site takes questions, but not on this article (`questions: false`): no links, and a
 *   sentence saying so.
 * - `off`: this build takes no questions (`QUESTIONS=off`, or a host without a sink), or the article is
 *   a draft: no links and nothing said, since there is nowhere to send one.
 */
export type ArticleQuestions = 'open' | 'closed' | 'off';

/**
 * @param siteTakesQuestions `questionsOpen` from `src/config/questions.ts`
 * @param article the article's `draft` and `questions` frontmatter
 */
export function articleQuestions(
  siteTakesQuestions: boolean,
  article: { draft: boolean; questions: boolean },
): ArticleQuestions {
  if (!siteTakesQuestions || article.draft) return 'off';
  return article.questions ? 'open' : 'closed';
}
