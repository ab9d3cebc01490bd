//! The two articles the content comes from, and how a source is shown: by the article's readable
//! title and topic, never by the seed's file name or its search-engine headings, and with
//! mestring's own additions named as such. Also the one line that goes with every figure the
//! articles report, since they cite nothing that can be checked.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Article {
    /// English kebab-case, the same in every language; what a [`Source::Article`] names.
    pub id: String,
    /// File name under `shared/seeds/`, to trace the text; never shown.
    pub seed: String,
    /// The article's own title, made readable.
    pub title: String,
    /// What the article is about, as it follows the title in a citation ("om ...").
    pub topic: String,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ArticlesFile {
    pub articles: Vec<Article>,
    /// How an article is cited; `{title}` and `{topic}` are filled in.
    pub cite_article: String,
    /// Follows the article's citation when mestring added to its words; `{added}` is filled in.
    pub cite_added: String,
    /// How an item of mestring's own is cited without, and with, a general source (`{basis}`).
    pub cite_own: String,
    pub cite_own_basis: String,
    /// The one line shown wherever a figure from the articles is shown.
    pub figure_caveat: String,
    /// The words content uses to give a figure as the article's ("Artikkelen oppgir"); a text
    /// with them is followed by [`ArticlesFile::figure_caveat`].
    pub reports: String,
}

pub(super) fn per_lang() -> PerLang<ArticlesFile> {
    PerLang::new(embed_per_lang!("articles.ron"))
}

fn file(content: &Content, lang: Lang) -> &ArticlesFile {
    content.articles.get(lang, &content.packs)
}

/// A source as people read it, without the "Kilde:" label.
pub fn cite(content: &Content, source: &Source, lang: Lang) -> String {
    let file = file(content, lang);
    match source {
        Source::Article { article, added, .. } => {
            let cited = match file.articles.iter().find(|a| &a.id == article) {
                Some(a) => file.cite_article.replace("{title}", &a.title).replace("{topic}", &a.topic),
                None => article.clone(),
            };
            match added {
                Some(added) => format!("{cited}. {}", file.cite_added.replace("{added}", added)),
                None => cited,
            }
        }
        Source::Own { basis: None } => file.cite_own.clone(),
        Source::Own { basis: Some(basis) } => file.cite_own_basis.replace("{basis}", basis),
        Source::Local { name } => name.clone(),
    }
}

/// The last line of an item: "Kilde: ...".
pub fn source_line(content: &Content, source: &Source, lang: Lang) -> String {
    format!("{}: {}", lang.strings().source, cite(content, source, lang))
}

/// The title of the article an item comes from, for a short citation in a list.
pub fn title<'a>(content: &'a Content, source: &Source, lang: Lang) -> Option<&'a str> {
    let id = source.article()?;
    file(content, lang).articles.iter().find(|a| a.id == id).map(|a| a.title.as_str())
}

/// "Artiklene viser ikke til kilder ...": goes with every figure from the articles.
pub fn figure_caveat(content: &Content, lang: Lang) -> &str {
    &file(content, lang).figure_caveat
}

/// Whether `text` gives a figure as the article's, and so needs [`figure_caveat`] after it.
pub fn reports_figure(content: &Content, text: &str, lang: Lang) -> bool {
    text.contains(file(content, lang).reports.as_str())
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<ArticlesFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::text_rules;

    const SEEDS: [&str; 2] = ["000_3c85f47529e58ea8.txt", "001_414a6a3d669f1fcb.txt"];

    #[test]
    fn both_languages_name_both_seeds_with_the_same_ids() {
        let [nb, en] = Lang::ALL.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")));
        for file in [&nb, &en] {
            let seeds: Vec<&str> = file.articles.iter().map(|a| a.seed.as_str()).collect();
            assert_eq!(seeds, SEEDS);
            assert!(file.cite_article.contains("{title}") && file.cite_article.contains("{topic}"));
            assert!(file.cite_added.contains("{added}") && file.cite_own_basis.contains("{basis}"));
        }
        let ids = |f: &ArticlesFile| f.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&nb), ids(&en));
        for lang in Lang::ALL {
            text_rules::assert_clean(lang.code(), &try_parse(lang).unwrap());
        }
    }

    #[test]
    fn every_source_in_every_file_names_a_known_article() {
        for lang in Lang::ALL {
            let known: Vec<String> = try_parse(lang).unwrap().articles.into_iter().map(|a| a.id).collect();
            for (name, value) in text_rules::files(lang) {
                let sources = text_rules::sources(&value);
                for (path, source) in sources {
                    if let Source::Article { article, section, .. } = &source {
                        assert!(
                            known.contains(article),
                            "{}/{name}{path}: unknown article {article}",
                            lang.code()
                        );
                        assert!(!section.trim().is_empty(), "{}/{name}{path}: no section", lang.code());
                    }
                    assert!(!matches!(source, Source::Local { .. }), "{}/{name}{path}: Local", lang.code());
                }
            }
        }
    }

    /// A percentage may only be shown where the caveat goes with it: the tables and the running
    /// text's figures, a technique's reported figure, or a text that gives it as the article's.
    #[test]
    fn every_percentage_is_where_the_caveat_is_shown() {
        for lang in Lang::ALL {
            for (name, value) in text_rules::files(lang) {
                for (path, text) in text_rules::strings(&value) {
                    if !text.contains('%') || path.contains(".source.") {
                        continue;
                    }
                    let shown_with_caveat = name == "figures.ron"
                        || path.contains(".reported.")
                        || reports_figure(&Content::new(None), &text, lang);
                    assert!(shown_with_caveat, "{}/{name}{path}: {text}", lang.code());
                }
            }
        }
    }

    #[test]
    fn a_citation_shows_titles_never_file_names_or_headings() {
        for lang in Lang::ALL {
            for (name, value) in text_rules::files(lang) {
                for (path, source) in text_rules::sources(&value) {
                    let shown = source_line(&Content::new(None), &source, lang);
                    assert!(!shown.contains(".txt") && !shown.contains("000_"), "{name}{path}: {shown}");
                    if let Source::Article { section, .. } = &source {
                        assert!(!shown.contains(section.as_str()), "{name}{path} shows its heading");
                    }
                }
            }
        }
        let source = Source::Article {
            article: "motivation-in-rehabilitation".into(),
            section: "Hva sier forskningen?".into(),
            added: Some("rådet om abstinenser".into()),
        };
        let shown = source_line(&Content::new(None), &source, Lang::Nb);
        assert!(shown.starts_with("Kilde: «Motivasjon i rehabilitering"), "{shown}");
        assert!(shown.ends_with("Lagt til av mestring: rådet om abstinenser"), "{shown}");
        let own = source_line(&Content::new(None), &Source::Own { basis: Some("MBSR".into()) }, Lang::En);
        assert!(own.contains("mestring's own") && own.contains("MBSR"), "{own}");
    }
}
