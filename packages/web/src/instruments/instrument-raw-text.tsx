import { Code } from '@mantine/core';
import { splitRawView } from './instrument-raw-view.js';

/** The raw bytes as the server shows them: monospace, control tokens (<STX>, <CR>…) kept and highlighted. */
export function InstrumentRawText({ rawView, label }: { rawView: string; label: string }) {
  return (
    <Code block aria-label={label} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {splitRawView(rawView).map((part, index) =>
        part.kind === 'control' ? (
          <span key={index} style={{ color: 'var(--mantine-color-grape-7)', fontWeight: 600 }}>
            {part.text}
          </span>
        ) : (
          <span key={index}>{part.text}</span>
        )
      )}
    </Code>
  );
}
