/**
 * Whether a contract's service categories fit the legal basis it was awarded on, where the law
 * ties the basis to a list of services:
 * - reserved to public service mutuals: the contract must be for reservable light touch services
 *   (Procurement Act 2023 s33(1)(a); SI 2024/692 reg 42(2));
 * - reserved under PCR 2015 reg 77: the contract must be exclusively for services listed in
 *   reg 77(2) (Directive 2014/24/EU art 77(1), which reg 77 transposes, says "exclusively");
 * - PCR 2015 light touch regime (regs 74 to 76): the services must be in Schedule 3.
 * Other routes take any services. The PA 2023 flags rest on PA2023_BASIS (cpv-lists.ts).
 *
 * A code the app does not ship is reported by the CPV check, not here.
 */
import { lookupCpv } from './cpv';
import type { ProcurementRoute } from './routes';

export interface ServiceProblem {
  field: string;
  message: string;
}

export function checkServicesForRoute(route: ProcurementRoute, codes: readonly string[]): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  codes.forEach((code, i) => {
    const entry = lookupCpv(code);
    if (!entry) return;
    const name = `${entry.code} ${entry.description}`;
    if (route === 'pa23_reserved_mutual' && !entry.reservable) {
      problems.push({ field: `services.${i}`, message: `A contract reserved to public service mutuals must be for reservable light touch services (Procurement Act 2023 s33(1)(a)); ${name} is not one.` });
    } else if (route === 'pcr15_reg77' && !entry.reg77) {
      problems.push({ field: `services.${i}`, message: `A contract reserved under regulation 77 of the Public Contracts Regulations 2015 must be exclusively for the services listed in reg 77(2); ${name} is not listed.` });
    } else if (route === 'pcr15_light_touch' && !entry.pcr2015LightTouch) {
      problems.push({ field: `services.${i}`, message: `The light touch regime (Public Contracts Regulations 2015 regs 74 to 76) covers only the services in Schedule 3; ${name} is not one of them.` });
    }
  });
  if (codes.length === 0 && (route === 'pa23_reserved_mutual' || route === 'pcr15_reg77')) {
    problems.push({ field: 'services', message: 'A reserved contract must say which services it is for: add its CPV codes, so the app can check they may be reserved.' });
  }
  return problems;
}
