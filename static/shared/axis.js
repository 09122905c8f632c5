/**
 * The dated axis of the timeline bar: a tick and a label at every year (or every second, fifth, tenth
 * year when a year is narrower than its label), month ticks when a month has room for one, month names
 * when it has room for a name; and the calendar periods the histogram counts in, so that its bars
 * start and end on the ticks. Pure: the timeline draws what this returns.
 */
import { MONTH_NAMES } from "./days.js";
import { DEFAULT_LANGUAGE, language } from "./i18n.js";

const DAY_MS = 86400000;
// Month names in the page's language (the catalogue's; English's short, as the date labels write them).
const MONTHS = language === DEFAULT_LANGUAGE
  ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] : MONTH_NAMES;
const YEAR_LABEL = 40; // px a year label needs, with its gap
const MONTH_LABEL = Math.max(36, 6 * Math.max(...MONTHS.map((name) => name.length)) + 8); // px a month name needs
const MONTH_TICK = 6; // px between month ticks at the least
const BAR = 3; // px: the narrowest histogram bar

const dayOf = (year, month) => Math.round(Date.UTC(year, month, 1) / DAY_MS);
const yearOf = (day) => new Date(day * DAY_MS).getUTCFullYear();

/**
 * The axis of days first..last drawn `width` px wide: {years: [{day, label}], months: [{day, label}],
 * edges: [day]}: years and months are the first days of the periods ticked (label null: a tick without
 * a name); edges bound the histogram's bars (the first is `first`, the last is last + 1).
 */
export function axisOf(first, last, width) {
  const span = Math.max(1, last - first);
  const perDay = width / span;
  const perMonth = perDay * 30.44;
  const perYear = perDay * 365.25;
  const step = [1, 2, 5, 10, 20, 50].find((years) => years * perYear >= YEAR_LABEL) ?? 100;
  const years = [];
  const months = [];
  const [firstYear, lastYear] = [yearOf(first), yearOf(last)];
  for (let year = firstYear; year <= lastYear; year++) {
    const start = dayOf(year, 0);
    if (start >= first) years.push({ day: start, label: year % step === 0 ? String(year) : null });
    if (perMonth < MONTH_TICK) continue;
    for (let month = 1; month < 12; month++) {
      const day = dayOf(year, month);
      if (day >= first && day <= last) months.push({ day, label: perMonth >= MONTH_LABEL ? MONTHS[month] : null });
    }
  }
  // Years always: a span inside one year, or whose only labelled year lies beyond it, names its first year.
  if (!years.some((y) => y.label)) {
    years.unshift({ day: first, label: String(firstYear) });
    if (months[0]?.day === first) months[0] = { day: first, label: null }; // the year's name takes its place
  }
  const unit = perMonth >= BAR ? 1 : perMonth * 3 >= BAR ? 3 : 12;
  const edges = [first];
  for (let year = firstYear; year <= lastYear + 1; year++) {
    for (let month = 0; month < 12; month += unit) {
      const day = dayOf(year, month);
      if (day > first && day <= last) edges.push(day);
    }
  }
  edges.push(last + 1);
  return { years, months, edges };
}
