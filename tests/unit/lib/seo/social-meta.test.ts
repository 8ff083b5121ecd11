import { describe, expect, test } from 'vitest';

import { socialMeta, type MetaTag, type SocialMetaInput } from '@/lib/seo/social-meta';

const page: SocialMetaInput = {
  title: 'Night cramps',
  description: 'Why they happen.',
  url: 'https://health.example.org/articles/night-cramps/',
  type: 'website',
  image: { url: 'https://health.example.org/og/site.png', alt: 'Health Questions' },
  siteName: 'Health Questions',
};

/** The tags as name → content, Open Graph and Twitter names alike. */
const byName = (tags: MetaTag[]) =>
  Object.fromEntries(tags.map((tag) => ['property' in tag ? tag.property : tag.name, tag.content]));

describe('socialMeta', () => {
  test('gives the Open Graph title, description, address, site name and image with its text alternative', () => {
    expect(byName(socialMeta(page))).toMatchObject({
      'og:type': 'website',
      'og:title': 'Night cramps',
      'og:description': 'Why they happen.',
      'og:url': 'https://health.example.org/articles/night-cramps/',
      'og:site_name': 'Health Questions',
      'og:image': 'https://health.example.org/og/site.png',
      'og:image:alt': 'Health Questions',
    });
  });

  test('asks X for the large image card, which reads the Open Graph tags for everything else', () => {
    const tags = socialMeta(page);
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' });
    expect(tags.filter((tag) => 'name' in tag)).toHaveLength(1);
  });

  test('writes Open Graph tags as property attributes and Twitter tags as name attributes', () => {
    for (const tag of socialMeta(page)) {
      const name = 'property' in tag ? tag.property : tag.name;
      expect('property' in tag, name).toBe(!name.startsWith('twitter:'));
    }
  });

  test('dates an article by its publication and its last update', () => {
    const tags = byName(
      socialMeta({ ...page, type: 'article', published: new Date('2026-01-10'), modified: new Date('2026-02-01') }),
    );
    expect(tags).toMatchObject({
      'og:type': 'article',
      'article:published_time': '2026-01-10',
      'article:modified_time': '2026-02-01',
    });
  });

  test('writes no modified time for an article never updated, and no article dates on other pages', () => {
    expect(byName(socialMeta({ ...page, type: 'article', published: new Date('2026-01-10') }))).not.toHaveProperty(
      'article:modified_time',
    );
    expect(byName(socialMeta({ ...page, published: new Date('2026-01-10') }))).not.toHaveProperty(
      'article:published_time',
    );
  });
});
