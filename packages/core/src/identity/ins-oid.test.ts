import { describe, expect, it } from 'vitest';
import { INS_NIA_OID, INS_NIR_OID, INS_NIR_TEST_OID, insOidForKind, isInsOid, isTestInsOid } from './ins-oid.js';

describe('INS OIDs', () => {
  it('are the FR Core / ANS authorities', () => {
    expect(INS_NIR_OID).toBe('1.2.250.1.213.1.4.8');
    expect(INS_NIA_OID).toBe('1.2.250.1.213.1.4.9');
    expect(insOidForKind('NIR')).toBe(INS_NIR_OID);
    expect(insOidForKind('NIA')).toBe(INS_NIA_OID);
  });

  it('recognises the test authority of the CI-SIS examples as a test OID', () => {
    // PID-3 of the CI-SIS HL7 examples: ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO
    expect(isInsOid('1.2.250.1.213.1.4.10')).toBe(true);
    expect(isTestInsOid(INS_NIR_TEST_OID)).toBe(true);
    expect(isTestInsOid(INS_NIR_OID)).toBe(false);
  });

  it('refuses other OIDs', () => {
    expect(isInsOid('1.2.250.1.213.1.4.2')).toBe(false);
    expect(isInsOid('1.2.250.1.213.1.4.8 ')).toBe(false);
  });
});
