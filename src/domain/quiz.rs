//! Spaced review for "Myte eller fakta", with Leitner boxes.
//!
//! Each statement the person has answered sits in a box from 1 to [`BOXES`]. A wrong answer sends
//! it back to box 1, a right one moves it up one box, and the higher the box, the longer until it
//! is due again (1, 2, 4, 8, 16 days). A round takes the statements that are due first, then ones
//! never seen, then the ones due soonest, so a round is always full while there are enough
//! statements. Everything here takes the date it runs on; nothing reads a clock.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The number of boxes; a statement in the last box stays there while it is answered right.
pub const BOXES: u8 = 5;

/// Statements in a regular round.
pub const ROUND_LEN: usize = 10;

/// Where one statement stands in the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// The statement's id in `quiz.ron`.
    pub id: String,
    /// 1..=BOXES.
    pub leitner_box: u8,
    /// The first day the statement should be asked again.
    pub due: NaiveDate,
}

impl Card {
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due <= today
    }

    /// Box 1 holds exactly the statements whose last answer was wrong: a right answer always
    /// moves a statement out of it, and a never-answered one has no card.
    pub fn is_mistake(&self) -> bool {
        self.leitner_box <= 1
    }
}

/// Days until a statement in `leitner_box` is due again: doubling from one day.
pub fn interval_days(leitner_box: u8) -> u64 {
    1 << (leitner_box.clamp(1, BOXES) - 1)
}

/// The card for `id` after an answer given on `today`. A statement never answered before counts
/// as being in box 1, so a right first answer puts it in box 2.
pub fn answer(previous: Option<&Card>, id: &str, right: bool, today: NaiveDate) -> Card {
    let leitner_box = match (right, previous) {
        (false, _) => 1,
        (true, Some(card)) => card.leitner_box.saturating_add(1).clamp(2, BOXES),
        (true, None) => 2,
    };
    let due = today.checked_add_days(Days::new(interval_days(leitner_box))).unwrap_or(NaiveDate::MAX);
    Card { id: id.to_owned(), leitner_box, due }
}

/// What kind of round it was; the history shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundKind {
    /// Due statements first, then new ones.
    Regular,
    /// Only the statements last answered wrong.
    Mistakes,
}

/// A finished round, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub finished_at: NaiveDateTime,
    pub kind: RoundKind,
    pub right: u8,
    pub total: u8,
}

/// Picks up to `n` statements for a regular round from `ids` (the content's order), then
/// shuffles them with `seed` so the order of myths and facts gives nothing away.
///
/// Order of preference: due cards (lowest box first, then the longest overdue), statements never
/// answered (content order), then cards not yet due (due soonest first). Cards for statements
/// that are no longer in the content are ignored.
pub fn draw(ids: &[&str], cards: &[Card], today: NaiveDate, n: usize, seed: u64) -> Vec<String> {
    let card_of = |id: &str| cards.iter().find(|c| c.id == id);
    let mut due = Vec::new();
    let mut new = Vec::new();
    let mut later = Vec::new();
    for (order, id) in ids.iter().enumerate() {
        match card_of(id) {
            None => new.push((order, *id)),
            Some(card) if card.is_due(today) => due.push(((card.leitner_box, card.due, order), *id)),
            Some(card) => later.push(((card.due, card.leitner_box, order), *id)),
        }
    }
    due.sort_unstable();
    later.sort_unstable();
    let mut picked: Vec<String> = due
        .into_iter()
        .map(|(_, id)| id)
        .chain(new.into_iter().map(|(_, id)| id))
        .chain(later.into_iter().map(|(_, id)| id))
        .take(n)
        .map(str::to_owned)
        .collect();
    shuffle(&mut picked, seed);
    picked
}

/// The statements last answered wrong, in content order, at most `n`.
pub fn mistakes(ids: &[&str], cards: &[Card], n: usize) -> Vec<String> {
    ids.iter()
        .filter(|id| cards.iter().any(|c| c.id == **id && c.is_mistake()))
        .take(n)
        .map(|id| (*id).to_owned())
        .collect()
}

/// How many of `ids` sit in each box (index 0 is box 1), and how many were never answered.
pub fn box_counts(ids: &[&str], cards: &[Card]) -> ([usize; BOXES as usize], usize) {
    let mut counts = [0; BOXES as usize];
    let mut unseen = 0;
    for id in ids {
        match cards.iter().find(|c| c.id == *id) {
            Some(card) => counts[usize::from(card.leitner_box.clamp(1, BOXES) - 1)] += 1,
            None => unseen += 1,
        }
    }
    (counts, unseen)
}

/// How many of `ids` a regular round would ask because they are due (never answered included).
pub fn due_count(ids: &[&str], cards: &[Card], today: NaiveDate) -> usize {
    ids.iter().filter(|id| cards.iter().find(|c| c.id == **id).is_none_or(|c| c.is_due(today))).count()
}

/// A round being played: the statements drawn and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub kind: RoundKind,
    pub ids: Vec<String>,
    /// One entry per answered statement: was the answer right.
    pub answers: Vec<bool>,
}

impl Round {
    pub fn new(kind: RoundKind, ids: Vec<String>) -> Self {
        Self { kind, ids, answers: Vec::new() }
    }

    /// The statement waiting for an answer, if the round is not over.
    pub fn current(&self) -> Option<&str> {
        self.ids.get(self.answers.len()).map(String::as_str)
    }

    pub fn record(&mut self, right: bool) {
        if self.current().is_some() {
            self.answers.push(right);
        }
    }

    pub fn is_finished(&self) -> bool {
        self.answers.len() >= self.ids.len()
    }

    pub fn right(&self) -> usize {
        self.answers.iter().filter(|r| **r).count()
    }

    pub fn to_record(&self, finished_at: NaiveDateTime) -> RoundRecord {
        let clamp = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        RoundRecord { finished_at, kind: self.kind, right: clamp(self.right()), total: clamp(self.ids.len()) }
    }
}

/// Fisher-Yates with splitmix64: deterministic for a seed, so tests know the order.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, FixedClock};

    const IDS: [&str; 12] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

    fn today() -> NaiveDate {
        FixedClock::sample().today()
    }

    fn day(offset: i64) -> NaiveDate {
        today() + chrono::Duration::days(offset)
    }

    fn card(id: &str, leitner_box: u8, due: NaiveDate) -> Card {
        Card { id: id.to_owned(), leitner_box, due }
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn a_wrong_answer_goes_back_to_box_one_due_tomorrow() {
        let before = card("a", 4, day(-1));
        let after = answer(Some(&before), "a", false, today());
        assert_eq!(after, card("a", 1, day(1)));
        assert!(after.is_mistake());
    }

    #[test]
    fn a_right_answer_moves_up_one_box_and_waits_longer() {
        let first = answer(None, "a", true, today());
        assert_eq!(first, card("a", 2, day(2)));
        let second = answer(Some(&first), "a", true, day(2));
        assert_eq!(second, card("a", 3, day(2 + 4)));
        let top = answer(Some(&card("a", BOXES, day(0))), "a", true, today());
        assert_eq!(top, card("a", BOXES, day(16)), "the last box keeps the statement");
    }

    #[test]
    fn a_right_answer_after_a_wrong_one_leaves_the_mistakes() {
        let wrong = answer(None, "a", false, today());
        assert!(wrong.is_mistake());
        let right = answer(Some(&wrong), "a", true, day(1));
        assert_eq!(right.leitner_box, 2);
        assert!(!right.is_mistake());
    }

    #[test]
    fn intervals_double_from_one_day() {
        let days: Vec<u64> = (1..=BOXES).map(interval_days).collect();
        assert_eq!(days, [1, 2, 4, 8, 16]);
        assert_eq!(interval_days(0), 1);
        assert_eq!(interval_days(99), 16);
    }

    #[test]
    fn due_statements_come_first_lowest_box_first_then_new_then_soonest() {
        let cards = [
            card("a", 3, day(5)),  // later, due in 5
            card("b", 2, day(-3)), // due, box 2
            card("c", 1, day(0)),  // due, box 1
            card("d", 4, day(1)),  // later, due tomorrow
            card("e", 2, day(-1)), // due, box 2, less overdue than b
        ];
        let ids = &IDS[..6]; // f is new
        let drawn = draw(ids, &cards, today(), 6, 0);
        assert_eq!(sorted(drawn.clone()), sorted(ids.iter().map(|s| s.to_string()).collect()));
        // Without the shuffle, the preference order is visible through a short draw.
        assert_eq!(sorted(draw(ids, &cards, today(), 1, 7)), ["c"]);
        assert_eq!(sorted(draw(ids, &cards, today(), 3, 7)), ["b", "c", "e"]);
        assert_eq!(sorted(draw(ids, &cards, today(), 4, 7)), ["b", "c", "e", "f"]);
        assert_eq!(sorted(draw(ids, &cards, today(), 5, 7)), ["b", "c", "d", "e", "f"]);
    }

    #[test]
    fn a_round_is_full_when_there_are_enough_statements_and_never_repeats_one() {
        let cards: Vec<Card> = IDS.iter().map(|id| card(id, 5, day(10))).collect();
        let drawn = draw(&IDS, &cards, today(), ROUND_LEN, 1);
        assert_eq!(drawn.len(), ROUND_LEN, "nothing is due, the soonest fill the round");
        let mut unique = drawn.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), drawn.len());
        assert_eq!(draw(&IDS[..3], &[], today(), ROUND_LEN, 1).len(), 3);
    }

    #[test]
    fn the_shuffle_is_fixed_by_the_seed_and_changes_with_it() {
        let a = draw(&IDS, &[], today(), ROUND_LEN, 42);
        assert_eq!(a, draw(&IDS, &[], today(), ROUND_LEN, 42));
        assert_ne!(a, draw(&IDS, &[], today(), ROUND_LEN, 43));
        assert_ne!(a, IDS[..ROUND_LEN].iter().map(|s| s.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn cards_for_removed_statements_are_ignored() {
        let cards = [card("gone", 1, day(-5)), card("a", 1, day(-1))];
        let drawn = draw(&IDS[..2], &cards, today(), ROUND_LEN, 0);
        assert_eq!(sorted(drawn), ["a", "b"]);
        assert_eq!(mistakes(&IDS[..2], &cards, ROUND_LEN), ["a"]);
    }

    #[test]
    fn mistakes_are_the_box_one_statements_in_content_order() {
        let cards = [card("c", 1, day(1)), card("a", 1, day(1)), card("b", 3, day(1))];
        assert_eq!(mistakes(&IDS, &cards, ROUND_LEN), ["a", "c"]);
        assert_eq!(mistakes(&IDS, &cards, 1), ["a"]);
        assert!(mistakes(&IDS, &[], ROUND_LEN).is_empty());
    }

    #[test]
    fn counts_per_box_and_due() {
        let cards = [card("a", 1, day(1)), card("b", 1, day(0)), card("c", 5, day(9))];
        let (boxes, unseen) = box_counts(&IDS[..4], &cards);
        assert_eq!(boxes, [2, 0, 0, 0, 1]);
        assert_eq!(unseen, 1);
        assert_eq!(due_count(&IDS[..4], &cards, today()), 2, "b is due and d is new");
        assert_eq!(due_count(&IDS[..4], &cards, day(1)), 3);
    }

    #[test]
    fn a_round_scores_its_answers_and_ignores_extra_ones() {
        let mut round = Round::new(RoundKind::Regular, vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(round.current(), Some("a"));
        round.record(true);
        round.record(false);
        assert!(!round.is_finished());
        round.record(true);
        round.record(true);
        assert!(round.is_finished());
        assert_eq!(round.current(), None);
        let at = FixedClock::sample().now();
        assert_eq!(
            round.to_record(at),
            RoundRecord { finished_at: at, kind: RoundKind::Regular, right: 2, total: 3 }
        );
    }
}
