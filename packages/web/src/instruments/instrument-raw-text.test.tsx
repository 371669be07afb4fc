import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InstrumentRawText } from './instrument-raw-text.js';

describe('InstrumentRawText', () => {
  afterEach(cleanup);

  it('renders control tokens as visible text, in order', () => {
    render(
      <MantineProvider>
        <InstrumentRawText rawView={'<STX>1H|\\^&<CR>\n<ETX>8F<CR><LF>'} label="Octets bruts" />
      </MantineProvider>
    );
    expect(screen.getByLabelText('Octets bruts').textContent).toBe('<STX>1H|\\^&<CR>\n<ETX>8F<CR><LF>');
  });
});
