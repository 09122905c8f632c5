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

const formats = language === DEFAULT_LANGUAGE ? null : {
  day: new Intl.DateTimeFormat(`${language}-u-nu-latn`, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat(`${language}-u-nu-latn`, { month: "long", year: "numeric", timeZone: "UTC" }),
};

/**
 * A label as precise as the evidence, as geo.dates.format_date: "3 Nov 2017", "Sep 2017", "2017", "c. Nov 2014".
 * In another language by Intl.DateTimeFormat (in Latin digits, as the server's labels and the date fields),
 * the approximation by the catalogue: "حوالى نوفمبر 2014".
 */
export function formatDay(day, precision = "day") {
  if (day === null || day === undefined) return "";
  const date = new Date(day * DAY_MS);
  const [d, m, y] = [date.getUTCDate(), MONTHS[date.getUTCMonth()], date.getUTCFullYear()];
  if (precision === "year") return `${y}`;
  const month = formats ? formats.month.format(date) : `${m} ${y}`;
  if (precision === "month") return month;
  if (precision === "approximate") return interpolate(pgettext("an approximate date", "c. %(month)s"), { month });
  return formats ? formats.day.format(date) : `${d} ${m} ${y}`;
}
