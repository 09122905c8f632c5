/**
 * The language switch. The reader's choice is remembered in the browser (localStorage), not in a cookie:
 * the map page reads no cookie, so a CDN may keep one copy per address and Accept-Language
 * (controlmap.languages). The choice goes into the address as ?lang=, which share links and embed codes
 * copy; an address without one, opened by a reader who chose another language than the page's, is
 * replaced by the same address in that language. Without script the form asks for the page with ?lang=.
 */
import { DEFAULT_LANGUAGE, language } from "../shared/i18n.js";

const KEY = "controlmap-language";

function addressIn(chosen) {
  const address = new URL(location.href);
  if (chosen === DEFAULT_LANGUAGE && language !== DEFAULT_LANGUAGE && !address.searchParams.has("lang")) {
    address.searchParams.set("lang", chosen); // English over an Arabic Accept-Language needs saying
  } else if (chosen === DEFAULT_LANGUAGE) address.searchParams.delete("lang");
  else address.searchParams.set("lang", chosen);
  return address.href;
}

function remembered() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage refused (a private window's settings): nothing is remembered
  }
}

/** Whether the page is being replaced by the remembered language's (nothing more should run then). */
export function followRememberedLanguage() {
  const chosen = remembered();
  const options = [...document.querySelectorAll("#language option")].map((option) => option.value);
  if (!chosen || chosen === language || !options.includes(chosen) || new URLSearchParams(location.search).has("lang")) return false;
  location.replace(addressIn(chosen));
  return true;
}

export function createLanguageSwitch(form) {
  const select = form.querySelector("select");
  form.querySelector("button[type=submit]").hidden = true;
  select.addEventListener("change", () => {
    try {
      localStorage.setItem(KEY, select.value);
    } catch {
      // not remembered; the address still carries the choice
    }
    location.assign(addressIn(select.value));
  });
}
