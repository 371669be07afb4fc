/**
 * Starter containers. Order of draw: CLSI GP41 (7th ed., 2017) — blood cultures, citrate, serum
 * (with or without gel), heparin, EDTA, fluoride — as French IDE/biology practice writes it
 * ("bleu → rouge/jaune → vert → violet → gris → autres (VS)", shared/reference/france-domain.md);
 * the ESR tube comes last, urine is not a blood draw. Colours are the ISO 6710 cap colours French
 * labs name (bouchon bleu clair, jaune/or, vert, violet, gris, noir).
 */
import type { ContainerDefinition } from './catalogue-definitions.js';

export const starterContainers: ContainerDefinition[] = [
  {
    code: 'CITRATE',
    label: 'Tube citraté 3,2 % (hémostase)',
    colour: 'bleu clair',
    colourHex: '#7EC8E3',
    capacityMl: 2.7,
    specimenType: 'plasma citraté',
    // GFHT: 1 volume of citrate for 9 volumes of blood, filled ≥ 90 %.
    additive: 'citrate trisodique 0,109 M (3,2 %), 1 vol / 9 vol',
    drawOrder: 2,
  },
  {
    code: 'SEC_GEL',
    label: 'Tube sec avec gel séparateur',
    colour: 'jaune',
    colourHex: '#F2C200',
    capacityMl: 5,
    specimenType: 'sérum',
    additive: 'activateur de coagulation + gel séparateur',
    drawOrder: 3,
  },
  {
    code: 'HEPARINE',
    label: 'Tube hépariné (héparinate de lithium) avec gel',
    colour: 'vert',
    colourHex: '#2E9E4F',
    capacityMl: 4,
    specimenType: 'plasma hépariné',
    additive: 'héparinate de lithium + gel séparateur',
    drawOrder: 4,
  },
  {
    code: 'EDTA',
    label: 'Tube EDTA (hématologie)',
    colour: 'violet',
    colourHex: '#7B3FA0',
    capacityMl: 4,
    specimenType: 'sang total EDTA',
    additive: 'EDTA K2',
    drawOrder: 5,
  },
  {
    code: 'EDTA_IH',
    label: 'Tube EDTA (immuno-hématologie)',
    colour: 'violet',
    colourHex: '#7B3FA0',
    capacityMl: 6,
    specimenType: 'sang total EDTA',
    additive: 'EDTA K2',
    drawOrder: 5,
  },
  {
    code: 'FLUORURE',
    label: 'Tube fluoré (glycémie)',
    colour: 'gris',
    colourHex: '#8C8C8C',
    capacityMl: 2,
    specimenType: 'plasma fluoré',
    additive: 'fluorure de sodium + oxalate de potassium',
    drawOrder: 6,
  },
  {
    code: 'VS',
    label: 'Tube vitesse de sédimentation (citrate 3,8 %, 1 vol / 4 vol)',
    colour: 'noir',
    colourHex: '#1A1A1A',
    capacityMl: 1.6,
    specimenType: 'sang total citraté',
    additive: 'citrate trisodique 0,129 M (3,8 %), 1 vol / 4 vol',
    drawOrder: 7,
  },
  {
    code: 'URINE_STERILE',
    label: 'Flacon stérile pour urines',
    colour: 'blanc',
    colourHex: '#F5F5F5',
    capacityMl: 60,
    specimenType: 'urine (milieu de jet)',
    additive: null,
    drawOrder: 90,
  },
];
