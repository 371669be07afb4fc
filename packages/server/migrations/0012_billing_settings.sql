-- Sillage 0012: two billing settings the invoice needs.
-- 1. A catalogue analysis with no NABM code may carry the laboratory's own price ("hors
--    nomenclature", not reimbursed by the Assurance maladie: CSS L162-1-7 lists only NABM acts).
--    It is part of the versioned definition, so an old invoice keeps the price of its version.
-- 2. A site located in Bas-Rhin, Haut-Rhin or Moselle: its public holidays include Good Friday and
--    26 December (Code du travail L3134-13), which changes when the urgent-act supplements apply.

ALTER TABLE analysis ADD COLUMN off_nomenclature_price_cents integer
  CHECK (off_nomenclature_price_cents IS NULL OR off_nomenclature_price_cents BETWEEN 0 AND 10000000);

ALTER TABLE site ADD COLUMN alsace_moselle boolean NOT NULL DEFAULT false;
