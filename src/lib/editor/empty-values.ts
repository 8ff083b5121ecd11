/**
 * Decap CMS writes a field the editor emptied as `""` or `null`, and a group of such fields as an object
 * of them. The content schemas read those as wrong values, not as absent ones ("updated: must be a date"
 * for a date nobody set). This leaves them out, so an emptied optional field is simply absent.
 */
export function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(withoutEmptyValues);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const tidied = withoutEmptyValues(field);
    if (isEmpty(tidied) || isEmptyObject(tidied)) continue;
    kept[key] = tidied;
  }
  return kept;
}

const isEmpty = (value: unknown) => value === '' || value === null || value === undefined;

const isEmptyObject = (value: unknown) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  Object.keys(value).length === 0;
