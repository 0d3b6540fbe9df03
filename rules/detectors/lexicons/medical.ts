// Medical and mental-health treatment or condition: what health-information clauses protect.
// Everyday words with a medical sense elsewhere ("shot" of espresso, "sick of", "crazy") are left
// out; a term here means treatment, a diagnosis, or a stay somewhere for care.

export const MEDICAL_TERMS = [
  // Treatment and care settings
  'chemo', 'chemotherapy', 'therapy', 'therapist', 'psychiatrist', 'counseling', 'radiation treatment*', 'dialysis', 'surgery', 'surgeries', 'operation on', 'transplant', 'colostomy',
  'colostomy bag', 'catheter', 'IV', 'stitches', 'hospital', 'hospitalized', 'hospitalised', 'ER', 'emergency room', 'ICU',
  'infirmary', 'med line', 'pill line', 'sick call', 'medical unit', 'medical leave', 'sick leave', 'FMLA',
  'disability leave', 'on leave for', 'out on medical', 'light duty', 'workers comp', "workers' comp", 'rehab', 'detox',
  'treatment center', 'treatment program', 'inpatient', 'outpatient', 'behavioral health', 'Behavioral', 'psych ward',
  'psych unit', 'psych hold', 'psych eval*', 'mental health unit', 'checked himself into', 'checked herself into',
  'checked into rehab', 'committed', '5150', 'suicide watch', 'on watch', 'suicide attempt', 'attempted suicide', 'tried to kill himself',
  'tried to kill herself', 'self-harm', 'cutting himself', 'cutting herself', 'overdose*', "OD'd", 'ODed', 'OD', 'Narcan', 'naloxone',
  // Medication
  'meds', 'medication*', 'insulin', 'insulin-dependent', 'antidepressant*', 'antipsychotic*', 'lithium', 'Suboxone', 'methadone',
  'psych meds', 'prescription*', 'refusing his meds', 'refusing her meds',
  // Conditions and diagnoses
  'cancer', 'tumor', 'leukemia', 'lymphoma', 'diabetic', 'diabetes', 'HIV', 'AIDS', 'hep C', 'hepatitis', 'TB', 'tuberculosis',
  'MRSA', 'staph', 'COVID-positive', 'tested positive', 'seizure*', 'stroke', 'heart attack', 'cardiac', 'pregnant', 'miscarriage',
  'schizophrenic', 'schizophrenia', 'bipolar', 'PTSD', 'depression', 'depressed', 'breakdown', 'nervous breakdown', 'mental breakdown',
  'psychotic', 'dementia', 'alzheimer*', 'diagnosed', 'diagnosis', 'terminal', 'hospice', 'STD', 'herpes', 'mental health',
  'crashed twice', 'blood sugar', 'kidney failure', 'liver failure', 'concussion', 'broken leg', 'broken arm',
];
