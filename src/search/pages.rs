//! Which page a question reads like, character by character: a naive Bayes model of each
//! page's question, trained on its title, its tags and the ways people ask it (front-matter
//! `asked`). Where the ranking weighs the words a question shares with a page, this weighs
//! every character and character pair of the question against how each page's askers write,
//! so a page whose askers say "半年", "进厂" or "老头子" gains from those words even when no
//! rule knows them. The ranking adds its posterior ([`PageModel::posterior`]) to its own
//! score; it reorders pages the word match found, it never finds pages itself.

use std::collections::HashMap;

use super::segment::Segmenter;

/// Additive smoothing of each page's feature counts.
const ALPHA: f64 = 0.5;
/// How peaked the posterior is (log-likelihoods are divided by it before the softmax).
const TEMPERATURE: f64 = 3.0;

/// Features in a question past which its model is made less sure (see `posterior`). 15
/// when features were characters and pairs; words add about a third to a text's count, so
/// the same message is as long at 20 (cross-fitted tune 839 → 842 in the top three of 852;
/// held out, real 131 → 133 first of 160).
const LONG_FEATURES: f64 = 20.0;

/// A feature of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Feature {
    Char(char),
    /// Two adjacent characters.
    Pair(char, char),
    /// A word of two characters or more, as its synonyms' group knows it (医疗保险 and 医保
    /// are one): a hash of the group's first word in sort order.
    Word(u64),
}

/// The features of a text: its letters, digits and CJK characters, lower-cased, each
/// adjacent pair of them, and its words (`terms`: the text cut as a query is, each word
/// with its synonyms, [`Segmenter::query_terms`]).
/// Punctuation and spaces are left out (and break no pairs: people type with and without
/// them). Words were added on 2026-12-04: the real questions of the relevance set gained
/// (cross-fitted tune 249 → 253 first, 283 → 284 in the top three of 294; held out 129 →
/// 131, 147 → 148 of 160), the written ones lost a little (527 → 523, 556 → 555 of 558).
fn features(text: &str, terms: &[Vec<String>]) -> Vec<Feature> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let mut f: Vec<Feature> = chars.iter().map(|&c| Feature::Char(c)).collect();
    f.extend(chars.windows(2).map(|w| Feature::Pair(w[0], w[1])));
    for group in terms {
        if let Some(w) = group.iter().min().filter(|w| w.chars().count() >= 2) {
            f.push(Feature::Word(crate::hash::fnv64(w.as_bytes())));
        }
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// Pages (a FAQ entry, a whole guide) and, per feature, how many of each page's texts hold it.
#[derive(Default)]
pub(super) struct PageModel {
    /// Each page's address (without `#section`), in order of first appearance.
    pages: Vec<String>,
    of_url: HashMap<String, u32>,
    /// Per feature: (page, how many of its texts hold it), pages ascending.
    postings: HashMap<Feature, Vec<(u32, u32)>>,
    /// Per page: the sum of its feature counts.
    totals: Vec<u32>,
}

impl PageModel {
    /// The page a document belongs to (a guide's sections share their guide's).
    pub(super) fn page(&mut self, url: &str) -> u32 {
        let url = url.split('#').next().unwrap_or(url);
        if let Some(&p) = self.of_url.get(url) {
            return p;
        }
        let p = self.pages.len() as u32;
        self.pages.push(url.to_string());
        self.of_url.insert(url.to_string(), p);
        self.totals.push(0);
        p
    }

    /// How many pages it knows.
    pub(super) fn len(&self) -> usize {
        self.pages.len()
    }

    /// One text of a page's question: its title, its tags, or one way of asking it.
    pub(super) fn learn(&mut self, page: u32, text: &str) {
        for f in features(text, &Segmenter::get().query_terms(text)) {
            let list = self.postings.entry(f).or_default();
            match list.last_mut() {
                Some((p, n)) if *p == page => *n += 1,
                _ => list.push((page, 1)),
            }
            self.totals[page as usize] += 1;
        }
    }

    /// The `n` pages a question reads most like, with their share (for `yibao search`).
    pub(super) fn top(&self, query: &str, n: usize) -> Vec<(String, f64)> {
        let mut ranked: Vec<(String, f64)> = self
            .pages
            .iter()
            .cloned()
            .zip(self.posterior(query))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked.truncate(n);
        ranked
    }

    /// Per page, how likely it is the one asked (0–1, summing to 1). A feature counts by
    /// how few pages hold it: one every page holds tells nothing.
    pub(super) fn posterior(&self, query: &str) -> Vec<f64> {
        self.posterior_with(query, &Segmenter::get().query_terms(query))
    }

    /// [`posterior`](Self::posterior) of a query already cut into `terms`
    /// ([`Segmenter::query_terms`]), as the ranking has it.
    pub(super) fn posterior_with(&self, query: &str, terms: &[Vec<String>]) -> Vec<f64> {
        let n = self.pages.len();
        if n == 0 {
            return Vec::new();
        }
        let vocab = self.postings.len() as f64;
        let mut known_weight = 0.0;
        // Σ over the query's features of weight × ln(count + α), past the ln α every page has.
        let mut log = vec![0.0f64; n];
        let feats = features(query, terms);
        // A long message holds many features, and their product would make the model sure
        // of one page: it is as sure per feature as a short question is.
        let temperature = TEMPERATURE * (feats.len() as f64 / LONG_FEATURES).sqrt().max(1.0);
        for f in feats {
            let Some(list) = self.postings.get(&f) else {
                continue;
            };
            let w = (n as f64 / list.len() as f64).ln();
            if w <= 0.0 {
                continue;
            }
            known_weight += w;
            for &(p, c) in list {
                log[p as usize] += w * ((f64::from(c) + ALPHA).ln() - ALPHA.ln());
            }
        }
        if known_weight == 0.0 {
            // Nothing the pages' askers write: every page is as likely.
            return vec![1.0 / n as f64; n];
        }
        for (p, l) in log.iter_mut().enumerate() {
            *l -= known_weight * (f64::from(self.totals[p]) + ALPHA * vocab).ln();
        }
        let top = log.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut post: Vec<f64> = log
            .iter()
            .map(|l| ((l - top) / temperature).exp())
            .collect();
        let z: f64 = post.iter().sum();
        for p in &mut post {
            *p /= z;
        }
        post
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> (PageModel, u32, u32) {
        let mut m = PageModel::default();
        let gap = m.page("/faq/gap");
        let card = m.page("/faq/card#x");
        for t in ["断缴四个月会怎样", "离职半年才进新厂", "中间空了几个月没交"]
        {
            m.learn(gap, t);
        }
        for t in ["医保卡丢了怎么办", "旧的医保卡还能刷吗", "社保卡补办"] {
            m.learn(card, t);
        }
        (m, gap, card)
    }

    #[test]
    fn a_question_reads_like_the_page_whose_askers_write_so() {
        let (m, gap, card) = model();
        let post = m.posterior("辞职半年了医保会怎样");
        assert!(post[gap as usize] > post[card as usize], "{post:?}");
        let post = m.posterior("卡丢了");
        assert!(post[card as usize] > post[gap as usize], "{post:?}");
        assert!((post.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let top = m.top("卡丢了", 1);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].0, "/faq/card");
    }

    #[test]
    fn sections_share_their_page_and_unknown_text_tells_nothing() {
        let (mut m, _, card) = model();
        assert_eq!(m.page("/faq/card"), card);
        assert_eq!(m.page("/faq/card#y"), card);
        let post = m.posterior("★☆ xyz");
        assert!(post.iter().all(|p| (p - post[0]).abs() < 1e-12), "{post:?}");
        assert!(PageModel::default().posterior("医保").is_empty());
        // Pages that learnt nothing: no division by zero, no NaN.
        let mut empty = PageModel::default();
        empty.page("/faq/a");
        empty.learn(0, "，。");
        assert_eq!(empty.posterior("医保"), vec![1.0]);
    }

    #[test]
    fn a_long_message_about_both_pages_leaves_both_a_share() {
        // Many features multiply to certainty unless the model is as sure per feature as
        // for a short question (unscaled, the gap page keeps 0.01 here).
        let (m, gap, card) = model();
        let post = m.posterior("我离职半年才进新厂 旧的医保卡丢了还能刷吗 怎么补办社保卡");
        assert!(post[gap as usize] > 0.05, "{post:?}");
        assert!(post[card as usize] > 0.02, "{post:?}");
    }

    #[test]
    fn features_skip_punctuation_and_fold_case() {
        use Feature::{Char, Pair};
        assert_eq!(
            features("A，b", &[]),
            vec![Char('a'), Char('b'), Pair('a', 'b')]
        );
    }

    #[test]
    fn a_word_and_its_synonym_are_one_feature() {
        let words = |t: &str| -> Vec<Feature> {
            features(t, &Segmenter::get().query_terms(t))
                .into_iter()
                .filter(|f| matches!(f, Feature::Word(_)))
                .collect()
        };
        assert_eq!(words("医疗保险"), words("医保"));
        assert_eq!(words("医保").len(), 1);
        assert_ne!(words("医保"), words("备案"));
    }
}
