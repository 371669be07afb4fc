import { describe, expect, it } from 'vitest';
import {
  IDENTITY_STATUSES,
  allowedStatusTransitions,
  changedStrictTraits,
  checkStatusTransition,
  deriveIdentityStatus,
  mayShareInsOutward,
  requiresIdentityDocument,
  requiresIns,
  type IdentityStatus,
  type StatusTransitionContext,
} from './identity-status.js';

const fullEvidence: StatusTransitionContext = {
  insRetrievedFromInsi: true,
  highTrustDocumentChecked: true,
  reason: 'contrôle CNI',
};

describe('status facts (RNIV grid)', () => {
  it.each([
    ['PROV', false, false, false],
    ['RECUP', true, false, false],
    ['VALI', false, true, false],
    ['QUAL', true, true, true],
  ] as const)('%s: requires INS %s, requires document %s, may share INS %s', (status, ins, document, share) => {
    expect(requiresIns(status)).toBe(ins);
    expect(requiresIdentityDocument(status)).toBe(document);
    expect(mayShareInsOutward(status)).toBe(share);
  });

  it.each([
    [false, false, 'PROV'],
    [true, false, 'RECUP'],
    [false, true, 'VALI'],
    [true, true, 'QUAL'],
  ] as const)('INSi %s + document %s derive %s', (insRetrievedFromInsi, highTrustDocumentChecked, status) => {
    expect(deriveIdentityStatus({ insRetrievedFromInsi, highTrustDocumentChecked })).toBe(status);
  });

  it('derives PROV for a doubtful or fictitious identity whatever the evidence', () => {
    expect(
      deriveIdentityStatus({ insRetrievedFromInsi: true, highTrustDocumentChecked: true, attributes: ['DOUTEUSE'] })
    ).toBe('PROV');
    expect(
      deriveIdentityStatus({ insRetrievedFromInsi: true, highTrustDocumentChecked: true, attributes: ['FICTIVE'] })
    ).toBe('PROV');
    expect(
      deriveIdentityStatus({ insRetrievedFromInsi: true, highTrustDocumentChecked: true, attributes: ['HOMONYME'] })
    ).toBe('QUAL');
  });
});

describe('allowedStatusTransitions', () => {
  it('lists each pair once and never a status to itself', () => {
    const pairs = allowedStatusTransitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(allowedStatusTransitions.every((t) => t.from !== t.to)).toBe(true);
  });

  it('guards every upgrade with the evidence of its target and every downgrade with a reason', () => {
    for (const transition of allowedStatusTransitions) {
      if (requiresIns(transition.to)) {
        expect(transition.guards).toContain('insRetrievedFromInsi');
      }
      if (requiresIdentityDocument(transition.to)) {
        expect(transition.guards).toContain('highTrustDocumentChecked');
      }
      expect(transition.guards.includes('reasonGiven')).toBe(transition.kind === 'downgrade');
    }
  });

  it('reaches QUAL from every other status and PROV from every other status', () => {
    for (const status of IDENTITY_STATUSES.filter((s) => s !== 'QUAL')) {
      expect(allowedStatusTransitions.some((t) => t.from === status && t.to === 'QUAL')).toBe(true);
    }
    for (const status of IDENTITY_STATUSES.filter((s) => s !== 'PROV')) {
      expect(allowedStatusTransitions.some((t) => t.from === status && t.to === 'PROV')).toBe(true);
    }
  });
});

describe('checkStatusTransition', () => {
  it.each([
    // upgrades with their evidence
    ['PROV', 'RECUP', { insRetrievedFromInsi: true, highTrustDocumentChecked: false }, null],
    ['PROV', 'VALI', { insRetrievedFromInsi: false, highTrustDocumentChecked: true }, null],
    ['PROV', 'QUAL', { insRetrievedFromInsi: true, highTrustDocumentChecked: true }, null],
    ['RECUP', 'QUAL', { insRetrievedFromInsi: true, highTrustDocumentChecked: true }, null],
    ['VALI', 'QUAL', { insRetrievedFromInsi: true, highTrustDocumentChecked: true }, null],
    // upgrades without it
    [
      'PROV',
      'RECUP',
      { insRetrievedFromInsi: false, highTrustDocumentChecked: true },
      'SIL_IDENTITY_STATUS_REQUIRES_INS',
    ],
    [
      'PROV',
      'VALI',
      { insRetrievedFromInsi: true, highTrustDocumentChecked: false },
      'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ],
    [
      'PROV',
      'QUAL',
      { insRetrievedFromInsi: true, highTrustDocumentChecked: false },
      'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ],
    [
      'PROV',
      'QUAL',
      { insRetrievedFromInsi: false, highTrustDocumentChecked: true },
      'SIL_IDENTITY_STATUS_REQUIRES_INS',
    ],
    [
      'RECUP',
      'QUAL',
      { insRetrievedFromInsi: true, highTrustDocumentChecked: false },
      'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT',
    ],
    [
      'VALI',
      'QUAL',
      { insRetrievedFromInsi: false, highTrustDocumentChecked: true },
      'SIL_IDENTITY_STATUS_REQUIRES_INS',
    ],
    // downgrades need a reason
    ['QUAL', 'PROV', { insRetrievedFromInsi: false, highTrustDocumentChecked: false, reason: 'INS désactivé' }, null],
    ['QUAL', 'PROV', { insRetrievedFromInsi: false, highTrustDocumentChecked: false }, 'SIL_REASON_REQUIRED'],
    [
      'QUAL',
      'PROV',
      { insRetrievedFromInsi: false, highTrustDocumentChecked: false, reason: '   ' },
      'SIL_REASON_REQUIRED',
    ],
    [
      'QUAL',
      'VALI',
      { insRetrievedFromInsi: false, highTrustDocumentChecked: true, reason: 'INS invalidé par INSi' },
      null,
    ],
    [
      'QUAL',
      'RECUP',
      { insRetrievedFromInsi: true, highTrustDocumentChecked: false, reason: 'pièce non conforme' },
      null,
    ],
    ['RECUP', 'PROV', { insRetrievedFromInsi: false, highTrustDocumentChecked: false, reason: 'collision' }, null],
    ['VALI', 'PROV', { insRetrievedFromInsi: false, highTrustDocumentChecked: false }, 'SIL_REASON_REQUIRED'],
    // lateral moves are two steps
    ['RECUP', 'VALI', fullEvidence, 'SIL_IDENTITY_STATUS_TRANSITION'],
    ['VALI', 'RECUP', fullEvidence, 'SIL_IDENTITY_STATUS_TRANSITION'],
  ] as const)('%s → %s with %j: %s', (from, to, context, expected) => {
    expect(checkStatusTransition(from, to, context)).toBe(expected);
  });

  it('keeps a doubtful or fictitious identity provisional', () => {
    expect(checkStatusTransition('PROV', 'VALI', { ...fullEvidence, attributes: ['DOUTEUSE'] })).toBe(
      'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV'
    );
    expect(checkStatusTransition('PROV', 'QUAL', { ...fullEvidence, attributes: ['FICTIVE'] })).toBe(
      'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV'
    );
    // Marking a qualified identity doubtful must take it down to PROV (with a reason).
    expect(checkStatusTransition('QUAL', 'QUAL', { ...fullEvidence, attributes: ['DOUTEUSE'] })).toBe(
      'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV'
    );
    expect(checkStatusTransition('QUAL', 'PROV', { ...fullEvidence, attributes: ['DOUTEUSE'] })).toBe(null);
    expect(checkStatusTransition('PROV', 'QUAL', { ...fullEvidence, attributes: ['HOMONYME'] })).toBe(null);
  });

  it.each(['RECUP', 'VALI', 'QUAL'] as const)('locks the strict traits of a %s identity', (from: IdentityStatus) => {
    const edit = { ...fullEvidence, changedStrictTraits: ['birthDate'] as const };
    expect(checkStatusTransition(from, from, edit)).toBe('SIL_IDENTITY_LOCKED');
    expect(checkStatusTransition(from, 'QUAL', edit)).toBe('SIL_IDENTITY_LOCKED');
    expect(checkStatusTransition(from, 'PROV', edit)).toBe(null);
    expect(checkStatusTransition(from, 'PROV', { ...edit, reason: null })).toBe('SIL_REASON_REQUIRED');
  });

  it('lets a provisional identity edit its strict traits freely', () => {
    expect(
      checkStatusTransition('PROV', 'PROV', {
        insRetrievedFromInsi: false,
        highTrustDocumentChecked: false,
        changedStrictTraits: ['birthName'],
      })
    ).toBe(null);
  });

  it('lets a new identity start at any status its evidence supports (from = null)', () => {
    const none = { insRetrievedFromInsi: false, highTrustDocumentChecked: false };
    expect(checkStatusTransition(null, 'PROV', none)).toBe(null);
    expect(checkStatusTransition(null, 'QUAL', { insRetrievedFromInsi: true, highTrustDocumentChecked: true })).toBe(
      null
    );
    expect(checkStatusTransition(null, 'RECUP', none)).toBe('SIL_IDENTITY_STATUS_REQUIRES_INS');
    expect(checkStatusTransition(null, 'VALI', none)).toBe('SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT');
    expect(checkStatusTransition(null, 'VALI', { ...fullEvidence, attributes: ['FICTIVE'] })).toBe(
      'SIL_IDENTITY_ATTRIBUTE_FORCES_PROV'
    );
    // no reason asked, no strict-trait lock on creation
    expect(
      checkStatusTransition(null, 'QUAL', { ...fullEvidence, reason: null, changedStrictTraits: ['birthName'] })
    ).toBe(null);
  });

  it('checks that an unchanged status still has its evidence', () => {
    expect(checkStatusTransition('QUAL', 'QUAL', fullEvidence)).toBe(null);
    expect(checkStatusTransition('QUAL', 'QUAL', { ...fullEvidence, insRetrievedFromInsi: false })).toBe(
      'SIL_IDENTITY_STATUS_REQUIRES_INS'
    );
    expect(checkStatusTransition('VALI', 'VALI', { ...fullEvidence, highTrustDocumentChecked: false })).toBe(
      'SIL_IDENTITY_STATUS_REQUIRES_DOCUMENT'
    );
    expect(
      checkStatusTransition('PROV', 'PROV', { insRetrievedFromInsi: false, highTrustDocumentChecked: false })
    ).toBe(null);
  });
});

describe('changedStrictTraits', () => {
  const before = {
    birthName: 'LEFEVRE',
    birthFirstNames: 'MARIE CLAIRE',
    firstFirstName: 'MARIE',
    birthDate: '1965-03-12',
    sex: 'F',
    birthplaceInsee: '2A004',
  };

  it('is empty when nothing changes but case and accents', () => {
    expect(changedStrictTraits(before, { ...before, birthName: 'Lefèvre', birthplaceInsee: '2a004' })).toEqual([]);
  });

  it('lists every changed strict trait in a stable order', () => {
    expect(changedStrictTraits(before, { ...before, sex: 'M', birthName: 'LEFEBVRE', birthplaceInsee: null })).toEqual([
      'birthName',
      'sex',
      'birthplaceInsee',
    ]);
  });
});
