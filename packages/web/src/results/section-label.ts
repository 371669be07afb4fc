import type { TFunction } from 'i18next';

/** The bench sections of the starter catalogue (catalogue/starter-analyses.ts), in bench order. */
export const knownSections = [
  'hematologie',
  'hemostase',
  'biochimie',
  'immunoanalyse',
  'immunohematologie',
  'microbiologie',
] as const;
type KnownSection = (typeof knownSections)[number];

function isKnownSection(section: string): section is KnownSection {
  return (knownSections as readonly string[]).includes(section);
}

/** A bench section as the catalogue names it (`hematologie`) in the UI language; unknown ones as is. */
export function sectionLabel(t: TFunction, section: string): string {
  return isKnownSection(section) ? t(`sections.${section}`) : section;
}
