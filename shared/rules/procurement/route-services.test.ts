import { describe, expect, it } from 'vitest';
import { checkServicesForRoute } from './route-services';

describe('checkServicesForRoute', () => {
  it('refuses a s33 reservation for a service that is not reservable, citing s33(1)(a)', () => {
    expect(checkServicesForRoute('pa23_reserved_mutual', ['85312000-9', '79100000-5'])).toEqual([
      { field: 'services.1', message: 'A contract reserved to public service mutuals must be for reservable light touch services (Procurement Act 2023 s33(1)(a)); 79100000-5 Legal services is not one.' },
    ]);
    expect(checkServicesForRoute('pa23_reserved_mutual', ['85312000-9', '92600000-7'])).toEqual([]);
  });

  it('holds a reg 77 contract to the reg 77(2) list, child codes included only where listed', () => {
    expect(checkServicesForRoute('pcr15_reg77', ['92500000-6'])).toEqual([]);
    expect(checkServicesForRoute('pcr15_reg77', ['92510000-9'])[0]?.message).toBe(
      'A contract reserved under regulation 77 of the Public Contracts Regulations 2015 must be exclusively for the services listed in reg 77(2); 92510000-9 Library and archive services is not listed.',
    );
  });

  it('asks a reserved contract for its services, and lets other routes take any', () => {
    expect(checkServicesForRoute('pa23_reserved_mutual', [])).toEqual([{ field: 'services', message: 'A reserved contract must say which services it is for: add its CPV codes, so the app can check they may be reserved.' }]);
    expect(checkServicesForRoute('pa23_open', ['79100000-5', '90911200-8'])).toEqual([]);
    expect(checkServicesForRoute('pcr15_light_touch', ['55100000-1'])).toEqual([]);
  });
});
