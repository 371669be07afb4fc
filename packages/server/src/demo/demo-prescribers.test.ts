import { isValidRpps } from '@sillage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { prescriberCreateSchema } from '../modules/prescribers/prescribers.schemas.js';
import { demoPrescribers, seedDemoPrescribers } from './demo-prescribers.js';

describe('demo prescribers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('are valid API inputs with valid RPPS keys', () => {
    for (const prescriber of demoPrescribers) {
      expect(prescriberCreateSchema.safeParse(prescriber).success, prescriber.lastName).toBe(true);
      if (prescriber.rpps !== null) {
        expect(isValidRpps(prescriber.rpps), prescriber.rpps).toBe(true);
      }
    }
  });

  it('are created once: a second run leaves them as they are', async () => {
    const context = { actor: null, requestId: null, address: null };
    expect(await seedDemoPrescribers(t.app.services, context)).toHaveLength(demoPrescribers.length);
    expect(await seedDemoPrescribers(t.app.services, context)).toHaveLength(0);
  });
});
