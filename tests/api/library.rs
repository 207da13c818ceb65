//! Checks on the shipped content itself (not on the loader): sources, check dates,
//! categories, duplicates, and the numbers the plan also uses.

use crate::helpers::repo;
use chrono::{Duration, NaiveDate};
use std::collections::HashSet;
use yibao::content::{Category, Library};

fn lib() -> &'static Library {
    crate::helpers::library()
}

/// A page's check date is a real past date. Whether it is older than 12 months depends on
/// the calendar, so that is `yibao check`'s warning, never a failing test.
fn plausible(d: NaiveDate) -> bool {
    d >= NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        && d <= crate::helpers::today() + Duration::days(366)
}

#[test]
fn the_library_is_big_enough() {
    let l = lib();
    assert!(l.guides.len() >= 16, "{} guides", l.guides.len());
    assert!(l.faqs.len() >= 100, "{} FAQ entries", l.faqs.len());
}

#[test]
fn every_page_has_sources_and_a_check_date() {
    let l = lib();
    for g in &l.guides {
        assert!(!g.sources.is_empty(), "{}", g.slug);
        assert!(plausible(g.updated), "{} updated {}", g.slug, g.updated);
    }
    for f in &l.faqs {
        assert!(!f.sources.is_empty(), "{}", f.slug);
        assert!(plausible(f.updated), "{} updated {}", f.slug, f.updated);
        assert!(!f.related_guides.is_empty(), "{} links no guide", f.slug);
    }
}

#[test]
fn every_category_has_questions() {
    let l = lib();
    for c in Category::ALL {
        let name = c.name();
        assert!(
            l.faqs.iter().any(|f| f.category == c),
            "no question in {name}"
        );
    }
}

/// Questions normalised (punctuation and spaces dropped) must all differ, and no two may
/// share almost all their characters.
#[test]
fn no_two_questions_are_duplicates() {
    let l = lib();
    let norm = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut seen = HashSet::new();
    for f in &l.faqs {
        assert!(
            seen.insert(norm(&f.question)),
            "duplicate question: {}",
            f.question
        );
    }
    let bigrams = |s: &str| -> HashSet<(char, char)> {
        let c: Vec<char> = norm(s).chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    for (i, a) in l.faqs.iter().enumerate() {
        let ba = bigrams(&a.question);
        for b in &l.faqs[i + 1..] {
            let bb = bigrams(&b.question);
            let inter = ba.intersection(&bb).count() as f64;
            let union = ba.union(&bb).count() as f64;
            assert!(
                inter / union < 0.8,
                "near-duplicate questions: {} / {}",
                a.question,
                b.question
            );
        }
    }
}

/// The superseded 45-day figure may only appear where it is explained as superseded.
#[test]
fn the_old_45_day_rule_is_never_stated_as_current() {
    let l = lib();
    for g in &l.guides {
        for s in &g.sections {
            if s.text.contains("45个工作日") || s.text.contains("45 个工作日") {
                assert!(
                    s.text.contains("旧")
                        || s.text.contains("取代")
                        || s.text.contains("误")
                        || s.text.contains("养老"),
                    "{}#{} states 45 working days without calling it old: {}",
                    g.slug,
                    s.anchor,
                    s.text
                );
            }
        }
    }
}

/// Numbers the plan also states must come from facts.toml: a literal "15个工作日" next to
/// 转移 would drift from the plan when the rule changes.
#[test]
fn shared_numbers_come_from_facts() {
    let raw_files = std::fs::read_dir(repo("content/guides"))
        .unwrap()
        .chain(std::fs::read_dir(repo("content/faq")).unwrap())
        .map(|e| e.unwrap().path());
    for p in raw_files {
        let text = std::fs::read_to_string(&p).unwrap();
        let body = text.splitn(3, "+++").nth(2).unwrap_or("");
        for line in body.lines() {
            // The superseded 2016 procedure (15+15+15), the pension rule and quoted myths keep their numbers.
            if ["旧", "2016", "养老", "取代", "说法", "各环节"]
                .iter()
                .any(|w| line.contains(w))
            {
                continue;
            }
            for literal in [
                "10个工作日",
                "10 个工作日",
                "15个工作日",
                "15 个工作日",
                "12393",
            ] {
                assert!(
                    !line.contains(literal),
                    "{} writes \"{literal}\" literally; use the {{{{…}}}} placeholder from content/data/facts.toml:\n{line}",
                    p.display()
                );
            }
        }
    }
}

/// A retired page (merged into another, `aliases` in front matter) answers with a permanent
/// redirect to the page that replaced it: a URL that ever worked keeps working.
#[tokio::test]
async fn retired_pages_redirect_permanently_to_their_replacement() {
    let l = lib();
    let redirects: Vec<(String, String)> = l
        .redirects()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert!(redirects.len() >= 10, "{} merged pages", redirects.len());
    for (old, new) in redirects {
        let r = crate::helpers::get(&old).await;
        assert_eq!(r.status().as_u16(), 301, "{old}");
        assert_eq!(crate::helpers::header(&r, "location"), new);
        let (status, _) = crate::helpers::get_text(&new).await;
        assert_eq!(status, 200, "{new}");
    }
}

/// `yibao check` passes on the shipped content and fails, naming the file, on a broken link.
#[test]
fn the_check_command_passes_and_fails_naming_the_file() {
    let bin = env!("CARGO_BIN_EXE_yibao");
    let ok = std::process::Command::new(bin)
        .args(["check", "--content"])
        .arg(repo("content"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("内容检查通过"));

    let dir = crate::helpers::artifacts("check-broken");
    let _ = std::fs::remove_dir_all(&dir);
    let copy = |from: &std::path::Path, to: &std::path::Path| {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    };
    for sub in ["", "guides", "faq", "data"] {
        copy(&repo("content").join(sub), &dir.join(sub));
    }
    // `yibao check` on the copy must fail: what it said.
    let fails = || -> String {
        let bad = std::process::Command::new(bin)
            .args(["check", "--content"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(!bad.status.success());
        String::from_utf8_lossy(&bad.stderr).into_owned()
    };
    let page = dir.join("faq/c-how-long-transfer-takes.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        format!("{text}\n见 [不存在的指南](/guides/no-such-guide)。\n"),
    )
    .unwrap();
    let err = fails();
    assert!(err.contains("c-how-long-transfer-takes.md"), "{err}");
    assert!(err.contains("no-such-guide"), "{err}");

    // A learnt question naming a page that is gone fails too, naming the file and the page.
    std::fs::write(&page, text.clone()).unwrap();
    let questions = dir.join("data/questions.toml");
    let shipped = std::fs::read_to_string(&questions).unwrap();
    std::fs::write(
        &questions,
        format!("{shipped}\n[[question]]\nquery = \"医保怎么转\"\npages = [\"faq/gone-page\"]\nbatch = 1\n"),
    )
    .unwrap();
    let err = fails();
    assert!(
        err.contains("questions.toml") && err.contains("faq/gone-page"),
        "{err}"
    );
    std::fs::write(&questions, shipped).unwrap();

    // A way of asking that is another page's title is a warning, naming both.
    let other = dir.join("faq/c-account-cash-out.md");
    let title = crate::helpers::library()
        .faq("c-how-long-transfer-takes")
        .unwrap()
        .question
        .clone();
    let front = std::fs::read_to_string(&other).unwrap();
    let asked = format!("asked = [\"{title}\"]");
    let mut lines: Vec<String> = front
        .lines()
        .filter(|l| !l.starts_with("asked = "))
        .map(str::to_string)
        .collect();
    let at = lines.iter().position(|l| l.starts_with("tags = ")).unwrap();
    lines.insert(at + 1, asked);
    std::fs::write(&other, lines.join("\n") + "\n").unwrap();
    let warned = std::process::Command::new(bin)
        .args(["check", "--content"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(warned.status.success(), "a warning does not fail");
    let out = String::from_utf8_lossy(&warned.stdout);
    assert!(
        out.lines().any(|l| l.contains("c-account-cash-out.md")
            && l.contains("/faq/c-how-long-transfer-takes")
            && l.contains("asked")),
        "{out}"
    );
}

/// `yibao search` shows editors how a question is read and what it finds: the place name
/// leaves the match, the site's words come in, and the page that answers is listed with
/// its score.
#[test]
fn the_search_command_shows_the_reading_and_the_ranked_pages() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yibao"))
        .args(["search", "--limit", "3", "--content"])
        .arg(repo("content"))
        .arg("深圳社保转到天门要多久")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reading = text.lines().next().unwrap_or("");
    assert!(
        reading.starts_with("理解为：") && reading.contains("医保") && !reading.contains("天门"),
        "{text}"
    );
    assert!(
        text.contains("Duration") && text.contains("CrossProvince"),
        "{text}"
    );
    // The page model's view: the pages the question reads most like, with their share.
    let like = text
        .lines()
        .find(|l| l.starts_with("读起来像："))
        .unwrap_or("");
    assert!(
        like.contains("/faq/") || like.contains("/guides/"),
        "{text}"
    );
    let results: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(['1', '2', '3']))
        .collect();
    assert_eq!(results.len(), 3, "{text}");
    assert!(
        results
            .iter()
            .any(|l| l.contains("/faq/") || l.contains("/guides/"))
    );
}
