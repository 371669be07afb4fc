/** Codes and units typed in monospace; only the input, not its label and description. */
export const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
