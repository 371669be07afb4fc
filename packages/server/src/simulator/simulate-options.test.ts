import { describe, expect, it } from 'vitest';
import { parseSimulateArguments, SIMULATE_USAGE } from './simulate-options.js';

const base = ['--protocol', 'astm', '--profile', 'cobas-c311', '--port', '5000', '--count', '10'];

describe('parseSimulateArguments', () => {
  it('reads a full command line', () => {
    const parsed = parseSimulateArguments([
      ...base,
      '--host=10.0.0.5',
      '--rate',
      '500',
      '--duration',
      '2,5',
      '--connections',
      '4',
      '--fault',
      'checksum',
      '--fault-every',
      '3',
      '--qc-every',
      '20',
      '--frame-size',
      '64',
      '--quiet',
    ]);
    expect(parsed.ok && !parsed.help).toBe(true);
    if (!parsed.ok || parsed.help) {
      return;
    }
    expect(parsed.command).toMatchObject({
      host: '10.0.0.5',
      port: 5000,
      listen: false,
      connections: 4,
      specimens: { kind: 'count', count: 10 },
      ratePerSecond: 500,
      durationMs: 2_500,
      fault: 'checksum',
      faultEvery: 3,
      qcEvery: 20,
      frameSize: 64,
      quiet: true,
      seed: 1,
    });
    expect(parsed.command.profile.name).toBe('cobas-c311');
  });

  it('defaults: one connection, fault every 10th message, loopback host, or all interfaces in listen mode', () => {
    const dial = parseSimulateArguments(base);
    const listen = parseSimulateArguments([...base, '--listen']);
    expect(dial.ok && !dial.help && dial.command).toMatchObject({ host: '127.0.0.1', connections: 1, faultEvery: 10 });
    expect(listen.ok && !listen.help && listen.command).toMatchObject({ host: '0.0.0.0', listen: true });
  });

  it('reads the worklist source with the profile section by default and the password from the environment', () => {
    const parsed = parseSimulateArguments(
      ['--protocol', 'astm', '--profile', 'sysmex-xn', '--port', '5001', '--user', 'tech', '--api', 'http://lis:3000/'],
      { SILLAGE_PASSWORD: 's3cret' }
    );
    expect(parsed.ok && !parsed.help && parsed.command.specimens).toEqual({
      kind: 'worklist',
      apiUrl: 'http://lis:3000',
      section: 'hematologie',
      user: 'tech',
      password: 's3cret',
    });
  });

  it('answers --help', () => {
    expect(parseSimulateArguments(['--help'])).toEqual({ ok: true, help: true });
    expect(SIMULATE_USAGE).toContain('--protocol astm|hl7');
  });

  it.each([
    [['--profile', 'cobas-c311', '--port', '1', '--count', '1'], '--protocol manquant'],
    [['--protocol', 'tcp', '--profile', 'cobas-c311', '--port', '1', '--count', '1'], '--protocol : astm ou hl7'],
    [['--protocol', 'astm', '--port', '1', '--count', '1'], '--profile manquant'],
    [['--protocol', 'astm', '--profile', 'c8000', '--port', '1', '--count', '1'], 'profil « c8000 » inconnu'],
    [['--protocol', 'hl7', '--profile', 'cobas-c311', '--port', '1', '--count', '1'], 'parle ASTM, pas HL7'],
    [['--protocol', 'astm', '--profile', 'cobas-c311', '--count', '1'], '--port manquant'],
    [
      ['--protocol', 'astm', '--profile', 'cobas-c311', '--port', '70000', '--count', '1'],
      '--port : entier entre 0 et 65535',
    ],
    [[...base, '--rate', '-3'], '--rate : nombre positif attendu'],
    [[...base, '--fault', 'fire'], '--fault : checksum, garbage, slow, truncate'],
    [
      ['--protocol', 'hl7', '--profile', 'cobas-pure-hl7', '--port', '1', '--count', '1', '--fault', 'checksum'],
      'ne concerne que l’ASTM',
    ],
    [[...base, '--barcodes', 'A,B'], 'une seule source de tubes'],
    [['--protocol', 'astm', '--profile', 'cobas-c311', '--port', '1'], 'indiquez les tubes'],
    [['--protocol', 'astm', '--profile', 'cobas-c311', '--port', '1', '--user', 'tech'], '--user sans --password'],
    [[...base, '--colour', 'blue'], 'option inconnue « --colour »'],
    [[...base, '--rate'], 'valeur manquante après --rate'],
    [[...base, '--count', '3'], '--count donné deux fois'],
    [[...base, 'extra'], 'argument inattendu « extra »'],
  ])('refuses %j in French: %s', (argv, message) => {
    const parsed = parseSimulateArguments(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});
