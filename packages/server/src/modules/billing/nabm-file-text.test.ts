import { describe, expect, it } from 'vitest';
import { withoutProvenanceHeader } from './nabm-file-text.js';

describe('withoutProvenanceHeader', () => {
  it('blanks the leading `# ` lines, keeping the line count (errors cite the file’s lines)', () => {
    const text = '# SOURCE: x\r\n# LICENSE: y\n#\nA;B\n1;2\n';
    const stripped = withoutProvenanceHeader(text);
    expect(stripped).toBe('\n\n\nA;B\n1;2\n');
    expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves a `#` inside the data alone, and a file without header unchanged', () => {
    expect(withoutProvenanceHeader('A;B\n# 1;2\n')).toBe('A;B\n# 1;2\n');
    expect(withoutProvenanceHeader('#1;2\n')).toBe('#1;2\n');
  });

  it('a file made only of provenance lines is empty', () => {
    expect(withoutProvenanceHeader('# a\n# b')).toBe('');
  });
});
