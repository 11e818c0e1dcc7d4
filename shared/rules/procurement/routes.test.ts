import { describe, expect, it } from 'vitest';
import { PROCUREMENT_ROUTES, ROUTES, isProcurementRoute, routeInfo } from './routes';

describe('procurement routes', () => {
  it('describes every route with its label, regime and legal basis', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...PROCUREMENT_ROUTES].sort());
    for (const route of PROCUREMENT_ROUTES) {
      const info = routeInfo(route);
      expect(info.route).toBe(route);
      expect(info.label.length).toBeGreaterThan(5);
      expect(info.legalBasis.length).toBeGreaterThan(10);
      expect(info.termNote.length).toBeGreaterThan(5);
    }
  });

  it('sets five years for a s33 reservation and three for a reg 77 one, citing each', () => {
    expect(ROUTES.pa23_reserved_mutual.maximumTerm).toMatchObject({ months: 60, citation: 'Procurement Act 2023 s33(1)(b)' });
    expect(ROUTES.pcr15_reg77.maximumTerm).toMatchObject({ months: 36, citation: 'Public Contracts Regulations 2015 reg 77(5)' });
  });

  it('sets no maximum elsewhere, and says a framework’s own limit (s47) is not the call-off’s', () => {
    const limited = PROCUREMENT_ROUTES.filter((r) => ROUTES[r].maximumTerm !== null);
    expect(limited.sort()).toEqual(['pa23_reserved_mutual', 'pcr15_reg77']);
    expect(ROUTES.pa23_open.termNote).toBe('The law sets no maximum term for this route; the contract decides.');
    expect(ROUTES.pa23_framework_call_off.termNote).toMatch(/Section 47 limits the framework itself, not contracts called off under it, to four years/);
    expect(ROUTES.pa23_framework_call_off.termNote).toMatch(/does not apply to a light touch framework/);
  });

  it('cites the Provider Selection Regime process by its regulation', () => {
    expect(ROUTES.psr_direct_a.label).toMatch(/reg 7\)$/);
    expect(ROUTES.psr_direct_b.label).toMatch(/reg 8\)$/);
    expect(ROUTES.psr_direct_c.label).toMatch(/reg 9\)$/);
    expect(ROUTES.psr_most_suitable.label).toMatch(/reg 10\)$/);
    expect(ROUTES.psr_competitive.label).toMatch(/reg 11\)$/);
  });

  it('recognises route names', () => {
    expect(isProcurementRoute('pa23_reserved_mutual')).toBe(true);
    expect(isProcurementRoute('reserved')).toBe(false);
  });
});
