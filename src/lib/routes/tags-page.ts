/** Every tag, `/tags/`, as `pages/tags/index.astro` shows it. */
import { getTags } from '@/lib/content';
import type { Crumb } from '@/lib/discovery/breadcrumbs';
import { homePath, tagPath, tagsPath } from '@/lib/urls';
import { countOf } from '@/lib/text/plural';

export type TagsPageData = {
  /** Home, Tags. */
  crumbs: Crumb[];
  /** Every tag of a published article, with how many articles it has ("1 article", "3 articles"). */
  tags: { name: string; href: string; articleCount: string }[];
};

export async function tagsPageData(): Promise<TagsPageData> {
  return {
    crumbs: [
      { name: 'Home', path: homePath() },
      { name: 'Tags', path: tagsPath() },
    ],
    tags: (await getTags()).map(({ name, slug, items }) => ({
      name,
      href: tagPath(slug),
      articleCount: countOf(items.length, 'article'),
    })),
  };
}
