/**
 * Restrictions among the analysis acts of one order, driven by `CotationRules`: acts whose
 * cotations are not cumulative (HPRIM Santé 2.4 §5.10: « il ne doit pas figurer de codes
 * incompatibles sur une même facture ») and the maximum number of acts. When two acts exclude each
 * other the higher-rated one is kept (ties: the one ordered first), which is the act the lab may
 * bill; the other stays on the quote, not billed, with its reason.
 */
import type { CotationRules } from './cotation-rules.js';
import { formatCoefficient } from './coefficient.js';
import type { NabmCode } from './nabm-code.js';

export interface RestrictableLine {
  readonly code: NabmCode;
  readonly billed: boolean;
  readonly coefficientHundredths: number | null;
  readonly reason: string;
}

/** Higher coefficient first, then order of the prescription. */
function byRank<T extends RestrictableLine>(lines: readonly T[]): T[] {
  return lines
    .map((line, position) => ({ line, position }))
    .sort(
      (a, b) => (b.line.coefficientHundredths ?? 0) - (a.line.coefficientHundredths ?? 0) || a.position - b.position
    )
    .map(({ line }) => line);
}

export function applyRestrictions<T extends RestrictableLine>(
  lines: readonly T[],
  rules: CotationRules,
  notes: string[]
): T[] {
  const result = [...lines];
  const refuse = (line: T, reason: string) => {
    result[result.indexOf(line)] = { ...line, billed: false, reason } as T;
  };
  for (const rule of rules.incompatibilities) {
    const main = result.find((line) => line.billed && line.code === rule.code);
    const others = result.filter((line) => line.billed && rule.notWith.includes(line.code));
    if (main === undefined || others.length === 0) {
      continue;
    }
    if (!rule.enabled) {
      notes.push(
        `Non-cumul ${rule.code} / ${rule.notWith.join(', ')} non appliqué : règle non confirmée (désactivée ; ${rule.source}).`
      );
      continue;
    }
    const [winner] = byRank(result.filter((line) => line === main || others.includes(line)));
    const losers = winner === main ? others : [main];
    const kept = winner ?? main;
    for (const loser of losers) {
      refuse(
        loser,
        `Acte ${loser.code} non cumulable avec l’acte ${kept.code} (${rule.source}) : seul l’acte ${kept.code} (${formatCoefficient('B', kept.coefficientHundredths ?? 0)}) est facturé.`
      );
    }
  }
  const billed = result.filter((line) => line.billed);
  const { maxAnalysisActs } = rules;
  if (billed.length > maxAnalysisActs.maxActs) {
    if (!maxAnalysisActs.enabled) {
      notes.push(
        `Plus de ${maxAnalysisActs.maxActs} actes : limitation du nombre d’actes non appliquée, règle non confirmée (désactivée ; ${maxAnalysisActs.source}).`
      );
    } else {
      for (const line of byRank(billed).slice(maxAnalysisActs.maxActs)) {
        refuse(
          line,
          `Au-delà des ${maxAnalysisActs.maxActs} actes les mieux cotés de la demande : acte ${line.code} non facturé (${maxAnalysisActs.source}).`
        );
      }
    }
  }
  return result;
}
