/** Dates as readers see them and as machines read them. */

/** One formatter per locale: making one costs far more than using it, and a build formats every comment date. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Each locale's formatted days, by UTC day number: formatting costs about 20 µs, and a build formats the same
 * few thousand days for tens of thousands of comments, on several pages each.
 */
const formattedDays = new Map<string, Map<number, string>>();

const MS_PER_DAY = 86_400_000;

/** "27 November 2026" in the site's locale, in UTC so a build anywhere prints the same day. */
export function formatDate(date: Date, locale: string): string {
  let formatter = formatters.get(locale);
  let days = formattedDays.get(locale);
  if (!formatter || !days) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    days = new Map();
    formatters.set(locale, formatter);
    formattedDays.set(locale, days);
  }
  const day = Math.floor(date.getTime() / MS_PER_DAY);
  // An invalid date (NaN) goes to the formatter, which says so.
  if (Number.isNaN(day)) return formatter.format(date);
  let text = days.get(day);
  if (text === undefined) {
    text = formatter.format(date);
    days.set(day, text);
  }
  return text;
}

/** Value for `<time datetime>`: the calendar day when the time is midnight UTC, else the full instant. */
export function machineDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
