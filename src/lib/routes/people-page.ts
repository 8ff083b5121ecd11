/** The list of writers and medical reviewers, `/people/`, as `pages/people/index.astro` shows it. */
import { getPeopleByName } from '@/lib/content';
import { personPath } from '@/lib/urls';

export type PeoplePageData = {
  /** Everyone in `content/people/`, by name. */
  people: { name: string; href: string; credentials: string | undefined }[];
};

export async function peoplePageData(): Promise<PeoplePageData> {
  return {
    people: (await getPeopleByName()).map(({ id, data }) => ({
      name: data.name,
      href: personPath(id),
      credentials: data.credentials,
    })),
  };
}
