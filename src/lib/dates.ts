/** Dates as readers see them and as machines read them. */

/** One formatter per locale: making one costs far more than using it, and a build formats every comment date. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "27 November 2026" in the site's locale, in UTC so a build anywhere prints the same day. */
export function formatDate(date: Date, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** Value for `<time datetime>`: the calendar day when the time is midnight UTC, else the full instant. */
export function machineDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
