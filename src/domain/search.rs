//! Forgiving search over Norwegian and English text.
//!
//! Fuzzy words (for short titles) go through nucleo-matcher, fzf-style, on the NFC text: it
//! ignores case and folds `ø`→`o`, `å`→`a`, so `royk` finds "røyk". Substring words (for long
//! answers, where a fuzzy subsequence would match almost anything) are found by our own scan,
//! because nucleo's substring search misses folded letters after the first position.
//! Both also try an ASCII spelling fold (`æ`→`ae`, `ø`→`o`, `å`→`aa`), so `aerlig` finds
//! "ærlig" and `paarorende` finds "pårørende". Match positions always point into the original
//! text, for highlighting.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};
use unicode_normalization::UnicodeNormalization;

/// How a word has to occur: anywhere as a subsequence (for short titles) or as one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    Fuzzy,
    Substring,
}

/// A text prepared once for many searches.
pub struct Searchable {
    original: Utf32String,
    folded: Utf32String,
    /// For each char of `folded`, the index of the char of `original` it came from.
    fold_map: Vec<u32>,
    /// Lower-cased folds for the substring scan, each with its map back to `original`.
    scans: [Folded; 2],
}

/// A lower-cased, folded copy of a text, with the original char index of every char.
struct Folded {
    chars: Vec<char>,
    map: Vec<u32>,
}

/// The two ways people type Norwegian letters on a keyboard without them.
#[derive(Clone, Copy)]
enum Fold {
    /// æ→ae, ø→o, å→aa: the traditional spelling.
    Spelled,
    /// æ→ae, ø→o, å→a: the letter without its mark.
    Stripped,
}

impl Folded {
    fn new(text: &str, fold: Fold) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            for lower in c.to_lowercase() {
                let replacement: &[char] = match (lower, fold) {
                    ('æ', _) => &['a', 'e'],
                    ('ø' | 'ö', _) => &['o'],
                    ('å', Fold::Spelled) => &['a', 'a'],
                    ('å', Fold::Stripped) => &['a'],
                    _ => &[lower],
                };
                chars.extend_from_slice(replacement);
                map.extend(std::iter::repeat_n(i as u32, replacement.len()));
            }
        }
        Self { chars, map }
    }

    /// Every occurrence of `needle`, as original char indices.
    fn find_all(&self, needle: &[char], out: &mut Vec<u32>) -> usize {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return 0;
        }
        let mut found = 0;
        for start in 0..=self.chars.len() - needle.len() {
            if self.chars[start..start + needle.len()] == *needle {
                out.extend_from_slice(&self.map[start..start + needle.len()]);
                found += 1;
            }
        }
        found
    }
}

impl Searchable {
    pub fn new(text: &str) -> Self {
        let nfc: String = text.nfc().collect();
        let (folded, fold_map) = ascii_fold(&nfc);
        Self {
            original: Utf32String::from(nfc.as_str()),
            folded: Utf32String::from(folded.as_str()),
            fold_map,
            scans: [Folded::new(&nfc, Fold::Spelled), Folded::new(&nfc, Fold::Stripped)],
        }
    }
}

/// Folds the Norwegian letters to their usual ASCII spellings, keeping a map back.
pub fn ascii_fold(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let replacement: &str = match c {
            'æ' => "ae",
            'Æ' => "AE",
            'ø' | 'ö' => "o",
            'Ø' | 'Ö' => "O",
            'å' => "aa",
            'Å' => "AA",
            _ => {
                out.push(c);
                map.push(i as u32);
                continue;
            }
        };
        for r in replacement.chars() {
            out.push(r);
            map.push(i as u32);
        }
    }
    (out, map)
}

/// One search word, compiled for both kinds of match.
struct Word {
    /// nucleo atoms for the text as is and for its spelling fold.
    plain: Atom,
    folded: Atom,
    /// The word lower-cased and folded the two ways, for the substring scan.
    scans: [Vec<char>; 2],
}

/// A whole query: every word must match (in any of the fields the caller tries).
pub struct Query {
    words: Vec<Word>,
}

impl Query {
    /// `None` for a query with no words: the caller shows everything.
    pub fn new(text: &str) -> Option<Self> {
        let atom = |w: &str, kind| Atom::new(w, CaseMatching::Ignore, Normalization::Smart, kind, false);
        let words: Vec<_> = text
            .split_whitespace()
            .map(|w| {
                let w: String = w.nfc().collect();
                let (f, _) = ascii_fold(&w);
                let scan = |fold| Folded::new(&w, fold).chars;
                Word {
                    plain: atom(&w, AtomKind::Fuzzy),
                    folded: atom(&f, AtomKind::Fuzzy),
                    scans: [scan(Fold::Spelled), scan(Fold::Stripped)],
                }
            })
            .collect();
        (!words.is_empty()).then_some(Self { words })
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// The matcher and its scratch space, reused across searches.
pub struct Finder {
    matcher: Matcher,
    scratch: Vec<u32>,
}

impl Default for Finder {
    fn default() -> Self {
        Self { matcher: Matcher::new(Config::DEFAULT), scratch: Vec::new() }
    }
}

/// Where each field of an item matched: char indices into the field's NFC text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hit {
    pub score: u32,
    pub fields: Vec<Vec<u32>>,
}

impl Finder {
    /// Matches every word of `query` against at least one of `fields` (each with its kind).
    /// `None` if some word matches no field.
    pub fn find(&mut self, query: &Query, fields: &[(&Searchable, MatchKind)]) -> Option<Hit> {
        let mut hit = Hit { score: 0, fields: vec![Vec::new(); fields.len()] };
        for word in &query.words {
            let mut any = false;
            for (slot, (text, kind)) in fields.iter().enumerate() {
                let found = match kind {
                    MatchKind::Fuzzy => self.fuzzy(word, text, &mut hit.fields[slot]),
                    MatchKind::Substring => substring(word, text, &mut hit.fields[slot]),
                };
                if let Some(score) = found {
                    hit.score += u32::from(score);
                    any = true;
                }
            }
            if !any {
                return None;
            }
        }
        for indices in &mut hit.fields {
            indices.sort_unstable();
            indices.dedup();
        }
        Some(hit)
    }

    fn fuzzy(&mut self, word: &Word, text: &Searchable, out: &mut Vec<u32>) -> Option<u16> {
        self.scratch.clear();
        if let Some(score) = word.plain.indices(text.original.slice(..), &mut self.matcher, &mut self.scratch)
        {
            out.extend_from_slice(&self.scratch);
            return Some(score);
        }
        self.scratch.clear();
        let score = word.folded.indices(text.folded.slice(..), &mut self.matcher, &mut self.scratch)?;
        out.extend(self.scratch.iter().map(|&i| text.fold_map[i as usize]));
        Some(score)
    }
}

/// Scores a substring word by how often it occurs, like a plain "find in page".
fn substring(word: &Word, text: &Searchable, out: &mut Vec<u32>) -> Option<u16> {
    let count: usize = (0..2).map(|i| text.scans[i].find_all(&word.scans[i], out)).max().unwrap_or(0);
    (count > 0).then(|| u16::try_from(count * 16 * word.scans[0].len()).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, text: &str, kind: MatchKind) -> Option<Vec<u32>> {
        let q = Query::new(query)?;
        let s = Searchable::new(text);
        Finder::default().find(&q, &[(&s, kind)]).map(|h| h.fields[0].clone())
    }

    #[test]
    fn royk_finds_royk_with_the_stroke() {
        assert_eq!(matches("royk", "Slutte med røyk", MatchKind::Substring), Some(vec![11, 12, 13, 14]));
    }

    #[test]
    fn ascii_spellings_find_norwegian_letters() {
        assert!(matches("aerlig", "Vær ærlig med deg selv", MatchKind::Substring).is_some());
        assert!(matches("paarorende", "For pårørende", MatchKind::Substring).is_some());
        assert!(matches("parorende", "For pårørende", MatchKind::Substring).is_some());
        assert!(matches("parorende", "For pårørende", MatchKind::Fuzzy).is_some());
        assert!(matches("aerlig", "Vær ærlig", MatchKind::Fuzzy).is_some());
    }

    #[test]
    fn folded_hits_point_at_the_original_letters() {
        // "ærlig" starts at char 4; the fold "aerlig" maps both a and e back to char 4.
        assert_eq!(matches("aerlig", "Vær ærlig", MatchKind::Substring), Some(vec![4, 5, 6, 7, 8]));
    }

    #[test]
    fn case_is_ignored_and_norwegian_letters_match_themselves() {
        assert!(matches("TILBAKEFALL", "Hva gjør jeg ved tilbakefall?", MatchKind::Substring).is_some());
        assert!(matches("pårørende", "For PÅRØRENDE", MatchKind::Substring).is_some());
    }

    #[test]
    fn every_word_must_match_somewhere() {
        assert!(matches("motivasjon støtte", "Motivasjon og støtte", MatchKind::Substring).is_some());
        assert!(matches("motivasjon xyz", "Motivasjon og støtte", MatchKind::Substring).is_none());
    }

    #[test]
    fn fuzzy_allows_gaps_substring_does_not() {
        assert!(matches("mtvsjn", "motivasjon", MatchKind::Fuzzy).is_some());
        assert!(matches("mtvsjn", "motivasjon", MatchKind::Substring).is_none());
    }

    #[test]
    fn substring_marks_every_occurrence() {
        assert_eq!(matches("ro", "Ro, rolig", MatchKind::Substring), Some(vec![0, 1, 4, 5]));
    }

    #[test]
    fn empty_query_is_no_query() {
        assert!(Query::new("   ").is_none());
    }

    #[test]
    fn decomposed_input_is_normalised() {
        // "å" typed as a + combining ring still finds the composed letter.
        assert!(matches("pa\u{30a}", "på", MatchKind::Substring).is_some());
    }
}
