/**
 * `<input type="datetime-local">` speaks local wall-clock time without zone (`2025-06-02T09:30`);
 * the API wants ISO 8601 instants with an offset. The browser's time zone is the lab's (the desk
 * and the bench stand in the lab), so the conversion goes through the local clock.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `Date` → `YYYY-MM-DDTHH:mm` in local time, the value a datetime-local input takes. */
export function toDateTimeLocalValue(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours()
  )}:${pad(date.getMinutes())}`;
}

/** `YYYY-MM-DDTHH:mm[:ss]` (local) → ISO instant (`…Z`), or null when empty or not a date. */
export function dateTimeLocalToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match === null) {
    return null;
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? '0'));
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0, seconds ?? 0);
  // new Date() rolls 31/02 over to March: refuse dates that do not exist.
  if (date.getDate() !== day || date.getMonth() !== (month ?? 1) - 1 || (hours ?? 0) > 23 || (minutes ?? 0) > 59) {
    return null;
  }
  return date.toISOString();
}
