/**
 * A holding over time. A share ledger entry may be dated in the past (an allotment made last
 * month and entered today), so it changes the holding on its date and on every later date, not
 * only today's. Every entry must leave the holding valid on every one of those dates: never below
 * nothing, and never above the class's maximum or the £100,000 limit of CCBS Act 2014 s24(1).
 * Holdings are compared at the end of each day (entries on one day are taken together), which is
 * what "held on a date" means in the register.
 */
export interface Movement {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Signed: positive in, negative out. */
  shares: number;
}

export interface DayBalance {
  date: string;
  balance: number;
}

/** The holding at the end of each day on which it moved, in date order. */
export function dailyBalances(movements: readonly Movement[]): DayBalance[] {
  const byDay = new Map<string, number>();
  for (const m of movements) byDay.set(m.date, (byDay.get(m.date) ?? 0) + m.shares);
  let balance = 0;
  return [...byDay.keys()].sort().map((date) => {
    balance += byDay.get(date)!;
    return { date, balance };
  });
}

/** The holding at the end of `date`. */
export function balanceOn(movements: readonly Movement[], date: string): number {
  return movements.reduce((n, m) => (m.date <= date ? n + m.shares : n), 0);
}

export interface InvalidDay {
  date: string;
  balance: number;
  problem: string;
}

/**
 * The first day on or after `from` whose end-of-day holding `check` refuses (it returns the
 * reason), or null when every day is valid.
 *
 * @example
 * // 10 allotted on 2 November, 5 on 30 November, 12 withdrawn on 20 November:
 * firstInvalidDay([{ date: '2026-11-02', shares: 10 }, { date: '2026-11-30', shares: 5 }, { date: '2026-11-20', shares: -12 }], '2026-11-20', nonNegative)
 * // { date: '2026-11-20', balance: -2, problem: … }
 */
export function firstInvalidDay(movements: readonly Movement[], from: string, check: (balance: number) => string | null): InvalidDay | null {
  for (const day of dailyBalances(movements)) {
    if (day.date < from) continue;
    const problem = check(day.balance);
    if (problem !== null) return { ...day, problem };
  }
  return null;
}
