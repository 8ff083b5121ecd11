/**
 * A writer's or medical reviewer's page, `/people/<id>/`: who they are and the published articles they
 * wrote and reviewed, as `pages/people/[id].astro` shows them.
 */
import { site } from '@/config/site';
import { getPeopleByName, getPublishedArticles, type Article, type Person } from '@/lib/content';
import { formatDate, machineDate } from '@/lib/dates';
import { creditsOf } from '@/lib/editorial/people';
import { articlePath, peoplePath } from '@/lib/urls';

/** An article in one of the person's lists, dated by what the person did. */
export type CreditedArticleLink = {
  title: string;
  href: string;
  /** For `<time datetime>`. */
  datetime: string;
  /** The date as readers read it. */
  dateText: string;
};

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type PersonPageData = {
  name: string;
  role: string | undefined;
  credentials: string | undefined;
  bio: string | undefined;
  /** The page's meta description: the bio, or what the page lists. */
  description: string;
  /** Their page elsewhere, named by its host ("Profile of Jo on www.gmc-uk.org"). */
  profile: { href: string; label: string } | undefined;
  /** "Articles written", then "Articles medically reviewed", each left out when empty. */
  sections: { heading: string; dated: 'Published' | 'Reviewed'; articles: CreditedArticleLink[] }[];
  /** Back to everyone. */
  peopleHref: string;
};

/** Everyone in `content/people/` gets a page, whether or not they have published anything yet. */
export async function personPagePaths() {
  const [people, articles] = await Promise.all([getPeopleByName(), getPublishedArticles()]);
  return people.map((person) => ({ params: { id: person.id }, props: personPageData(person, articles) }));
}

/** @param articles the published articles, newest first: each list keeps their order */
export function personPageData(person: Pick<Person, 'id' | 'data'>, articles: readonly Article[]): PersonPageData {
  const { name, role, credentials, bio, profileUrl } = person.data;
  const { written, reviewed } = creditsOf(articles, person.id);
  const link = (article: Article, date: Date): CreditedArticleLink => ({
    title: article.data.title,
    href: articlePath(article.id),
    datetime: machineDate(date),
    dateText: formatDate(date, site.dateLocale),
  });
  const sections: PersonPageData['sections'] = [
    {
      heading: 'Articles written',
      dated: 'Published',
      articles: written.map((article) => link(article, article.data.published)),
    },
    {
      heading: 'Articles medically reviewed',
      dated: 'Reviewed',
      // creditsOf keeps only articles whose review names this person.
      articles: reviewed.map((article) => link(article, article.data.medicalReview!.date)),
    },
  ];
  return {
    name,
    role,
    credentials,
    bio,
    description: bio ?? `Articles written or medically reviewed by ${name}.`,
    profile: profileUrl
      ? { href: profileUrl, label: `Profile of ${name} on ${new URL(profileUrl).hostname}` }
      : undefined,
    sections: sections.filter((section) => section.articles.length > 0),
    peopleHref: peoplePath(),
  };
}
