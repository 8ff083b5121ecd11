/**
 * WordPress writers → people (`content/people/<id>.yaml`), whom articles name by id in `author`.
 * The export says nothing about a writer but their login and display name, so a person file holds
 * their name only: credentials, a bio and a profile address are for the owner to add if they are true.
 */
import { portableSlug, toSlug } from '@/lib/import/wordpress/text';

/** A writer of the export as the site's people collection holds them. */
export interface ImportedPerson {
  /** File name and page address, `people/<id>.yaml` and `/people/<id>/`. */
  id: string;
  /** The display name, or the login when the export gives no display name. */
  name: string;
}

/**
 * Gives every writer of the export a person id made from their name (else their login), unique in
 * the export: a second writer whose name makes the same id gets "-2", and so on. Writers are taken in
 * the export's order, so the same export always gives the same ids.
 * @param authors display names by login, in the export's order
 * @returns people by login
 */
export function peopleOfExport(authors: ReadonlyMap<string, string>): Map<string, ImportedPerson> {
  const people = new Map<string, ImportedPerson>();
  const taken = new Set<string>();
  let unnamed = 0;
  for (const [login, displayName] of authors) {
    const name = displayName || login;
    const base = portableSlug(toSlug(name) ?? toSlug(login) ?? `writer-${++unnamed}`, 'writer');
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    people.set(login, { id, name });
  }
  return people;
}

/** The person file: their name and nothing the export does not say. */
export function serializePerson(person: ImportedPerson): string {
  return [
    '# Imported from WordPress: the writer’s display name. Add credentials, bio and profileUrl only if they are true.',
    // A YAML double-quoted string: JSON's escapes are YAML's.
    `name: ${JSON.stringify(person.name)}`,
    '',
  ].join('\n');
}
