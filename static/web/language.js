/**
 * The language switch: the reader's choice is remembered in Django's language cookie (read by
 * controlmap.languages after ?lang=) and written into the address, which share links and embed codes copy.
 * Without script the form asks for the page again with ?lang=.
 */
import { DEFAULT_LANGUAGE } from "../shared/i18n.js";

const YEAR_SECONDS = 365 * 24 * 3600;

export function createLanguageSwitch(form) {
  const select = form.querySelector("select");
  form.querySelector("button[type=submit]").hidden = true;
  select.addEventListener("change", () => {
    document.cookie = `django_language=${encodeURIComponent(select.value)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
    const address = new URL(location.href);
    if (select.value === DEFAULT_LANGUAGE) address.searchParams.delete("lang");
    else address.searchParams.set("lang", select.value);
    location.assign(address.href);
  });
}
