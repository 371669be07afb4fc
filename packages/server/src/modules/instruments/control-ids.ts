/**
 * Message control ids for what Sillage sends (HL7 MSH-10, ASTM H.3): unique per process and
 * sortable, at most 20 characters (the MSH-10 length of HL7 v2.3, still what many analyzers accept).
 */
let counter = 0;
const processTag = Math.floor(Math.random() * 36 ** 2)
  .toString(36)
  .padStart(2, '0');

export function nextControlId(prefix = 'S'): string {
  counter = (counter + 1) % 36 ** 4;
  return `${prefix}${Date.now().toString(36)}${processTag}${counter.toString(36).padStart(4, '0')}`.slice(0, 20);
}
