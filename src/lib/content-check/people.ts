/** The content check of `people/*.yaml`: a valid id as the file name, valid YAML, the person schema. */
import { globSync } from 'node:fs';
import { join } from 'node:path';

import { parseYaml, readContentFile } from '@/lib/content-files';
import { SLUG } from '@/schemas/fields';
import { personSchema } from '@/schemas/person';

import type { DisplayPath } from '@/lib/content-check/files';
import type { ContentProblem } from '@/lib/content-check/problems';
import { yamlFieldPositions } from '@/lib/content-check/yaml-field-positions';
import { fieldOf, schemaProblems } from '@/lib/content-check/schema-problems';

export interface PeopleCheck {
  problems: ContentProblem[];
  /**
   * The id of every person file whose name is a valid id, even if its contents have problems: an article
   * naming them is not reported again for a problem that the person's file already shows.
   */
  ids: Set<string>;
}

export function checkPeople(contentDir: string, display: DisplayPath): PeopleCheck {
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  const schema = personSchema();
  for (const path of globSync('people/**/*.yaml', { cwd: contentDir }).sort()) {
    const file = display(path);
    const id = path.slice('people/'.length, -'.yaml'.length);
    const entry = `person "${id}"`;
    if (!SLUG.test(id)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid id for a page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as jane-smith.yaml, and use that id in articles.',
      });
      continue;
    }
    ids.add(id);
    const text = readContentFile(join(contentDir, path));
    const read = 'data' in text ? parseYaml(text.data) : text;
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const parsed = schema.safeParse(read.data);
    if (!parsed.success) {
      const position = 'data' in text ? yamlFieldPositions(text.data) : undefined;
      problems.push(...schemaProblems(file, parsed.error, read.data, fieldOf(entry), { position }));
    }
  }
  return { problems, ids };
}
