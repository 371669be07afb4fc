/** Territories with their own value of the key letter B (france-domain.md §1.2). Each site has one. */
export const territories = ['metropole', 'antilles', 'guyane', 'reunion', 'mayotte'] as const;

export type Territory = (typeof territories)[number];

export const territoryLabels: Readonly<Record<Territory, string>> = {
  metropole: 'métropole',
  antilles: 'Antilles',
  guyane: 'Guyane',
  reunion: 'La Réunion',
  mayotte: 'Mayotte',
};

/** The territory after a French locative preposition: "valeur de B en métropole", "aux Antilles". */
export const territoryInPhrase: Readonly<Record<Territory, string>> = {
  metropole: 'en métropole',
  antilles: 'aux Antilles',
  guyane: 'en Guyane',
  reunion: 'à La Réunion',
  mayotte: 'à Mayotte',
};
