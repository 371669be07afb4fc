import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTubes, orderOfDrawRank, type ContainerDefinition, type TubeRequirement } from './tubes.js';

// Containers of a French lab, ranked by the order of draw (CLSI GP41 / EFLM-COLABIOCLI 2018).
const containers: ContainerDefinition[] = [
  { code: 'EDTA4', colour: 'violet', capacityMl: 4, drawOrder: orderOfDrawRank.edta },
  { code: 'SST5', colour: 'jaune', capacityMl: 5, drawOrder: orderOfDrawRank.serum },
  { code: 'CIT27', colour: 'bleu', capacityMl: 2.7, drawOrder: orderOfDrawRank.citrate },
  { code: 'FLU4', colour: 'gris', capacityMl: 4, drawOrder: orderOfDrawRank.fluoride },
  { code: 'HEP4', colour: 'vert', capacityMl: 4, drawOrder: orderOfDrawRank.heparin },
  { code: 'HC10', colour: 'hémoculture', capacityMl: 10, drawOrder: orderOfDrawRank['blood-culture'] },
  { code: 'POT', colour: 'pot stérile', capacityMl: 60, drawOrder: orderOfDrawRank.other },
];

function req(
  code: string,
  containerCode: string,
  volumeMl: number,
  extra: Partial<TubeRequirement> = {}
): TubeRequirement {
  return { code, containerCode, volumeMl, specimenType: 'sang', ...extra };
}

describe('orderOfDrawRank', () => {
  it('blood culture → citrate → serum → heparin → EDTA → fluoride → others', () => {
    const ranked = (Object.keys(orderOfDrawRank) as (keyof typeof orderOfDrawRank)[]).sort(
      (a, b) => orderOfDrawRank[a] - orderOfDrawRank[b]
    );
    expect(ranked).toEqual(['blood-culture', 'citrate', 'serum', 'heparin', 'edta', 'fluoride', 'other']);
  });
});

describe('computeTubes', () => {
  it('one tube per container, in order of draw, with its analyses and volume', () => {
    const tubes = computeTubes(
      [
        req('NFS', 'EDTA4', 2),
        req('GLY', 'FLU4', 1),
        req('CREA', 'SST5', 0.5),
        req('IONO', 'HEP4', 1),
        req('TP', 'CIT27', 1.3),
        req('TCA', 'CIT27', 1.3),
        req('ECBU', 'POT', 20, { specimenType: 'urine' }),
        req('HEMOC', 'HC10', 10),
      ],
      containers
    );
    expect(tubes.map((tube) => [tube.index, tube.containerCode, tube.colour, tube.analyses, tube.volumeMl])).toEqual([
      [1, 'HC10', 'hémoculture', ['HEMOC'], 10],
      [2, 'CIT27', 'bleu', ['TCA', 'TP'], 2.6],
      [3, 'SST5', 'jaune', ['CREA'], 0.5],
      [4, 'HEP4', 'vert', ['IONO'], 1],
      [5, 'EDTA4', 'violet', ['NFS'], 2],
      [6, 'FLU4', 'gris', ['GLY'], 1],
      [7, 'POT', 'pot stérile', ['ECBU'], 20],
    ]);
  });

  it('splits when the next analysis does not fit (first fit by decreasing volume)', () => {
    const tubes = computeTubes(
      [req('A', 'SST5', 1), req('B', 'SST5', 3), req('C', 'SST5', 2), req('D', 'SST5', 1.5), req('E', 'SST5', 0.5)],
      containers
    );
    // Sorted: B 3, C 2, D 1.5, A 1, E 0.5 → tube 1: B + C (5); tube 2: D + A + E (3).
    expect(tubes.map((tube) => [tube.analyses, tube.volumeMl])).toEqual([
      [['B', 'C'], 5],
      [['D', 'A', 'E'], 3],
    ]);
  });

  it('a non-shareable analysis gets its own tube, after the shared ones of its container', () => {
    const tubes = computeTubes(
      [req('NH3', 'EDTA4', 2, { shareable: false }), req('NFS', 'EDTA4', 1), req('HBA1C', 'EDTA4', 1)],
      containers
    );
    expect(tubes.map((tube) => tube.analyses)).toEqual([['HBA1C', 'NFS'], ['NH3']]);
  });

  it('same container, different specimen types: separate tubes', () => {
    const tubes = computeTubes(
      [req('ECBU', 'POT', 20, { specimenType: 'urine' }), req('COPRO', 'POT', 10, { specimenType: 'selles' })],
      containers
    );
    expect(tubes.map((tube) => [tube.specimenType, tube.analyses])).toEqual([
      ['selles', ['COPRO']],
      ['urine', ['ECBU']],
    ]);
  });

  it('no analysis, no tube', () => {
    expect(computeTubes([], containers)).toEqual([]);
  });

  it.each([
    [[req('NFS', 'EDTA99', 2)], 'SIL_TUBE_CONTAINER_UNKNOWN'],
    [[req('TP', 'CIT27', 3)], 'SIL_TUBE_VOLUME_EXCEEDS_CAPACITY'],
    [[req('TP', 'CIT27', -1)], 'SIL_TUBE_VOLUME_EXCEEDS_CAPACITY'],
  ])('%o → %s', (requirements, code) => {
    expect(() => computeTubes(requirements, containers)).toThrowError(expect.objectContaining({ code }));
  });

  const pool: TubeRequirement[] = [
    req('NFS', 'EDTA4', 2),
    req('HBA1C', 'EDTA4', 1),
    req('VS', 'EDTA4', 1.5),
    req('CREA', 'SST5', 0.5),
    req('TSH', 'SST5', 1),
    req('FER', 'SST5', 0.5),
    req('LIP', 'SST5', 1),
    req('B12', 'SST5', 1),
    req('PSA', 'SST5', 1),
    req('VITD', 'SST5', 1.5),
    req('TP', 'CIT27', 1.3),
    req('TCA', 'CIT27', 1.3),
    req('DDI', 'CIT27', 1),
    req('GLY', 'FLU4', 1),
    req('NH3', 'EDTA4', 2, { shareable: false }),
  ];

  it('does not depend on the order the analyses were typed in, keeps every analysis once and fits capacities', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (subset) => {
        const tubes = computeTubes(subset, containers);
        const reversed = computeTubes([...subset].reverse(), containers);
        expect(reversed).toEqual(tubes);
        expect(tubes.flatMap((tube) => tube.analyses).sort()).toEqual(subset.map((item) => item.code).sort());
        const capacity = new Map(containers.map((container) => [container.code, container.capacityMl]));
        for (const tube of tubes) {
          expect(tube.volumeMl).toBeLessThanOrEqual((capacity.get(tube.containerCode) ?? 0) + 1e-9);
        }
        expect(tubes.map((tube) => tube.index)).toEqual(tubes.map((_, position) => position + 1));
        const ranks = tubes.map((tube) => tube.drawOrder);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      })
    );
  });
});
