// Data of German leftovers: German words that are not English, German nouns MT leaves, loanwords English keeps.
// German function words that are not also English words ("die", "den", "man", "will", "also", "war" are left
// out), each with the English word a reviewer most often puts instead ('-' for none).
const germanWordList =
  'und:and nicht:not mit:with für:for auf:on ist:is sind:are wird:will wurde:was wurden:were werden:will aber:but ' +
  'oder:or auch:also noch:still bei:at nach:after über:about zum:to zur:to der:the das:the dem:the des:of ein:a ' +
  'eine:a einen:a einem:a einer:an sich:- dass:that daß:that wie:like sowie:and jedoch:however bereits:already ' +
  'sehr:very schon:already immer:always kein:no keine:no dieser:this diese:these dieses:this haben:have hatte:had ' +
  'können:can müssen:must soll:should sollen:should zwischen:between gegen:against unter:under durch:through ' +
  'ohne:without seit:since weil:because wenn:if dann:then jetzt:now heute:today gestern:yesterday mehr:more ' +
  'viele:many laut:according etwa:about sowohl:both nur:only vom:from beim:at im:in zu:to von:of ich:I wir:we ' +
  'sie:they uns:us aus:from bis:until vor:before hier:here dort:there neue:new neuen:new bzw:or zwei:two drei:three';

/** German words that are not English, with a usual English replacement (null: none). */
export const germanWords: ReadonlyMap<string, string | null> = new Map(
  germanWordList.split(' ').map((pair) => {
    const [german = '', english = '-'] = pair.split(':');
    return [german, english === '-' ? null : english];
  }),
);

// German nouns the MT leaves standing, capitalised as German writes them ("12 to 14 Grad", "at 8 Uhr").
// Only words that are no English words when capitalised in mid-sentence.
const germanNounList =
  'Grad:degrees Uhr:- Prozent:percent Millionen:million Milliarden:billion Menschen:people Jahre:years ' +
  'Jahren:years Stunden:hours Minuten:minutes Tage:days Tagen:days Wochen:weeks Monate:months Monaten:months ' +
  'Polizei:police Feuerwehr:fire_brigade Gemeinde:municipality Landkreis:district Bürgermeister:mayor Hilfe:help ' +
  'Krieg:war Regierung:government Unwetter:storm Warnung:warning Gewitter:thunderstorm Schnee:snow Regen:rain ' +
  'Einwohner:inhabitants Ergebnis:result Spiel:game Mannschaft:team Tore:goals';

/** German nouns left untranslated, with the usual English word (null: none). */
export const germanNouns: ReadonlyMap<string, string | null> = new Map(
  germanNounList.split(' ').map((pair) => {
    const [german = '', english = '-'] = pair.split(':');
    return [german, english === '-' ? null : english.replace(/_/g, ' ')];
  }),
);

/** German words English uses as its own and often capitalises ("the Zeitgeist", "a sense of Weltschmerz"). */
export const capitalisedLoanwords: ReadonlySet<string> = new Set(
  (
    'Zeitgeist Weltschmerz Angst Kindergarten Schadenfreude Wanderlust Gestalt Leitmotiv Realpolitik Ostpolitik ' +
    'Wunderkind Doppelgänger Doppelganger Bildungsroman Gemütlichkeit Lebensraum Blitzkrieg Kitsch Ersatz Wirtschaftswunder'
  ).split(' '),
);
