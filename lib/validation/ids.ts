// A record id as it comes in a URL segment or a query parameter: digits only,
// at most nine (an int column), or null (the page answers 404).
export function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
