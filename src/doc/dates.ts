/**
 * A date filter: YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day ("2024-02-30" is none).
 * The shape alone lets "2024-13-45" through, which then matches nothing without saying why.
 */
export function isDatePrefix(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}
