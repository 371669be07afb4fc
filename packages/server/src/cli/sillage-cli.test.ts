import { buildAstmFrames } from '@sillage/core';
import { describe, expect, it } from 'vitest';
import { runSillageCli, type CliIo } from './sillage-cli.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command against an in-memory file system. */
function run(argv: string[], files: Record<string, Uint8Array> = {}): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    readFile: (path) => {
      const bytes = files[path];
      if (bytes === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      }
      return bytes;
    },
  };
  return { code: runSillageCli(argv, io), stdout, stderr };
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const goodFrames = buildAstmFrames('H|\\^&\rP|1||||D\x92ARC^Zo\xeb\rR|1|^^^GLU|5.4|mmol/L\rL|1\r', {
  charset: 'windows-1252',
});
const badFrames = goodFrames.map((frame) => Uint8Array.from(frame));
const firstBad = badFrames[0] ?? new Uint8Array();
firstBad[firstBad.length - 3] = firstBad[firstBad.length - 3] === 0x41 ? 0x42 : 0x41;
const files = {
  'good.astm': Uint8Array.from(goodFrames.flatMap((frame) => [...frame])),
  'bad.astm': Uint8Array.from(badFrames.flatMap((frame) => [...frame])),
  'adt.hl7': latin1('# capture du 1er janvier\nMSH|^~\\&|LAB\rPID|1||1||C\x8cUR^\xc9lise\r'),
};

describe('sillage inspect', () => {
  it('prints the JSON report and exits 0 when the capture has no error', () => {
    const result = run(['inspect', 'good.astm'], files);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout) as { protocol: string; frames: unknown[]; errors: unknown[] };
    expect(report).toMatchObject({
      protocol: 'astm',
      frames: [{ number: 1, checksumOk: true, final: true }],
      errors: [],
    });
  });

  it('exits 1 when errors are found, and still prints the report', () => {
    const result = run(['inspect', 'bad.astm'], files);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: { code: string; message: string }[] };
    expect(report.errors[0]).toMatchObject({
      code: 'SIL_ASTM_FRAME_CHECKSUM',
      message: 'Somme de contrôle de trame ASTM incorrecte.',
    });
  });

  it('--pretty prints the same JSON, one record per line', () => {
    const compact = run(['inspect', 'adt.hl7'], files);
    const pretty = run(['inspect', '--pretty', 'adt.hl7'], files);
    expect(pretty.code).toBe(0);
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(compact.stdout));
    expect(pretty.stdout).toContain(
      '\n        {"type":"PID","fields":[[["PID"]],[["1"]],[[""]],[["1"]],[[""]],[["CŒUR","Élise"]]]}\n'
    );
  });

  it('--encoding decides how names are decoded', () => {
    const pid = (argv: string[]): unknown =>
      (JSON.parse(run(argv, files).stdout) as { messages: { segments: { fields: unknown[] }[] }[] }).messages[0]
        ?.segments[1]?.fields[5];
    expect(pid(['inspect', 'adt.hl7'])).toEqual([['CŒUR', 'Élise']]);
    expect(pid(['inspect', '--encoding', 'iso-8859-1', 'adt.hl7'])).toEqual([['C\u008cUR', 'Élise']]);
    expect(pid(['inspect', '--encoding=utf-8', 'adt.hl7'])).toEqual([['C\ufffdUR', '\ufffdlise']]);
    expect(pid(['inspect', 'adt.hl7', '--encoding', 'windows-1252'])).toEqual([['CŒUR', 'Élise']]);
  });

  it.each([
    { argv: ['inspect'], reason: 'fichier manquant' },
    { argv: ['inspect', 'a', 'b'], reason: 'un seul fichier attendu' },
    { argv: ['inspect', '--verbose', 'good.astm'], reason: 'verbose' },
    { argv: ['inspect', '--encoding', 'ebcdic', 'good.astm'], reason: 'encodage « ebcdic » inconnu' },
    { argv: ['inspect', '--encoding'], reason: 'encoding' },
  ])('exits 2 with the French usage on $argv', ({ argv, reason }) => {
    const result = run(argv, files);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain(
      'Usage : sillage inspect <fichier> [--encoding windows-1252|iso-8859-1|utf-8] [--pretty]'
    );
  });

  it('exits 2 when the file cannot be read', () => {
    const result = run(['inspect', 'absent.hl7'], files);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('sillage inspect : impossible de lire « absent.hl7 » (ENOENT).\n');
  });

  it('--help prints the usage and exits 0', () => {
    const result = run(['inspect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Codes de sortie : 0 aucune erreur, 1 erreurs trouvées dans la capture, 2 erreur d’utilisation.'
    );
  });
});

describe('sillage', () => {
  it('exits 2 without a command or with an unknown one', () => {
    expect(run([])).toMatchObject({ code: 2, stderr: expect.stringContaining('commande manquante') });
    expect(run(['simulate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('commande « simulate » inconnue'),
    });
  });

  it('--help lists the commands', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('inspect <fichier>') });
  });
});
