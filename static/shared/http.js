/** Requests to the API. */

/** The JSON answer of `url`; an error answer throws an Error naming the address, the status and the API's detail. */
export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = "";
    try {
      detail = (await response.json()).detail ?? "";
    } catch { /* not JSON */ }
    throw new Error(`${url} answered ${response.status}${detail ? `: ${detail}` : ""}`);
  }
  return response.json();
}
