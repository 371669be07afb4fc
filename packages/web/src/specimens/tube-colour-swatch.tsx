import { ColorSwatch, Group, Text } from '@mantine/core';

/** The tube cap colour as a swatch and its name: the colour alone must not carry the meaning. */
export function TubeColourSwatch({ colour, colourHex }: { colour: string; colourHex: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch color={colourHex} size={16} aria-hidden data-testid="tube-colour" data-colour={colourHex} />
      <Text size="sm">{colour}</Text>
    </Group>
  );
}
