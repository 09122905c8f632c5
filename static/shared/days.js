/**
 * Days as the map counts them: whole days since 1970-01-01, read from partial ISO dates and labelled as
 * precisely as the evidence (the same rules as geo.dates on the server).
 */

import { DEFAULT_LANGUAGE, interpolate, language, pgettext } from "./i18n.js";

const DAY_MS = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Day number (days since 1970-01-01) of a partial ISO date; a year or month means its first day. Null if invalid. */
export function parseDay(text) {
  const match = PARTIAL_DATE.exec(String(text ?? "").trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

export function dayToISO(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// The months in the catalogue, as CLDR names them in each language: what Intl.DateTimeFormat writes where
// the browser has the language's data (Chromium's ICU lacks Sorani's), and what the server writes (geo.dates).
export const MONTH_NAMES = [
  pgettext("month", "January"), pgettext("month", "February"), pgettext("month", "March"), pgettext("month", "April"),
  pgettext("month", "May"), pgettext("month", "June"), pgettext("month", "July"), pgettext("month", "August"),
  pgettext("month", "September"), pgettext("month", "October"), pgettext("month", "November"), pgettext("month", "December"),
];
const LOCALE = `${language}-u-nu-latn`; // Latin digits, as the server's labels and the date fields
// Made on the first label: a date format costs 30 to 70 ms to make in a new page, before its first render.
let intl;

function inLanguage(date, withDay) {
  if (intl === undefined) {
    intl = Intl.DateTimeFormat.supportedLocalesOf([LOCALE]).length ? {
      day: new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      month: new Intl.DateTimeFormat(LOCALE, { month: "long", year: "numeric", timeZone: "UTC" }),
    } : null;
  }
  if (intl) return intl[withDay ? "day" : "month"].format(date);
  const parts = { day: date.getUTCDate(), month: MONTH_NAMES[date.getUTCMonth()], year: date.getUTCFullYear() };
  return interpolate(withDay ? pgettext("date", "%(day)s %(month)s %(year)s") : pgettext("date", "%(month)s %(year)s"), parts);
}

/**
 * A label as precise as the evidence, as geo.dates.format_date: "3 Nov 2017", "Sep 2017", "2017", "c. Nov 2014".
 * In another language by Intl.DateTimeFormat, or the catalogue's months and order where the browser lacks
 * the language; the approximation by the catalogue: "حوالى نوفمبر 2014".
 */
export function formatDay(day, precision = "day") {
  if (day === null || day === undefined) return "";
  const date = new Date(day * DAY_MS);
  const [d, m, y] = [date.getUTCDate(), MONTHS[date.getUTCMonth()], date.getUTCFullYear()];
  if (precision === "year") return `${y}`;
  const english = language === DEFAULT_LANGUAGE;
  const month = english ? `${m} ${y}` : inLanguage(date, false);
  if (precision === "month") return month;
  if (precision === "approximate") return interpolate(pgettext("an approximate date", "c. %(month)s"), { month });
  return english ? `${d} ${m} ${y}` : inLanguage(date, true);
}
