/** The JSON in `text`, or undefined when it is not JSON (a proxy's page, a cut answer). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
