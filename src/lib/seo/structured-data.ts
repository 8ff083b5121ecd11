/**
 * Schema.org structured data (JSON-LD) for the article page and the comment pages: what search engines
 * read for who wrote a page, who checked it, when, on what evidence, and what readers said under it.
 * Every property says only what the content says: a missing author, reviewer or date is left out, never
 * filled in. Serialize with `serializeJsonLd` from `./json-ld`.
 */
import { site } from '@/config/site';
import type { DisplayComment } from '@/lib/comments';
import { machineDate } from '@/lib/dates';
import { breadcrumbListData, type Crumb } from '@/lib/discovery/breadcrumbs';
import { reviewDates } from '@/lib/editorial/review';
import { absoluteUrl, articlePath, commentPagePath, personPath } from '@/lib/urls';
import type { ArticleData } from '@/schemas/article';
import type { PersonData } from '@/schemas/person';

const CONTEXT = 'https://schema.org';

/** A writer or reviewer as the content names them: the person file's data and its id (the file name). */
export type PersonEntry = PersonData & { id: string };

export interface PersonLd {
  '@type': 'Person';
  name: string;
  /**
   * The person's qualifications as written after their name ("MBBS, MRCGP"). Schema.org's
   * `honorificSuffix` is exactly that: post-nominal letters. `hasCredential` would need one structured
   * credential per qualification, which a free-text field cannot give without guessing how to split it;
   * `jobTitle` would state a job the content does not name.
   */
  honorificSuffix?: string;
  /** Their page on this site: bio, credentials and the articles they wrote or reviewed. */
  url: string;
  /** Their own page elsewhere (a professional register, a university page). */
  sameAs?: string;
  /** Their role as the person file names it ("GP", "Pharmacist"), on staff answers. */
  jobTitle?: string;
}

export interface CommentLd {
  '@type': 'Comment';
  /** The comment's permalink on the page that shows it: `…/articles/<slug>/[comments/<n>/]#comment-<id>`. */
  url: string;
  /** A reader's display name (and web page), or for a staff answer the site's own person. */
  author?: { '@type': 'Person'; name: string; url?: string } | PersonLd;
  dateCreated?: string;
  /** The comment this one answers, when it is listed below the deepest indentation, away from it. */
  parentItem?: { '@type': 'Comment'; url: string };
  /**
   * Replies shown under this comment, oldest first: its direct replies, or at the deepest indentation
   * every reply below it, each naming its parent in `parentItem`.
   */
  comment?: CommentLd[];
}

export interface CreativeWorkLd {
  '@type': 'CreativeWork';
  name: string;
  url: string;
  publisher?: { '@type': 'Organization'; name: string };
  datePublished?: string;
}

export interface MedicalWebPageLd {
  '@context': typeof CONTEXT;
  '@type': 'MedicalWebPage';
  url: string;
  headline: string;
  description: string;
  inLanguage: string;
  datePublished: string;
  /** The last meaningful change: `updated`, or the publication date when there was none. */
  dateModified: string;
  lastReviewed?: string;
  /** Where the page sits in the site, as its breadcrumb trail shows. */
  breadcrumb?: ReturnType<typeof breadcrumbListData>;
  author?: PersonLd;
  reviewedBy?: PersonLd;
  citation?: CreativeWorkLd[];
  publisher: { '@type': 'Organization' | 'Person'; name: string; url?: string };
  /** Every published comment on the article, on all its comment pages. */
  commentCount: number;
  /** The conversations shown on the article page itself. */
  comment?: CommentLd[];
}

export interface CommentPageLd {
  '@context': typeof CONTEXT;
  '@type': 'WebPage';
  url: string;
  name: string;
  inLanguage: string;
  /** The article these comments are on. */
  isPartOf: { '@type': 'MedicalWebPage'; url: string };
  /** The conversations shown on this page. */
  comment: CommentLd[];
}

/** A writer or reviewer, linked to their page on this site. */
export function personJsonLd(person: PersonEntry): PersonLd {
  return {
    '@type': 'Person',
    name: person.name,
    ...(person.credentials && { honorificSuffix: person.credentials }),
    url: absoluteUrl(personPath(person.id)),
    ...(person.profileUrl && { sameAs: person.profileUrl }),
  };
}

/**
 * The conversations shown on one page, with each comment's permalink, nested as the page shows them:
 * replies sit in their parent's `comment` list down to the page's deepest indentation
 * (`site.maxCommentIndent`); deeper replies are listed at that depth, as on the page, and name the comment
 * they answer in `parentItem`. So the tree stays a few levels deep however long a reply chain is: a chain
 * 500 deep nested in full would be over 1,000 levels of JSON, more than many parsers accept.
 * Comment text is left out: the permalink leads to it, and the page weighs less.
 */
export function commentsJsonLd(threads: readonly DisplayComment[]): CommentLd[] {
  return threads.map(commentJsonLd);
}

/** One comment and the replies shown under it; display trees are only `maxCommentIndent` deep. */
function commentJsonLd(comment: DisplayComment): CommentLd {
  const replies = comment.replies.map(commentJsonLd);
  return {
    '@type': 'Comment',
    url: absoluteUrl(comment.permalink),
    ...(comment.staff && {
      author: { ...personJsonLd(comment.staff), ...(comment.staff.role && { jobTitle: comment.staff.role }) },
    }),
    ...(!comment.staff &&
      comment.author !== undefined && {
        author: {
          '@type': 'Person',
          name: comment.author,
          ...(comment.authorUrl !== undefined && { url: comment.authorUrl }),
        },
      }),
    ...(comment.date !== undefined && { dateCreated: machineDate(comment.date) }),
    ...(comment.replyingTo && {
      // The parent is on the same page: the permalink with the parent's fragment.
      parentItem: {
        '@type': 'Comment',
        url: absoluteUrl(`${comment.permalink.split('#')[0]}#${comment.replyingTo.anchor}`),
      },
    }),
    ...(replies.length > 0 && { comment: replies }),
  };
}

function referenceJsonLd(reference: ArticleData['references'][number]): CreativeWorkLd {
  return {
    '@type': 'CreativeWork',
    name: reference.title,
    url: reference.url,
    ...(reference.publisher && { publisher: { '@type': 'Organization', name: reference.publisher } }),
    ...(reference.date && { datePublished: machineDate(reference.date) }),
  };
}

export interface ArticleJsonLdInput {
  /** The article's slug (its file name). */
  slug: string;
  article: ArticleData;
  /** The person `article.author` names, looked up; undefined when the article names none. */
  author: PersonEntry | undefined;
  /** The person `article.medicalReview.reviewer` names; undefined when there was no medical review. */
  reviewer: PersonEntry | undefined;
  /** Every published comment on the article. */
  commentCount: number;
  /** The conversations on the article page (comment page 1). */
  threads: readonly DisplayComment[];
  /** The page's breadcrumb trail, from the home page to the article; leave out for none. */
  breadcrumbs?: readonly Crumb[] | undefined;
}

/** The article page's `MedicalWebPage`. */
export function articleJsonLd({
  slug,
  article,
  author,
  reviewer,
  commentCount,
  threads,
  breadcrumbs,
}: ArticleJsonLdInput): MedicalWebPageLd {
  const url = absoluteUrl(articlePath(slug));
  const { lastReviewed } = reviewDates(article, site.reviewCycleYears);
  const comments = commentsJsonLd(threads);
  const { owner } = site;
  return {
    '@context': CONTEXT,
    '@type': 'MedicalWebPage',
    url,
    headline: article.title,
    description: article.description,
    inLanguage: site.lang,
    datePublished: machineDate(article.published),
    dateModified: machineDate(article.updated ?? article.published),
    ...(lastReviewed && { lastReviewed: machineDate(lastReviewed) }),
    ...(breadcrumbs && { breadcrumb: breadcrumbListData(breadcrumbs, site.url) }),
    ...(author && { author: personJsonLd(author) }),
    ...(reviewer && { reviewedBy: personJsonLd(reviewer) }),
    ...(article.references.length > 0 && { citation: article.references.map(referenceJsonLd) }),
    publisher: { '@type': owner.type ?? 'Organization', name: owner.name, ...(owner.url && { url: owner.url }) },
    commentCount,
    ...(comments.length > 0 && { comment: comments }),
  };
}

export interface CommentPageJsonLdInput {
  slug: string;
  /** The article's title. */
  title: string;
  /** The comment page's number (2 or more: page 1 is the article). */
  page: number;
  /** The conversations on this page. */
  threads: readonly DisplayComment[];
}

/** A numbered comment page: its conversations, as part of the article they are on. */
export function commentPageJsonLd({ slug, title, page, threads }: CommentPageJsonLdInput): CommentPageLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebPage',
    url: absoluteUrl(commentPagePath(slug, page)),
    name: `Comments, page ${page}: ${title}`,
    inLanguage: site.lang,
    isPartOf: { '@type': 'MedicalWebPage', url: absoluteUrl(articlePath(slug)) },
    comment: commentsJsonLd(threads),
  };
}
