//! Slips of voice and pinyin input: older people often speak their question, and a phone
//! writes what it heard (以地就医 for 异地就医, 备安 for 备案, 报效 for 报销). A run of
//! characters that sounds exactly like one of the site's words (same syllables, tones
//! ignored), is written otherwise, and appears nowhere in the pages is taken for that word.
//! The search page says what it searched for instead.

use pinyin::ToPinyin;
use std::collections::HashMap;

/// The site's words by their sound.
#[derive(Debug, Default)]
pub struct Homophones {
    /// Syllables joined by spaces → the word; a sound two words share is left out (which
    /// one was meant cannot be told).
    by_sound: HashMap<String, &'static str>,
    /// The longest word, in characters.
    longest: usize,
}

/// The syllables of `chars`, tones dropped, joined by spaces; `None` when one is not a
/// Chinese character.
fn sound(chars: &[char]) -> Option<String> {
    let mut out = String::with_capacity(chars.len() * 5);
    for c in chars {
        let p = c.to_pinyin()?;
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p.plain());
    }
    Some(out)
}

impl Homophones {
    /// From the words to recognise (words of one character are left out: too many
    /// characters share a syllable).
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Homophones {
        let mut by_sound: HashMap<String, Option<&'static str>> = HashMap::new();
        let mut longest = 0;
        for w in words {
            let chars: Vec<char> = w.chars().collect();
            if chars.len() < 2 {
                continue;
            }
            let Some(s) = sound(&chars) else { continue };
            longest = longest.max(chars.len());
            by_sound
                .entry(s)
                .and_modify(|seen| {
                    if *seen != Some(w) {
                        *seen = None;
                    }
                })
                .or_insert(Some(w));
        }
        Homophones {
            by_sound: by_sound
                .into_iter()
                .filter_map(|(s, w)| Some((s, w?)))
                .collect(),
            longest,
        }
    }

    /// `text` with each slip replaced by the word it sounds like, and the slips as
    /// (as typed, as meant). A slip runs from one word boundary to another (`boundary(i)`:
    /// whether a word starts or ends before character `i`), so it never cuts a word typed
    /// right (可以报销 holds no 以报 for 医保). `written(run)` says whether the run is a real
    /// word (in the dictionary, in the pages, or a place name): a real word is never
    /// corrected. The longest run at a position wins.
    pub fn correct(
        &self,
        text: &str,
        boundary: impl Fn(usize) -> bool,
        mut written: impl FnMut(&str) -> bool,
    ) -> (String, Vec<(String, &'static str)>) {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut slips = Vec::new();
        let mut i = 0;
        'outer: while i < chars.len() {
            if boundary(i) {
                for len in (2..=self.longest.min(chars.len() - i)).rev() {
                    if !boundary(i + len) {
                        continue;
                    }
                    let run = &chars[i..i + len];
                    let Some(word) = sound(run).and_then(|s| self.by_sound.get(&s)) else {
                        continue;
                    };
                    let typed: String = run.iter().collect();
                    if typed == *word || written(&typed) {
                        continue;
                    }
                    out.push_str(word);
                    slips.push((typed, *word));
                    i += len;
                    continue 'outer;
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        (out, slips)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sounds() -> Homophones {
        Homophones::new(["异地就医", "备案", "报销", "医保", "转移", "社保", "共济"])
    }

    /// Word boundaries as jieba would cut: between the given pieces.
    fn cuts(pieces: &[&str]) -> impl Fn(usize) -> bool {
        let mut at = vec![0];
        for p in pieces {
            at.push(at.last().unwrap() + p.chars().count());
        }
        move |i| at.contains(&i)
    }

    #[test]
    fn a_run_that_sounds_like_a_word_becomes_it() {
        let pieces = ["以", "地", "就医", "要", "备", "安", "吗"];
        let (text, slips) = sounds().correct(&pieces.concat(), cuts(&pieces), |_| false);
        assert_eq!(text, "异地就医要备案吗");
        assert_eq!(
            slips,
            vec![
                ("以地就医".to_string(), "异地就医"),
                ("备安".to_string(), "备案")
            ]
        );
        let pieces = ["医保", "转", "一", "能", "报效", "吗"];
        let (text, _) = sounds().correct(&pieces.concat(), cuts(&pieces), |_| false);
        assert_eq!(text, "医保转移能报销吗");
    }

    #[test]
    fn a_slip_never_cuts_a_word_typed_right() {
        // 可以|报销: 以报 sounds like 医保 but cuts both words.
        let pieces = ["职工", "医保", "可以", "报销", "吗"];
        let (text, slips) = sounds().correct(&pieces.concat(), cuts(&pieces), |_| false);
        assert_eq!(text, pieces.concat());
        assert!(slips.is_empty());
        // 公积金 is one word: no 共济 inside it.
        let pieces = ["公积金", "和", "医保"];
        let (text, _) = sounds().correct(&pieces.concat(), cuts(&pieces), |_| false);
        assert_eq!(text, "公积金和医保");
    }

    #[test]
    fn words_as_written_and_words_the_pages_hold_stay() {
        let pieces = ["异地就医", "备案"];
        let (text, slips) = sounds().correct(&pieces.concat(), cuts(&pieces), |_| false);
        assert_eq!(text, "异地就医备案");
        assert!(slips.is_empty());
        // The pages (or the dictionary) hold it: a word of its own, not a slip.
        let pieces = ["报效", "祖国"];
        let (text, slips) = sounds().correct(&pieces.concat(), cuts(&pieces), |run| run == "报效");
        assert_eq!(text, "报效祖国");
        assert!(slips.is_empty());
        // Letters, digits and punctuation pass through.
        let (text, _) = sounds().correct("app上12393电话？", |_| true, |_| false);
        assert_eq!(text, "app上12393电话？");
    }

    #[test]
    fn a_sound_two_words_share_is_not_guessed() {
        // 保险 and 宝险 are both bao xian; with both listed neither is chosen.
        let h = Homophones::new(["保险", "宝险", "备案"]);
        let (text, slips) = h.correct("保先备安", |_| true, |_| false);
        assert_eq!(text, "保先备案");
        assert_eq!(slips.len(), 1);
    }
}
