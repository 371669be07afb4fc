/**
 * Where the starter catalogue's reference intervals come from (ISO 15189:2022 §7.3.5: the lab
 * states the source of each interval and verifies it is transferable to its own population and
 * method before use). Manufacturer inserts are those of widely used French analysers; a lab on
 * other reagents replaces them through the catalogue editor (new version, reason mandatory).
 */
export const sources = {
  fbcAdultFrance:
    'Troussard X. et al., « Full blood count normal reference values for adults in France », J Clin Pathol 2014;67:341-344',
  whoAnaemia:
    'OMS 2011, WHO/NMH/NHD/MNM/11.1 « Haemoglobin concentrations for the diagnosis of anaemia » (bornes basses)',
  paediatricHaematology:
    'The Harriet Lane Handbook, tableau « Age-specific blood cell indices » (d’après Dallman PR ; Nathan & Oski), moyenne ± 2 ET',
  esr: 'ICSH, Kratz A. et al., Int J Lab Hematol 2017;39:448-457 (Westergren) ; limites âge/sexe : Miller A. et al., BMJ 1983;286:266',
  agranulocytosis: 'Agranulocytose : PNN < 0,5 G/L (définition consensuelle, HAS/ANSM)',
  caliper: 'CALIPER, Colantonio DA. et al., Clin Chem 2012;58:854-868 (intervalles pédiatriques, valeurs arrondies)',
  tietz: 'Tietz Clinical Guide to Laboratory Tests, 4e éd. (Wu AHB, 2006), adultes',
  whoDiabetes:
    'OMS/FID 2006 « Definition and diagnosis of diabetes mellitus and intermediate hyperglycaemia » (à jeun < 6,1 mmol/L) ; hypoglycémie < 3,9 mmol/L (ADA/EASD, IHSG 2017)',
  hba1c: 'HAS 2013 (diabète de type 2) ; IFCC/NGSP : population non diabétique 4,0–6,0 % (20–42 mmol/mol)',
  kdigo:
    'KDIGO 2012 CKD, Kidney Int Suppl 2013;3:1-150 (catégorie G1 ≥ 90) ; HAS 2012 : DFG estimé par CKD-EPI (Levey AS, Ann Intern Med 2009;150:604-612)',
  rocheCreatinineEnzymatic: 'Notice Roche CREP2 (créatinine enzymatique, traçable IDMS) : H 59–104, F 45–84 µmol/L',
  rocheUricAcid: 'Notice Roche UA2 (uricase) : H 208–428, F 155–357 µmol/L',
  rocheTransaminases:
    'Notices Roche ASTPM/ALTPM (IFCC 37 °C avec phosphate de pyridoxal) : ASAT H ≤ 40, F ≤ 32 ; ALAT H ≤ 41, F ≤ 33 U/L',
  rocheGgt: 'Notice Roche GGT-2 (IFCC 37 °C) : H 10–71, F 6–42 U/L',
  rocheAlp: 'Notice Roche ALP2 (IFCC 37 °C) : H 40–129, F 35–104 U/L',
  rocheBilirubin: 'Notices Roche BILT3 / BILD2 : bilirubine totale ≤ 21 µmol/L, conjuguée (directe) ≤ 5 µmol/L',
  rocheAlbumin: 'Notice Roche ALB2 (vert de bromocrésol) : 35–52 g/L',
  rocheCk: 'Notice Roche CK (IFCC 37 °C) : H ≤ 190, F ≤ 170 U/L',
  rocheLdh: 'Notice Roche LDHI2 (IFCC 37 °C) : 135–225 U/L',
  rocheLipase: 'Notice Roche LIPC : 13–60 U/L',
  rocheCrp: 'Notices fabricants CRP (Roche CRPL3, Abbott, Siemens) : < 5 mg/L chez l’adulte',
  rocheThyroid: 'Notices Roche Elecsys TSH (0,27–4,20 mUI/L), FT4 III (12–22 pmol/L), FT3 III (3,1–6,8 pmol/L)',
  rocheFerritin: 'Notice Roche Elecsys Ferritin : H 30–400, F 13–150 µg/L',
  rocheIron: 'Notice Roche IRON2 : H 11,6–31,3, F 9,0–30,4 µmol/L',
  rocheTransferrin: 'Notice Roche TRSF2 : 2,0–3,6 g/L',
  transferrinSaturation:
    'HAS 2005 hémochromatose HFE (CST > 45 %) ; carence martiale probable si CST < 20 % (HAS 2011, fiche « Choix des examens du métabolisme du fer »)',
  rocheB12Folate: 'Notices Roche Elecsys Vitamin B12 II (197–771 ng/L) et Folate III (4,6–18,7 µg/L)',
  psaAge: 'Oesterling JE. et al., JAMA 1993;270:860-864 (seuils de PSA selon l’âge)',
  psaRatio: 'Catalona WJ. et al., JAMA 1998;279:1542-1547 (rapport PSA libre/total > 25 %)',
  hcg: 'Notice Roche Elecsys HCG+β : femme non enceinte < 5 UI/L, homme < 2 UI/L',
  vitaminD: 'GRIO, Benhamou CL., Souberbielle JC. et al., Presse Med 2011;40:673-682 : 30–70 ng/mL',
  rocheCortisol: 'Notice Roche Elecsys Cortisol II : matin (6–10 h) 166–507 nmol/L',
  haemostasis: 'GFHT/GEHT, valeurs usuelles : TP ≥ 70 %, TCA patient/témoin < 1,2, fibrinogène 2–4 g/L',
  inr: 'HAS 2008 « Prise en charge des surdosages en AVK » ; sans AVK INR 0,8–1,2, zone thérapeutique 2–3 (3–4,5 selon indication)',
  reagentDependent: 'Dépend du réactif et de l’automate : interprété par rapport au témoin du laboratoire (GFHT)',
  dDimer:
    'Seuil d’exclusion 500 µg/L FEU ; après 50 ans seuil = âge × 10 (ADJUST-PE, Righini M. et al., JAMA 2014;311:1117-1124), borne de la décennie',
  lipidTargets:
    'ESC/EAS 2019 (Mach F. et al., Eur Heart J 2020;41:111-188) ; HAS 2017 « Principales dyslipidémies » : objectifs selon le risque',
  troponin: 'Notice Abbott ARCHITECT STAT High Sensitive Troponin-I : 99e percentile H 34,2, F 15,6 ng/L',
  ntProBnp:
    'ESC 2021 insuffisance cardiaque (McDonagh TA. et al., Eur Heart J 2021;42:3599-3726) : NT-proBNP < 125 ng/L',
  urineCytology:
    'REMIC (SFM) 2018 ; SPILF 2015 infections urinaires : leucocyturie significative ≥ 10⁴/mL, hématurie ≥ 10⁴/mL',
} as const;

/** Critical limits are local decisions; these are the usual values (ISO 15189:2022 §7.4.1.3). */
export const criticalLimitsSource =
  'Liste usuelle de résultats critiques (Campbell CA., Horvath AR., Clin Chim Acta 2014;432:135-147), à valider par le biologiste';
