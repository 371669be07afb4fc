/**
 * Arguments of `npm run simulate -- …` (issue 4 item 8), parsed without side effects so that every
 * refusal can be tested; messages in French, the language of the lab staff who run it.
 */
import { faultKinds, isFaultKind, type FaultKind } from './fault-plan.js';
import { findSimulatorProfile, simulatorProfiles } from './profiles/index.js';
import type { SimulatorProfile } from './simulator-profile.js';

export const SIMULATE_USAGE = `Usage : npm run simulate -- --protocol astm|hl7 --profile <automate> --port <port> [options]

Rejoue des sessions réalistes d’un automate vers une liaison Sillage (ou tout SIL), pour tester une
liaison sans l’automate et donner de la charge aux bancs d’essai.

Automate :
  --protocol astm|hl7       protocole (doit être celui du profil)
  --profile <nom>           ${simulatorProfiles.map((profile) => profile.name).join(', ')}
Liaison :
  --host <hôte>             hôte de la liaison (défaut 127.0.0.1)
  --port <port>             port TCP de la liaison
  --listen                  attendre que le SIL se connecte (profil de liaison en client TCP)
  --connections <n>         liaisons en parallèle (défaut 1)
Tubes :
  --barcodes a,b,c          ces codes-barres (panel par défaut du profil)
  --count <n>               n codes-barres fictifs (orphelins : aucun dossier)
  --user <id> --password <mdp> | --token <jeton>
                            tubes reçus en attente de résultats, lus sur l’API Sillage
  --api <url>               adresse de l’API (défaut http://127.0.0.1:3000)
  --section <section>       paillasse de la liste de travail (défaut : celle du profil)
  --qc-every <n>            un passage de contrôle (CQ) tous les n tubes
Charge :
  --rate <résultats/s>      débit visé (seau à jetons), sans limite par défaut
  --duration <s>            durée ; la liste des tubes est rejouée en boucle
  --messages <n>            nombre de messages ; la liste est rejouée en boucle
Défauts injectés :
  --fault ${faultKinds.join('|')}
  --fault-every <n>         un message sur n porte le défaut (défaut 10)
  --slow-byte-ms <ms>       délai entre octets pour --fault slow (défaut 20)
Divers :
  --ack-timeout <s>         attente de l’ACK HL7 (défaut 30)
  --frame-size <n>          octets de texte par trame ASTM (défaut 240, E1381 §6.3.1)
  --seed <n>                graine des valeurs (défaut 1)
  --quiet                   pas de progression sur la sortie d’erreur

Progression sur la sortie d’erreur ; bilan JSON sur la sortie standard (messages, résultats,
ACK/NAK, latence d’acquittement p50/p95/p99, erreurs).
Code de sortie : 0 tout acquitté, 1 des messages refusés ou perdus, 2 erreur d’usage.
`;

export type SpecimenSource =
  | { readonly kind: 'barcodes'; readonly barcodes: readonly string[] }
  | { readonly kind: 'count'; readonly count: number }
  | {
      readonly kind: 'worklist';
      readonly apiUrl: string;
      readonly section: string;
      readonly user?: string;
      readonly password?: string;
      readonly token?: string;
    };

export interface SimulateCommand {
  readonly profile: SimulatorProfile;
  readonly host: string;
  readonly port: number;
  readonly listen: boolean;
  readonly connections: number;
  readonly specimens: SpecimenSource;
  readonly qcEvery: number;
  readonly ratePerSecond?: number;
  readonly durationMs?: number;
  readonly maxMessages?: number;
  readonly fault?: FaultKind;
  readonly faultEvery: number;
  readonly slowByteMs: number;
  readonly ackTimeoutMs?: number;
  readonly frameSize?: number;
  readonly seed: number;
  readonly quiet: boolean;
}

export type SimulateArguments =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly command: SimulateCommand }
  | { readonly ok: false; readonly error: string };

const flags = new Set(['listen', 'quiet', 'help']);
const valued = new Set([
  'protocol',
  'profile',
  'host',
  'port',
  'connections',
  'barcodes',
  'count',
  'user',
  'password',
  'token',
  'api',
  'section',
  'qc-every',
  'rate',
  'duration',
  'messages',
  'fault',
  'fault-every',
  'slow-byte-ms',
  'ack-timeout',
  'frame-size',
  'seed',
]);

class UsageError extends Error {}

function readArguments(argv: readonly string[]): Map<string, string | true> {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      values.set('help', true);
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(`argument inattendu « ${arg} »`);
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    if (flags.has(name) && equals < 0) {
      values.set(name, true);
      continue;
    }
    if (!valued.has(name)) {
      throw new UsageError(`option inconnue « --${name} »`);
    }
    const value = equals < 0 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || (equals < 0 && value.startsWith('--'))) {
      throw new UsageError(`valeur manquante après --${name}`);
    }
    if (values.has(name)) {
      throw new UsageError(`--${name} donné deux fois`);
    }
    values.set(name, value);
  }
  return values;
}

function text(values: Map<string, string | true>, name: string): string | undefined {
  const value = values.get(name);
  return typeof value === 'string' ? value : undefined;
}

function integer(
  values: Map<string, string | true>,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER
): number | undefined {
  const raw = text(values, name);
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} : entier entre ${min} et ${max} attendu, reçu « ${raw} »`);
  }
  return value;
}

function positive(values: Map<string, string | true>, name: string): number | undefined {
  const raw = text(values, name);
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${name} : nombre positif attendu, reçu « ${raw} »`);
  }
  return value;
}

function specimenSource(
  values: Map<string, string | true>,
  profile: SimulatorProfile,
  env: NodeJS.ProcessEnv
): SpecimenSource {
  const barcodes = text(values, 'barcodes');
  const count = integer(values, 'count', 1, 10_000_000);
  const user = text(values, 'user');
  const token = text(values, 'token') ?? env.SILLAGE_TOKEN;
  const chosen = [
    barcodes !== undefined,
    count !== undefined,
    user !== undefined || text(values, 'token') !== undefined,
  ];
  if (chosen.filter(Boolean).length > 1) {
    throw new UsageError('choisissez une seule source de tubes : --barcodes, --count ou --user/--token');
  }
  if (barcodes !== undefined) {
    const list = barcodes
      .split(',')
      .map((barcode) => barcode.trim())
      .filter((barcode) => barcode !== '');
    if (list.length === 0) {
      throw new UsageError('--barcodes : au moins un code-barres attendu');
    }
    return { kind: 'barcodes', barcodes: list };
  }
  if (count !== undefined) {
    return { kind: 'count', count };
  }
  if (user === undefined && token === undefined) {
    throw new UsageError('indiquez les tubes : --barcodes, --count, ou --user/--password (liste de travail Sillage)');
  }
  const password = text(values, 'password') ?? env.SILLAGE_PASSWORD;
  if (user !== undefined && password === undefined) {
    throw new UsageError('--user sans --password (ou variable SILLAGE_PASSWORD)');
  }
  const apiUrl = (text(values, 'api') ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(apiUrl)) {
    throw new UsageError(`--api : adresse http(s) attendue, reçu « ${apiUrl} »`);
  }
  return {
    kind: 'worklist',
    apiUrl,
    section: text(values, 'section') ?? profile.section,
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
    ...(token === undefined || user !== undefined ? {} : { token }),
  };
}

export function parseSimulateArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): SimulateArguments {
  try {
    const values = readArguments(argv);
    if (values.get('help') === true) {
      return { ok: true, help: true };
    }
    const protocol = text(values, 'protocol');
    if (protocol !== 'astm' && protocol !== 'hl7') {
      throw new UsageError(
        protocol === undefined ? '--protocol manquant' : `--protocol : astm ou hl7, reçu « ${protocol} »`
      );
    }
    const profileName = text(values, 'profile');
    const profile = profileName === undefined ? undefined : findSimulatorProfile(profileName);
    if (profile === undefined) {
      const known = simulatorProfiles.map((p) => p.name).join(', ');
      throw new UsageError(
        profileName === undefined ? `--profile manquant (${known})` : `profil « ${profileName} » inconnu (${known})`
      );
    }
    if (profile.protocol !== protocol) {
      throw new UsageError(
        `le profil ${profile.name} parle ${profile.protocol.toUpperCase()}, pas ${protocol.toUpperCase()}`
      );
    }
    const port = integer(values, 'port', 0, 65_535);
    const listen = values.get('listen') === true;
    if (port === undefined || (port === 0 && !listen)) {
      throw new UsageError('--port manquant (port TCP de la liaison, 1 à 65535)');
    }
    const fault = text(values, 'fault');
    if (fault !== undefined && !isFaultKind(fault)) {
      throw new UsageError(`--fault : ${faultKinds.join(', ')}, reçu « ${fault} »`);
    }
    if (fault === 'checksum' && protocol === 'hl7') {
      throw new UsageError('--fault checksum ne concerne que l’ASTM (HL7/MLLP n’a pas de somme de contrôle)');
    }
    const durationS = positive(values, 'duration');
    const ackTimeoutS = positive(values, 'ack-timeout');
    const rate = positive(values, 'rate');
    const maxMessages = integer(values, 'messages', 1);
    const frameSize = integer(values, 'frame-size', 1, 65_536);
    if (frameSize !== undefined && protocol !== 'astm') {
      throw new UsageError('--frame-size ne concerne que l’ASTM');
    }
    const command: SimulateCommand = {
      profile,
      host: text(values, 'host') ?? (listen ? '0.0.0.0' : '127.0.0.1'),
      port,
      listen,
      connections: integer(values, 'connections', 1, 1_000) ?? 1,
      specimens: specimenSource(values, profile, env),
      qcEvery: integer(values, 'qc-every', 0) ?? 0,
      ...(rate === undefined ? {} : { ratePerSecond: rate }),
      ...(durationS === undefined ? {} : { durationMs: Math.round(durationS * 1000) }),
      ...(maxMessages === undefined ? {} : { maxMessages }),
      ...(fault === undefined ? {} : { fault }),
      faultEvery: integer(values, 'fault-every', 1) ?? 10,
      slowByteMs: integer(values, 'slow-byte-ms', 0, 600_000) ?? 20,
      ...(ackTimeoutS === undefined ? {} : { ackTimeoutMs: Math.round(ackTimeoutS * 1000) }),
      ...(frameSize === undefined ? {} : { frameSize }),
      seed: integer(values, 'seed', 0) ?? 1,
      quiet: values.get('quiet') === true,
    };
    return { ok: true, help: false, command };
  } catch (error) {
    if (error instanceof UsageError) {
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
