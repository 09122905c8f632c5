/**
 * The page's language for the browser modules: Django's catalogue of the page's language (domain djangojs,
 * written into the page by web/catalogue.py as JSON, so nothing more is fetched), read with gettext's names
 * so that `manage.py makemessages -d djangojs` (scripts/messages.sh) finds the strings. Without a catalogue
 * (node's unit tests, an English page) every string is its English self.
 *
 * Plural forms are chosen with Intl.PluralRules instead of evaluating the catalogue's C expression: the
 * page's Content-Security-Policy allows no eval. The catalogues' Plural-Forms list the forms in CLDR's order
 * (zero, one, two, few, many, other: Arabic's six, Sorani's and English's one and other), which is the
 * order of the categories PluralRules reports.
 */
import PARAMETERS from "./parameters.js";

const page = typeof document === "undefined" ? null : document;
const element = page?.getElementById("i18n-catalogue");
const { catalog = {} } = element ? JSON.parse(element.textContent) : {};

/** The default language (English): the first of the URL parameter's choices, written in no address. */
export const DEFAULT_LANGUAGE = PARAMETERS.map.lang.choices[0];
/** The page's language, as the server chose it (<html lang>). */
export const language = page?.documentElement.lang || DEFAULT_LANGUAGE;
/** Right to left: the page's direction, for the few things CSS cannot flip (the timeline's keys). */
export const rtl = page?.documentElement.dir === "rtl";

const CATEGORIES = ["zero", "one", "two", "few", "many", "other"];
const plurals = new Intl.PluralRules(language);
const forms = CATEGORIES.filter((category) => plurals.resolvedOptions().pluralCategories.includes(category));

export function gettext(text) {
  const found = catalog[text];
  return typeof found === "string" ? found : Array.isArray(found) ? found[0] : text;
}

export function ngettext(singular, plural, count) {
  const found = catalog[singular];
  if (!Array.isArray(found)) return count === 1 ? singular : plural;
  return found[forms.indexOf(plurals.select(count))] ?? found[found.length - 1];
}

/** A string with a context, as Django's pgettext (the catalogue keys it as context, EOT, text). */
export function pgettext(context, text) {
  const found = catalog[`${context}\x04${text}`];
  return typeof found === "string" ? found : text;
}

/**
 * A translated template's parts with its %(name)s slots filled: strings stay strings, values as they are
 * (a node, or named() for bidi.phrase to isolate), so a sentence's word order is the language's own.
 */
export function fill(template, values) {
  const parts = template.split(/%\((\w+)\)s/).flatMap((part, i) => (i % 2 ? values[part] : part)).filter((part) => part !== "");
  // Words next to each other become one text: a name is followed by the sentence's rest, as one node.
  return parts.reduce((joined, part) => {
    if (typeof part === "string" && typeof joined.at(-1) === "string") joined[joined.length - 1] += part;
    else joined.push(part);
    return joined;
  }, []);
}

/** A translated template with its slots filled as text (for attributes, titles and plain messages). */
export const interpolate = (template, values) => template.replace(/%\((\w+)\)s/g, (_, name) => String(values[name]));

/** An API address in the page's language (names of places and sides): lang= added unless English. */
export function inLanguage(url) {
  if (language === DEFAULT_LANGUAGE) return url;
  return `${url}${url.includes("?") ? "&" : "?"}lang=${encodeURIComponent(language)}`;
}

let numbers = null;
/**
 * A number as the language writes it, in Latin digits as the dates (Intl's "latn" numbering). The
 * formatter is made on first use: making one costs 20 to 60 ms in a new page, before its first render.
 */
export const formatNumber = (value) => (numbers ??= new Intl.NumberFormat(`${language}-u-nu-latn`)).format(value);

/** A Leaflet control's corner in the page's direction: "topright" is "topleft" right to left. */
export const corner = (position) => (rtl ? position.replace(/left|right/, (side) => (side === "left" ? "right" : "left")) : position);
