//! Forgiving search over Norwegian and English text, by words.
//!
//! A query word matches a word of the text that it is, or that it begins: `motiv` finds
//! "motivasjon", never letters picked from here and there ("royk" does not find the r of "rus"
//! and the o of "og"). Both are compared after NFC, lower case and an ASCII fold of the
//! Norwegian letters, tried two ways (`æ`→`ae`, `ø`→`o`, `å`→`aa` or `a`), so `aerlig` finds
//! "ærlig" and `paarorende` and `parorende` find "pårørende". Other accents are dropped (`ide`
//! finds "idé").
//!
//! Ranking: a whole word counts far more than a beginning, and a title twice its text, so whole
//! words come first. A word of five letters or more also forgives one letter left out
//! (`motvasjon`), checked by nucleo-matcher within the beginning of one word, where it cannot
//! gather letters from several words. Match positions point into the original text, for
//! highlighting.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Where a field stands: a title (a question, a technique's name) counts twice its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    Title,
    Text,
}

/// How well a query word met a word of the text, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// One letter left out of a long word.
    Near,
    /// The beginning of a word.
    Prefix,
    /// The whole word.
    Whole,
}

impl Fit {
    fn weight(self) -> u32 {
        match self {
            Fit::Near => 1,
            Fit::Prefix => 2,
            // More than a beginning in a title and in its text together.
            Fit::Whole => 8,
        }
    }
}

/// Shortest query word that forgives a letter left out: shorter ones would find too much.
const NEAR_MIN_CHARS: usize = 5;

/// A text prepared once for many searches: its words in both folds.
pub struct Searchable {
    folds: [Folded; 2],
}

/// A lower-cased, folded copy of a text, the original char index of every char, and where
/// each word starts and ends.
struct Folded {
    chars: Vec<char>,
    map: Vec<u32>,
    words: Vec<(usize, usize)>,
}

/// The two ways people type Norwegian letters on a keyboard without them.
#[derive(Clone, Copy)]
enum Fold {
    /// æ→ae, ø→o, å→aa: the traditional spelling.
    Spelled,
    /// æ→ae, ø→o, å→a: the letter without its mark.
    Stripped,
}

const FOLDS: [Fold; 2] = [Fold::Spelled, Fold::Stripped];

impl Folded {
    fn new(nfc: &str, fold: Fold) -> Self {
        let mut chars = Vec::with_capacity(nfc.len());
        let mut map = Vec::with_capacity(nfc.len());
        for (i, c) in nfc.chars().enumerate() {
            for lower in c.to_lowercase() {
                let mut push = |c: char| {
                    chars.push(c);
                    map.push(i as u32);
                };
                match (lower, fold) {
                    ('æ', _) => "ae".chars().for_each(&mut push),
                    ('ø' | 'ö', _) => push('o'),
                    ('å', Fold::Spelled) => "aa".chars().for_each(&mut push),
                    ('å', Fold::Stripped) => push('a'),
                    (c, _) if c.is_ascii() => push(c),
                    (c, _) => c.nfd().filter(|c| !is_combining_mark(*c)).for_each(&mut push),
                }
            }
        }
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        Self { chars, map, words }
    }
}

impl Searchable {
    pub fn new(text: &str) -> Self {
        let nfc: String = text.nfc().collect();
        Self { folds: FOLDS.map(|fold| Folded::new(&nfc, fold)) }
    }
}

/// One search word, folded both ways, with a nucleo atom per fold for the letter left out.
struct Word {
    folds: [Vec<char>; 2],
    near: [Option<Atom>; 2],
}

/// A whole query: every word must match (in any of the fields the caller tries).
pub struct Query {
    words: Vec<Word>,
}

impl Query {
    /// `None` for a query with no words: the caller shows everything.
    pub fn new(text: &str) -> Option<Self> {
        let nfc: String = text.nfc().collect();
        let words: Vec<Word> = nfc
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let folds = FOLDS.map(|fold| Folded::new(w, fold).chars);
                let near = folds.clone().map(|chars| {
                    (chars.len() >= NEAR_MIN_CHARS).then(|| {
                        let text: String = chars.iter().collect();
                        Atom::new(&text, CaseMatching::Ignore, Normalization::Never, AtomKind::Fuzzy, false)
                    })
                });
                Word { folds, near }
            })
            .collect();
        (!words.is_empty()).then_some(Self { words })
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
            let mut found = Vec::new();
            for (slot, (text, kind)) in fields.iter().enumerate() {
                if let Some((fit, indices)) = self.best_fit(word, text) {
                    found.push((slot, *kind, fit, indices));
                }
            }
            // A letter left out is forgiven only where the word itself is nowhere in the item.
            let best = found.iter().map(|f| f.2).max()?;
            for (slot, kind, fit, indices) in found {
                if fit == Fit::Near && best > Fit::Near {
                    continue;
                }
                hit.score += fit.weight() * if kind == MatchKind::Title { 2 } else { 1 };
                hit.fields[slot].extend(indices);
            }
        }
        for indices in &mut hit.fields {
            indices.sort_unstable();
            indices.dedup();
        }
        Some(hit)
    }

    /// The best way `word` meets a word of `text`, with the letters to highlight: every word
    /// it is or begins, or, only where there is none, the words it nearly begins.
    fn best_fit(&mut self, word: &Word, text: &Searchable) -> Option<(Fit, Vec<u32>)> {
        let mut best: Option<Fit> = None;
        let mut marks = Vec::new();
        let mut near = Vec::new();
        for (i, folded) in text.folds.iter().enumerate() {
            let q = &word.folds[i];
            for &(start, end) in &folded.words {
                let w = &folded.chars[start..end];
                let (fit, len) = if w == q.as_slice() {
                    (Fit::Whole, q.len())
                } else if w.starts_with(q) {
                    (Fit::Prefix, q.len())
                } else if let Some(len) = self.near(word.near[i].as_ref(), w) {
                    (Fit::Near, len)
                } else {
                    continue;
                };
                best = best.max(Some(fit));
                let letters = &folded.map[start..start + len];
                if fit == Fit::Near { &mut near } else { &mut marks }.extend_from_slice(letters);
            }
        }
        let best = best?;
        Some((best, if best == Fit::Near { near } else { marks }))
    }

    /// How many letters of `word` the query spans with one of its letters left out: the query
    /// in order within the word's first letters, one more than the query has, from the first.
    fn near(&mut self, atom: Option<&Atom>, word: &[char]) -> Option<usize> {
        let atom = atom?;
        let len = atom.needle_text().len() + 1;
        let head = word.get(..len)?;
        self.scratch.clear();
        atom.indices(Utf32Str::Unicode(head), &mut self.matcher, &mut self.scratch)?;
        (self.scratch.first() == Some(&0)).then_some(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, text: &str, kind: MatchKind) -> Option<Vec<u32>> {
        let q = Query::new(query)?;
        let s = Searchable::new(text);
        Finder::default().find(&q, &[(&s, kind)]).map(|h| h.fields[0].clone())
    }

    fn score(query: &str, fields: &[(&str, MatchKind)]) -> u32 {
        let q = Query::new(query).unwrap();
        let texts: Vec<Searchable> = fields.iter().map(|(t, _)| Searchable::new(t)).collect();
        let fields: Vec<(&Searchable, MatchKind)> =
            texts.iter().zip(fields).map(|(s, (_, k))| (s, *k)).collect();
        Finder::default().find(&q, &fields).map_or(0, |h| h.score)
    }

    #[test]
    fn royk_finds_royk_with_the_stroke() {
        assert_eq!(matches("royk", "Slutte med røyk", MatchKind::Text), Some(vec![11, 12, 13, 14]));
    }

    #[test]
    fn letters_from_several_words_are_no_match() {
        assert_eq!(matches("royk", "Hva gjør jeg ved rus og kaffe?", MatchKind::Title), None);
        assert_eq!(matches("mtvsjn", "motivasjon", MatchKind::Title), None);
        assert_eq!(
            matches("asjon", "motivasjon", MatchKind::Text),
            None,
            "the middle of a word is not its start"
        );
    }

    #[test]
    fn ascii_spellings_find_norwegian_letters() {
        assert!(matches("aerlig", "Vær ærlig med deg selv", MatchKind::Text).is_some());
        assert!(matches("paarorende", "For pårørende", MatchKind::Text).is_some());
        assert!(matches("parorende", "For pårørende", MatchKind::Text).is_some());
        assert!(matches("paror", "For pårørende", MatchKind::Title).is_some());
        assert!(matches("ide", "En god idé", MatchKind::Text).is_some(), "other accents are dropped");
    }

    #[test]
    fn folded_hits_point_at_the_original_letters() {
        // "ærlig" starts at char 4; the fold "aerlig" maps both a and e back to char 4.
        assert_eq!(matches("aerlig", "Vær ærlig", MatchKind::Text), Some(vec![4, 5, 6, 7, 8]));
    }

    #[test]
    fn case_is_ignored_and_norwegian_letters_match_themselves() {
        assert!(matches("TILBAKEFALL", "Hva gjør jeg ved tilbakefall?", MatchKind::Text).is_some());
        assert!(matches("pårørende", "For PÅRØRENDE", MatchKind::Text).is_some());
    }

    #[test]
    fn every_word_must_match_somewhere() {
        assert!(matches("motivasjon støtte", "Motivasjon og støtte", MatchKind::Text).is_some());
        assert!(matches("motivasjon xyz", "Motivasjon og støtte", MatchKind::Text).is_none());
    }

    #[test]
    fn every_occurrence_of_a_word_beginning_is_marked() {
        assert_eq!(matches("ro", "Ro, rolig, bro", MatchKind::Text), Some(vec![0, 1, 4, 5]));
    }

    #[test]
    fn whole_words_rank_above_beginnings_and_titles_above_text() {
        let whole = score("rus", &[("Om rus", MatchKind::Text)]);
        let prefix = score("rus", &[("Om rusbruk", MatchKind::Text)]);
        let prefix_in_title = score("rus", &[("Om rusbruk", MatchKind::Title)]);
        assert!(whole > prefix_in_title && prefix_in_title > prefix, "{whole} {prefix_in_title} {prefix}");
        let both = score("rus", &[("Om rusbruk", MatchKind::Title), ("rusbruk", MatchKind::Text)]);
        assert!(whole > both, "a whole word anywhere beats beginnings everywhere");
    }

    #[test]
    fn a_long_word_forgives_one_letter_left_out_but_only_where_the_word_is_not_found() {
        assert!(matches("motvasjon", "Motivasjon over tid", MatchKind::Text).is_some());
        assert_eq!(matches("motvjon", "Motivasjon", MatchKind::Text), None, "two letters left out");
        assert_eq!(matches("rusk", "rus og kaffe", MatchKind::Text), None, "short words are exact");
        let q = Query::new("motvasjon").unwrap();
        let (near, exact) = (Searchable::new("motivasjon"), Searchable::new("motvasjon"));
        let hit =
            Finder::default().find(&q, &[(&near, MatchKind::Title), (&exact, MatchKind::Text)]).unwrap();
        assert!(hit.fields[0].is_empty(), "the near match is not marked beside the word itself");
    }

    #[test]
    fn empty_query_is_no_query() {
        assert!(Query::new("   ").is_none());
        assert!(Query::new(" - ? ").is_none());
    }

    #[test]
    fn decomposed_input_is_normalised() {
        // "å" typed as a + combining ring still finds the composed letter.
        assert!(matches("pa\u{30a}", "på", MatchKind::Text).is_some());
    }
}
