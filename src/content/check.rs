//! What editors need beyond what start-up refuses (`yibao check`): near-duplicate questions,
//! literal numbers that should be `{{placeholders}}`, pages not re-checked for a year, and
//! jargon in short answers. These are warnings: a page can be right and still trip one, and an
//! unrelated build must never fail because the calendar moved on.

use super::{Facts, Library};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// One thing for an editor to look at, with the file (and line when known).
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file.display(), l, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Questions at least this similar (character-bigram Jaccard) are probably the same question.
pub const DUPLICATE_THRESHOLD: f64 = 0.5;
/// Pages not re-checked against the sources for this many days get a warning.
pub const STALE_DAYS: i64 = 365;

/// Terms a reader may not know: a short answer that uses one should explain it in brackets
/// right after it, or say it another way.
pub const JARGON: [&str; 8] = [
    "统筹区",
    "统筹地区",
    "中止参保",
    "变动等待期",
    "百分点",
    "信息表",
    "联系函",
    "视同缴费年限",
];

/// Every editor warning for the library, `today` injected so tests can fix it.
pub fn warnings(lib: &Library, today: NaiveDate) -> Vec<Warning> {
    let mut out = Vec::new();
    near_duplicates(lib, &mut out);
    shared_phrasings(lib, &mut out);
    for g in &lib.guides {
        stale(g.file(), g.updated, today, &mut out);
        literal_numbers(g.file(), &lib.facts, &mut out);
    }
    for f in &lib.faqs {
        stale(f.file(), f.updated, today, &mut out);
        literal_numbers(f.file(), &lib.facts, &mut out);
        jargon(f.file(), &f.short_answer, &mut out);
    }
    out
}

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"？，。、：；“”（）".contains(*c))
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// How alike two questions are, 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let union = x.union(&y).count();
    if union == 0 {
        return 0.0;
    }
    x.intersection(&y).count() as f64 / union as f64
}

fn near_duplicates(lib: &Library, out: &mut Vec<Warning>) {
    for (i, a) in lib.faqs.iter().enumerate() {
        for b in &lib.faqs[i + 1..] {
            let s = similarity(&a.question, &b.question);
            if s >= DUPLICATE_THRESHOLD {
                out.push(Warning {
                    file: a.file().to_path_buf(),
                    line: None,
                    message: format!(
                        "问题和 /faq/{} 很像（相似度 {s:.2}）：是同一个问题吗？是的话合并，并在保留的页面写 aliases",
                        b.slug
                    ),
                });
            }
        }
    }
}

/// The same way of asking (`asked`) on two pages, or one page's phrasing the title of another:
/// search cannot tell which page answers it.
fn shared_phrasings(lib: &Library, out: &mut Vec<Warning>) {
    let norm = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut owner: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let pages = lib
        .faqs
        .iter()
        .map(|f| (f.path(), f.file(), &f.question, &f.asked))
        .chain(
            lib.guides
                .iter()
                .map(|g| (g.path(), g.file(), &g.title, &g.asked)),
        );
    let mut all = Vec::new();
    for (path, file, title, asked) in pages {
        owner.entry(norm(title)).or_insert_with(|| path.clone());
        all.push((path, file, asked));
    }
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (path, file, asked) in all {
        for a in asked {
            let key = norm(a);
            let clash = match (owner.get(&key), seen.get(&key)) {
                (Some(p), _) if *p != path => Some(format!("是 {p} 的标题")),
                (_, Some(p)) if *p != path => Some(format!("{p} 也写了它")),
                _ => None,
            };
            if let Some(why) = clash {
                out.push(Warning {
                    file: file.to_path_buf(),
                    line: None,
                    message: format!("asked 里的“{a}”{why}：搜索分不清哪一页回答它"),
                });
            }
            seen.entry(key).or_insert_with(|| path.clone());
        }
    }
}

fn stale(file: &Path, updated: NaiveDate, today: NaiveDate, out: &mut Vec<Warning>) {
    let age = (today - updated).num_days();
    if age > STALE_DAYS {
        out.push(Warning {
            file: file.to_path_buf(),
            line: None,
            message: format!(
                "{age} 天没有核对过（updated = {updated}）：请对照政策依据重新核对，再更新日期"
            ),
        });
    }
}

/// Numbers that `facts.toml` holds, written out by hand with the unit they go with.
fn literal_numbers(file: &Path, facts: &Facts, out: &mut Vec<Warning>) {
    let Ok(text) = std::fs::read_to_string(file) else {
        return;
    };
    let days = [
        facts.out_days,
        facts.in_days,
        facts.total_days,
        facts.old_total_days,
    ];
    let months = [
        facts.gap_months,
        facts.max_wait_months,
        facts.resident_fixed_wait,
    ];
    let points = [facts.drop_referral_points, facts.drop_other_points];
    let mut patterns: Vec<(String, &str)> = days
        .iter()
        .map(|n| (format!("{n}个工作日"), "个工作日"))
        .chain(months.iter().map(|n| (format!("{n}个月"), "个月")))
        .chain(points.iter().map(|n| (format!("{n}个百分点"), "个百分点")))
        .chain(std::iter::once((facts.hotline.clone(), "")))
        .collect();
    // 3 months is both the gap limit and the resident waiting period: say it once.
    patterns.sort();
    patterns.dedup();
    for (i, line) in text.lines().enumerate() {
        // The ways people ask (`asked`) are their words, numbers and all: nothing to replace.
        if line.starts_with("asked = ") {
            continue;
        }
        let squeezed: String = line.chars().filter(|c| *c != ' ').collect();
        for (pat, _) in &patterns {
            if let Some(pos) = squeezed.find(pat.as_str()) {
                // "110个工作日" is not "10个工作日": the number must start there.
                let before = squeezed[..pos].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                out.push(Warning {
                    file: file.to_path_buf(),
                    line: Some(i + 1),
                    message: format!(
                        "“{pat}”写成了数字：如果说的是 facts.toml 里的全国规定，请用 {{{{占位符}}}}（地方规定的数字可以保留）"
                    ),
                });
            }
        }
    }
}

fn jargon(file: &Path, short_answer: &str, out: &mut Vec<Warning>) {
    for term in JARGON {
        if let Some(pos) = short_answer.find(term) {
            let after = &short_answer[pos + term.len()..];
            if after.starts_with('（') || after.starts_with('(') {
                continue;
            }
            out.push(Warning {
                file: file.to_path_buf(),
                line: None,
                message: format!("一句话答案里的“{term}”是术语：紧跟着用括号解释，或者换个说法"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_questions_score_high_and_different_ones_low() {
        let s = similarity("医保跨省转移要多久？", "医保跨省转移需要多久");
        assert!(s >= DUPLICATE_THRESHOLD, "{s}");
        let s = similarity("医保跨省转移要多久？", "退休后能在外地看病吗？");
        assert!(s < 0.2, "{s}");
        assert_eq!(similarity("", ""), 0.0);
    }

    #[test]
    fn jargon_without_explanation_is_flagged() {
        let mut out = Vec::new();
        jargon(Path::new("x.md"), "跨统筹区转移要办手续。", &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        jargon(
            Path::new("x.md"),
            "跨统筹区（医保基金统一管理的地区）转移要办手续。",
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn stale_pages_warn_only_after_a_year() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut out = Vec::new();
        stale(Path::new("x"), d("2026-01-01"), d("2026-12-31"), &mut out);
        assert!(out.is_empty());
        stale(Path::new("x"), d("2026-01-01"), d("2027-01-02"), &mut out);
        assert_eq!(out.len(), 1);
    }
}
