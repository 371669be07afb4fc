/**
 * Messages the codec benchmarks parse: real ORU/OUL and ASTM captures from ../shared/fixtures (read
 * in place, never copied), and generated realistic ones so the figures exist without the fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAstmCapture } from '@sillage/core';

export interface Hl7Corpus {
  readonly source: string;
  readonly files: readonly string[];
  /** Messages as on the wire: segments ended by CR (HL7 v2.5 §2.5.2). */
  readonly messages: readonly string[];
}

export interface AstmCorpus {
  readonly source: string;
  readonly files: readonly string[];
  /** E1394 record texts (records ended by CR), one per message. */
  readonly texts: readonly string[];
  /** The same messages as E1381 captures on the wire (frames with checksums). */
  readonly captures: readonly Uint8Array[];
}

const fixturesDir =
  process.env.SILLAGE_SHARED_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** ORU^R01 and OUL^R22 captures of fixtures/INDEX.md §1 and SOURCES.md. */
const hl7Files = [
  'hl7v2/01_oru_r01_glucose_sn_python-hl7.hl7',
  'hl7v2/06_oru_r01_nist_lead_nm_refrange_flag.hl7',
  'hl7v2/08_oru_r01_nist_stool_culture_3obx_st.hl7',
  'hl7v2/09_oru_r01_olis_nte_escapes_F_br.hl7',
  'hl7v2/10_oru_r01_blood_gas_ft_H_N_S_escapes.hl7',
  'hl7v2/16_oul_r22_roche_cobas_pro_c503_lab29_lf.hl7',
  'hl7v2/18_oul_r22_roche_c503_crlf_terminated.hl7',
  'hl7v25-oru-r01-cisis-crbio-transmission-dmp-mss.hl7',
  'hl7v251-ihe-law-lab29-oul-r22-roche-cobas-pure-qc.hl7',
];

/** Result messages of fixtures/INDEX.md §2 (framed and unframed). */
const astmFiles = [
  'astm/01_roche_cobas_c111_multiframe_ETB.txt',
  'astm/02_roche_cobas_c311_single_frame_many_records.txt',
  'astm/04_sysmex_xp100_cbc_single_frame.txt',
  'astm/05_horiba_pentra_xlr_frame_number_wraps.txt',
  'astm/06_horiba_yumizen_h500_qc_histograms.txt',
  'astm/08_siemens_dca_vantage_acr.txt',
  'astm/11_abbott_architect_manual_example.txt',
  'astm/15_siemens_advia_centaur_xp_vitd.txt',
  'astm/18_ortho_vision_abo_rh_lf.txt',
];

export function fixturesAvailable(): boolean {
  return hl7Files.concat(astmFiles).every((file) => existsSync(join(fixturesDir, file)));
}

/** The bytes after the leading `# ` provenance lines (fixtures/INDEX.md, "Conventions"). */
function payload(file: string): Uint8Array {
  let bytes: Uint8Array = readFileSync(join(fixturesDir, file));
  while (bytes[0] === 0x23 && bytes[1] === 0x20) {
    const lineEnd = bytes.indexOf(0x0a);
    bytes = lineEnd === -1 ? new Uint8Array() : bytes.subarray(lineEnd + 1);
  }
  return bytes;
}

function toWireSegments(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

export function fixtureHl7Corpus(): Hl7Corpus {
  const messages = hl7Files.map((file) => toWireSegments(new TextDecoder().decode(payload(file)).trimStart()));
  return { source: 'shared-fixtures', files: hl7Files, messages };
}

export function fixtureAstmCorpus(): AstmCorpus {
  const texts: string[] = [];
  const captures: Uint8Array[] = [];
  for (const file of astmFiles) {
    const bytes = payload(file);
    const capture = readAstmCapture(bytes, { charset: 'windows-1252' });
    texts.push(toWireSegments(capture.text.trimStart()));
    if (capture.framed) {
      captures.push(bytes);
    }
  }
  return { source: 'shared-fixtures', files: astmFiles, texts, captures };
}
