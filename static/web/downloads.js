/**
 * The Share dialog's "Download picture" and "Download animation": links to the server's pictures of the
 * current view (/image.png, /animation.gif, drawn by the pictures app), with the map's own parameters.
 * The animation plays the dialog's window ("Play from … to …"; blank: the 90 days up to the date shown)
 * one frame per step of the chosen playback speed, a frame a second; past the server's 300 frames the
 * link is withheld and the status says why, instead of downloading an error.
 */
import { dayToISO, formatDay, parseDay } from "../shared/days.js";
import { gettext, interpolate, ngettext } from "../shared/i18n.js";
import { writeState } from "../shared/urlstate.js";

export const MAX_FRAMES = 300;
const DEFAULT_SPAN = 90;
const ANIMATION_SIZE = { width: 800, height: 600 };

/** {picture, animation, problem}: the two addresses for a map view ({at, place, lat, ...} as readState gives). */
export function downloadAddresses(view, { imagePath, animationPath, from, to, step, today }) {
  const query = writeState(view);
  const last = to ?? view.at ?? today;
  const first = from ?? last - DEFAULT_SPAN;
  const frames = Math.floor((last - first) / step) + 1 + ((last - first) % step ? 1 : 0);
  const params = new URLSearchParams(query);
  params.set("from", dayToISO(first));
  params.set("to", dayToISO(last));
  params.set("step", String(step));
  for (const [name, value] of Object.entries(ANIMATION_SIZE)) params.set(name, String(value));
  let problem = null;
  if (first > last) problem = gettext("The animation's window ends before it starts.");
  else if (frames > MAX_FRAMES) {
    problem = interpolate(gettext("The animation would have %(frames)s frames; at most %(most)s: choose a shorter window or a faster speed."),
      { frames, most: MAX_FRAMES });
  }
  return {
    picture: `${imagePath}${query}`,
    animation: problem ? null : `${animationPath}?${params.toString().replace(/%2C/g, ",")}`,
    problem,
    span: interpolate(ngettext("%(from)s to %(to)s, %(frames)s frame", "%(from)s to %(to)s, %(frames)s frames", frames),
      { from: formatDay(first), to: formatDay(last), frames }),
  };
}

/** The row of links; update(view, {from, to, step}) points them at that view. */
export function createDownloads({ imagePath, animationPath, status }) {
  const row = document.createElement("p");
  row.className = "share-row share-downloads";
  const link = (text) => {
    const a = document.createElement("a");
    a.textContent = text;
    a.setAttribute("download", "");
    return a;
  };
  const picture = link(gettext("Download picture"));
  const animation = link(gettext("Download animation"));
  row.append(picture, animation);
  return {
    row,
    update(view, span) {
      const today = parseDay(new Date().toISOString().slice(0, 10));
      const found = downloadAddresses(view, { imagePath, animationPath, today, ...span });
      picture.href = found.picture;
      if (found.animation) {
        animation.href = found.animation;
        animation.title = found.span;
        animation.removeAttribute("aria-disabled");
      } else {
        animation.removeAttribute("href");
        animation.setAttribute("aria-disabled", "true");
        status.textContent = found.problem;
      }
    },
  };
}
