/**
 * Tubes to draw for an order, computed from the requested analyses: analyses that need the same
 * container and specimen type share a tube up to its capacity (a new tube when the next one does not
 * fit), an analysis marked not shareable gets its own, and the tubes come out in the order of draw.
 *
 * Order of draw (CLSI GP41-A7 "Collection of Diagnostic Venous Blood Specimens", 2017; joint
 * EFLM-COLABIOCLI recommendation for venous blood sampling, Simundic AM et al., Clin Chem Lab Med
 * 2018;56:2015-38): blood culture → citrate (bleu) → serum, plain or gel (rouge / jaune-or) → heparin
 * (vert) → EDTA (violet) → fluoride/oxalate (gris) → others. The sequence keeps additives from being
 * carried into the next tube (EDTA carried into a serum tube lowers calcium and raises potassium).
 */
import { SillageError } from '../errors/sillage-error.js';

export type ContainerAdditive = 'blood-culture' | 'citrate' | 'serum' | 'heparin' | 'edta' | 'fluoride' | 'other';

/** Rank in the order of draw of each additive family (CLSI GP41 / EFLM-COLABIOCLI 2018). */
export const orderOfDrawRank: Readonly<Record<ContainerAdditive, number>> = {
  'blood-culture': 1,
  citrate: 2,
  serum: 3,
  heparin: 4,
  edta: 5,
  fluoride: 6,
  other: 7,
};

export interface ContainerDefinition {
  readonly code: string;
  /** Cap colour as printed on the label (`bleu`, `jaune`, `vert`, `violet`, `gris`…). */
  readonly colour: string;
  readonly capacityMl: number;
  /** Rank in the order of draw (use `orderOfDrawRank[additive]`); lower is drawn first. */
  readonly drawOrder: number;
}

export interface TubeRequirement {
  /** Analysis code (catalogue). */
  readonly code: string;
  readonly containerCode: string;
  readonly volumeMl: number;
  /** Specimen type (`sang`, `urine`…): two analyses share a tube only with the same container and type. */
  readonly specimenType: string;
  /** Default true; false when the analysis needs a tube of its own (e.g. sent frozen, or to another lab). */
  readonly shareable?: boolean;
}

export interface PlannedTube {
  /** 1-based rank in the order of draw: the 2-digit suffix of the specimen barcode. */
  readonly index: number;
  readonly containerCode: string;
  readonly colour: string;
  readonly specimenType: string;
  readonly drawOrder: number;
  /** Analysis codes sharing the tube. */
  readonly analyses: readonly string[];
  /** Sum of the volumes the analyses need (≤ the container's capacity). */
  readonly volumeMl: number;
}

interface OpenTube {
  container: ContainerDefinition;
  specimenType: string;
  analyses: string[];
  volumeMl: number;
}

/**
 * The tubes for the requirements, in order of draw (then container code, then specimen type).
 * Throws `SIL_TUBE_CONTAINER_UNKNOWN` for a container not in `containers`, and
 * `SIL_TUBE_VOLUME_EXCEEDS_CAPACITY` when one analysis alone needs more than its container holds.
 * Shareable analyses are packed first-fit by decreasing volume (ties by code), which keeps the
 * number of tubes small and the result independent of the order the analyses were typed in.
 */
export function computeTubes(
  requirements: readonly TubeRequirement[],
  containers: readonly ContainerDefinition[]
): PlannedTube[] {
  const containerByCode = new Map(containers.map((container) => [container.code, container]));
  const groups = new Map<string, { container: ContainerDefinition; specimenType: string; items: TubeRequirement[] }>();
  for (const requirement of requirements) {
    const container = containerByCode.get(requirement.containerCode);
    if (container === undefined) {
      throw new SillageError('SIL_TUBE_CONTAINER_UNKNOWN', {
        detail: `${requirement.code}: ${requirement.containerCode}`,
      });
    }
    if (!(requirement.volumeMl >= 0) || requirement.volumeMl > container.capacityMl) {
      throw new SillageError('SIL_TUBE_VOLUME_EXCEEDS_CAPACITY', {
        detail: `${requirement.code}: ${requirement.volumeMl} mL > ${container.capacityMl} mL (${container.code})`,
      });
    }
    const key = `${container.code}\u0000${requirement.specimenType}`;
    const group = groups.get(key) ?? { container, specimenType: requirement.specimenType, items: [] };
    group.items.push(requirement);
    groups.set(key, group);
  }

  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.container.drawOrder - b.container.drawOrder ||
      compareText(a.container.code, b.container.code) ||
      compareText(a.specimenType, b.specimenType)
  );

  const tubes: OpenTube[] = [];
  for (const group of ordered) {
    const shared: OpenTube[] = [];
    const own: OpenTube[] = [];
    const items = [...group.items].sort((a, b) => b.volumeMl - a.volumeMl || compareText(a.code, b.code));
    for (const item of items) {
      if (item.shareable === false) {
        own.push({
          container: group.container,
          specimenType: group.specimenType,
          analyses: [item.code],
          volumeMl: item.volumeMl,
        });
        continue;
      }
      const fits = shared.find((tube) => tube.volumeMl + item.volumeMl <= group.container.capacityMl + 1e-9);
      if (fits === undefined) {
        shared.push({
          container: group.container,
          specimenType: group.specimenType,
          analyses: [item.code],
          volumeMl: item.volumeMl,
        });
      } else {
        fits.analyses.push(item.code);
        fits.volumeMl += item.volumeMl;
      }
    }
    tubes.push(...shared, ...own);
  }

  return tubes.map((tube, position) => ({
    index: position + 1,
    containerCode: tube.container.code,
    colour: tube.container.colour,
    specimenType: tube.specimenType,
    drawOrder: tube.container.drawOrder,
    analyses: tube.analyses,
    volumeMl: tube.volumeMl,
  }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
