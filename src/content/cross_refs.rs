//! Checks that ids one content file uses to point into another resolve, in every language: a
//! dangling id would show as a dead link (a relatives' question that opens nothing, an exercise
//! key that starts nothing).

#[cfg(test)]
mod tests {
    use crate::content::{FaqTopic, exercises, faq, relatives, techniques};
    use crate::i18n::Lang;

    /// The relatives' questions, written from article 001's FAQ for family and friends.
    const RELATIVES_FAQ: [&str; 8] = [
        "how-relatives-can-help-motivation",
        "relative-refuses-help",
        "avoid-burnout-as-relative",
        "join-treatment-meetings",
        "handle-conflicts",
        "feeling-responsible-as-relative",
        "support-motivation-as-relative",
        "financial-support-for-relatives",
    ];

    #[test]
    fn every_relatives_faq_id_is_a_relatives_question() {
        for lang in Lang::ALL {
            let file = relatives::try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(file.faq_ids, RELATIVES_FAQ, "{}", lang.code());
            let questions = faq::try_parse(lang).unwrap_or_else(|err| panic!("{err}")).items;
            for id in &file.faq_ids {
                let item = questions.iter().find(|q| &q.id == id);
                let item = item.unwrap_or_else(|| panic!("{}: faq id {id} is not in faq.ron", lang.code()));
                assert_eq!(item.topic, FaqTopic::Relatives, "{}: {id}", lang.code());
            }
            let all_relatives = questions.iter().filter(|q| q.topic == FaqTopic::Relatives).count();
            assert_eq!(
                all_relatives,
                file.faq_ids.len(),
                "{}: a relatives' question is not linked",
                lang.code()
            );
        }
    }

    #[test]
    fn every_technique_exercise_exists() {
        for lang in Lang::ALL {
            let items = techniques::try_parse(lang).unwrap_or_else(|err| panic!("{err}")).items;
            let exercises = exercises::try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            let known = |id: &str| {
                exercises.breathing.iter().any(|b| b.id == id)
                    || exercises.mindfulness.iter().any(|m| m.id == id)
            };
            for t in &items {
                if let Some(id) = &t.exercise {
                    assert!(known(id), "{}: {} points to unknown exercise {id}", lang.code(), t.id);
                }
            }
        }
    }
}
