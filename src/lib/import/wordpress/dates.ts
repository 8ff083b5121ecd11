/**
 * WordPress dates read strictly. `Date` rolls impossible dates over (`2023-02-29` becomes 1 March),
 * and the content check refuses them, so each part is checked here before a date is written.
 */
import { inYears } from '@/schemas/fields';

/** A real date-time from the export, in the export's own zone (UTC or the blog's). */
export interface ExportDateTime {
  /** `YYYY-MM-DD`. */
  day: string;
  /** `HH:MM:SS`. */
  time: string;
  /** Set when the written value was repaired, saying how (for the report). */
  repaired?: string;
}

/** What the export held in a date field. */
export type ExportDateReading =
  { kind: 'none' } | { kind: 'date'; date: ExportDateTime } | { kind: 'impossible'; value: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Reads `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`). Empty values and WordPress's zero date
 * (`0000-00-00 00:00:00`) are `none`. A day or time that does not exist (`2023-02-29`,
 * `2024-02-30`, `10:61:00`) is `impossible`. `24:00:00` is ISO 8601's end of a day, and is
 * repaired to midnight at the start of the next day.
 */
export function readExportDate(raw: string): ExportDateReading {
  const value = raw.trim();
  if (value === '' || value.startsWith('0000-00-00')) return { kind: 'none' };
  const match = DATE_TIME.exec(value);
  if (!match) return { kind: 'impossible', value };
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const utc = new Date(Date.UTC(year!, month! - 1, day!));
  utc.setUTCFullYear(year!); // Date.UTC reads years 0–99 as 1900–1999
  const dayExists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month! - 1 && utc.getUTCDate() === day;
  if (!dayExists || year === 0) return { kind: 'impossible', value };
  // A year the site refuses (`schemas/fields.ts`) is as unusable as WordPress's zero date.
  if (!inYears(year!)) return { kind: 'impossible', value };
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  if (!endOfDay && (hour! > 23 || minute! > 59 || second! > 59)) return { kind: 'impossible', value };
  const isoDay = (date: Date) =>
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (endOfDay) {
    utc.setUTCDate(utc.getUTCDate() + 1);
    const next = isoDay(utc);
    return {
      kind: 'date',
      date: {
        day: next,
        time: '00:00:00',
        repaired: `"${value}" (24:00, the end of the day) read as ${next} 00:00:00`,
      },
    };
  }
  return { kind: 'date', date: { day: isoDay(utc), time: `${pad(hour!)}:${pad(minute!)}:${pad(second!)}` } };
}
