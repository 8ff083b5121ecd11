import { describe, expect, test } from 'vitest';

import { byName, creditsOf } from '@/lib/editorial/people';

const article = (id: string, author?: string, reviewer?: string) => ({
  id,
  data: { author, medicalReview: reviewer === undefined ? undefined : { reviewer } },
});

describe('creditsOf', () => {
  const articles = [
    article('newest', 'jo', 'sam'),
    article('middle', 'sam'),
    article('oldest', 'jo', 'jo'),
    article('anonymous'),
  ];

  test('lists the articles a person wrote, in the order given', () => {
    expect(creditsOf(articles, 'jo').written.map((a) => a.id)).toEqual(['newest', 'oldest']);
  });

  test('lists the articles a person medically reviewed, apart from those they wrote', () => {
    expect(creditsOf(articles, 'sam')).toEqual({ written: [articles[1]], reviewed: [articles[0]] });
  });

  test('credits a person who wrote and reviewed the same article in both lists', () => {
    const { written, reviewed } = creditsOf(articles, 'jo');
    expect(written).toContain(articles[2]);
    expect(reviewed).toEqual([articles[2]]);
  });

  test('gives empty lists for a person credited with nothing', () => {
    expect(creditsOf(articles, 'nobody')).toEqual({ written: [], reviewed: [] });
  });
});

describe('byName', () => {
  test('orders people by name as a reader of the site’s language would', () => {
    const people = ['Zoë Adams', 'émile Brun', 'Dr Ann Cole'].map((name) => ({ data: { name } }));
    expect(byName(people, 'en-GB').map((person) => person.data.name)).toEqual([
      'Dr Ann Cole',
      'émile Brun',
      'Zoë Adams',
    ]);
  });
});
