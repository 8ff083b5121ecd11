/**
 * Decap CMS writes a field the editor emptied as `""` or `null`, and a group of such fields as an object
 * of them. The content schemas read those as wrong values, not as absent ones ("updated: must be a date"
 * for a date nobody set). These leave them out, so an emptied optional field is simply absent: in the
 * browser before each save (`emptyValuePaths`, applied to Decap's own data) and in the local backend
 * (`withoutEmptyValues`).
 */

type Path = (string | number)[];

const isEmpty = (value: unknown) => value === '' || value === null || value === undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * The paths of the values to leave out, so that deleting them in order leaves `withoutEmptyValues(value)`:
 * an empty value, or a group that holds nothing else (its own path, not its fields'). The items of a list
 * come last first, so that deleting one does not move the next.
 */
export function emptyValuePaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    const paths: Path[] = [];
    for (let index = value.length - 1; index >= 0; index--) {
      const item = value[index];
      paths.push(...(isEmpty(item) ? [[...path, index]] : emptyValuePaths(item, [...path, index])));
    }
    return paths;
  }
  if (!isPlainObject(value)) return [];
  const paths: Path[] = [];
  for (const [key, field] of Object.entries(value)) {
    const fieldPath = [...path, key];
    if (isEmpty(field) || (isPlainObject(field) && becomesEmpty(field))) paths.push(fieldPath);
    else paths.push(...emptyValuePaths(field, fieldPath));
  }
  return paths;
}

/** Whether a group holds nothing once its empty values are left out. */
function becomesEmpty(value: Record<string, unknown>): boolean {
  return Object.values(value).every((field) => isEmpty(field) || (isPlainObject(field) && becomesEmpty(field)));
}

/** The value without its empty values, at every depth. */
export function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(withoutEmptyValues);
  if (!isPlainObject(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isEmpty(field) || (isPlainObject(field) && becomesEmpty(field))) continue;
    kept[key] = withoutEmptyValues(field);
  }
  return kept;
}
