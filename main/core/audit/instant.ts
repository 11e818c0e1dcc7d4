const instant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** An ISO instant as UK local time for messages: "30 Nov 2026, 14:05". */
export function formatInstantUk(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instant.format(d);
}
