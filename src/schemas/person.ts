import { z } from 'astro/zod';

import { editorText, webAddress } from '@/schemas/fields';

/**
 * A writer or medical reviewer: `content/people/<id>.yaml`. The file name is the id that articles
 * name in `author` and `medicalReview.reviewer`, and staff answers in a comment's `person`. Write only
 * what is true of a real person.
 */
export const personSchema = () =>
  z.strictObject({
    /** Name as it appears in bylines and review notes, such as "Dr Jane Smith". */
    name: editorText(),
    /** Qualifications shown after the name, such as "MBBS, MRCGP"; leave out if none. */
    credentials: editorText().optional(),
    /**
     * Their role, as readers would name it, such as "GP", "Pharmacist" or "Editor": shown with their
     * answers to readers' questions ("Answered by Dr Jane Smith, MBBS, MRCGP (GP)") and on their page.
     * Leave out if none.
     */
    role: editorText().optional(),
    /** One to three sentences about the person, shown on their page; leave out if not known. */
    bio: editorText().optional(),
    /** The person's own page elsewhere (a professional register, a university page); http(s) only. */
    profileUrl: webAddress().optional(),
  });

export type PersonData = z.output<ReturnType<typeof personSchema>>;
