//! Search: the relevance set (real questions → the answer in the top three), the page, and
//! hostile input.

use crate::helpers::*;
use serde::Deserialize;
use yibao::search::{FaqIndex, docs_of, docs_with};

#[derive(Deserialize)]
struct Case {
    query: String,
    expect: Vec<String>,
}

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

/// `/faq/x` → `faq/x`; `/guides/x#y` → `guides/x`.
fn doc_id(url: &str) -> String {
    url.trim_start_matches('/')
        .split('#')
        .next()
        .unwrap()
        .to_string()
}

/// The index as the app builds it: the shipped content, place names from the regions file.
fn relevance_index() -> &'static FaqIndex {
    static INDEX: std::sync::OnceLock<FaqIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let regions = yibao::plan::PlanFiles::load(&repo("content/data"))
            .unwrap()
            .regions;
        FaqIndex::open(&artifacts("relevance-data"), &docs_of(library()))
            .unwrap()
            .with_places(yibao::web::places_of(&regions))
    })
}

#[test]
fn real_questions_find_their_answer_in_the_top_three() {
    let lib = crate::helpers::library();
    let index = relevance_index();
    let set: Set =
        toml::from_str(&std::fs::read_to_string(repo("tests/api/search_queries.toml")).unwrap())
            .unwrap();
    assert!(set.case.len() >= 40, "{} cases", set.case.len());
    let mut misses = Vec::new();
    for c in &set.case {
        for e in &c.expect {
            let (kind, slug) = e.split_once('/').unwrap();
            let exists = match kind {
                "faq" => lib.faq(slug).is_some(),
                "guides" => lib.guide(slug).is_some(),
                _ => false,
            };
            assert!(exists, "{}: expected document {e} does not exist", c.query);
        }
        let hits = index.search(&c.query, 10).unwrap();
        let top: Vec<String> = hits.iter().take(3).map(|h| doc_id(&h.url)).collect();
        if !c.expect.iter().any(|e| top.contains(e)) {
            misses.push(format!(
                "{}  → got {:?}, want one of {:?}",
                c.query, top, c.expect
            ));
        }
    }
    assert!(
        misses.is_empty(),
        "{} of {} questions miss their answer:\n{}",
        misses.len(),
        set.case.len(),
        misses.join("\n")
    );
}

#[derive(Deserialize)]
struct RealCase {
    query: String,
    expect: Vec<String>,
    part: String,
    /// Which writing it came from: 1 (2026-11), 2 (2026-12-02, another writer, from the
    /// pages without their `asked` lines), 3 (2026-12-02, a third writer, all held out and
    /// measured once search had stopped changing), 4 (2026-12-02, tune, in batch 3's
    /// voices), 5 and 6 (2026-12-02, two more writers from one brief: 5 is tune, 6 is held
    /// out; both measured the moment they arrived, before any change), 7 (2026-12-02, real
    /// queries collected from the web, see `REAL_BATCHES`; labelled by two annotators apart,
    /// the expected pages are the union; a third held out by a hash of the query), 8 (the
    /// same, 68 more real questions from Q&A bodies and government pages), 9 (the same,
    /// 81 real questions, most from a public dump of 百度知道 insurance questions; measured
    /// 0.59/0.77 the moment they arrived, before any change), 10 and 11 (2026-12-03, two
    /// more writers from the pages without their `asked` lines, all held out: 0.88/0.96 and
    /// 0.83/0.97 when they arrived), 12 (2026-12-03, 132 more real questions from Q&A and
    /// government pages, 百度知道 titles and the 2020 泰迪杯 citizens' messages; kept only
    /// where both annotators found an answering page; 0.69/0.89 when they arrived, its
    /// held-out third 0.74/0.94), 13 (2026-12-04, 30 more real questions: a QQ Browser
    /// query dataset, 百度知道 insurance questions, query-titled pages; 0.70/0.83 when they
    /// arrived), 14 (2026-12-04, two writers, 4 questions per page in real askers' voices,
    /// all held out: 0.88/0.98 when they arrived). Reported apart, so each batch's figure shows.
    #[serde(default = "first_batch")]
    batch: u8,
}

fn first_batch() -> u8 {
    1
}

#[derive(Deserialize)]
struct RealSet {
    case: Vec<RealCase>,
}

/// The whole relevance set: the tune part is what search learns from
/// (`content/data/questions.toml`), the held-out part lives in the tests only.
fn relevance_set() -> Vec<RealCase> {
    let held: RealSet =
        toml::from_str(&std::fs::read_to_string(repo("tests/api/search_realistic.toml")).unwrap())
            .unwrap();
    let tune = library().questions.iter().map(|q| RealCase {
        query: q.query.clone(),
        expect: q.pages.clone(),
        part: "tune".to_string(),
        batch: q.batch,
    });
    held.case.into_iter().chain(tune).collect()
}

/// The tune questions are learnt by search: measured by the index that learnt them, search
/// would mark its own homework. Each is measured by an index that learnt the others only:
/// the questions fall in `FOLDS` folds by a hash of their text.
const FOLDS: usize = 3;

fn fold_of(query: &str) -> usize {
    // FNV-1a: the same fold on every machine and every run.
    (yibao::hash::fnv64(query.as_bytes()) % FOLDS as u64) as usize
}

/// The index that learnt every tune question but those of `fold`.
fn unlearnt_index(fold: usize) -> &'static FaqIndex {
    static INDEXES: [std::sync::OnceLock<FaqIndex>; FOLDS] =
        [const { std::sync::OnceLock::new() }; FOLDS];
    INDEXES[fold].get_or_init(|| {
        let regions = yibao::plan::PlanFiles::load(&repo("content/data"))
            .unwrap()
            .regions;
        let others: Vec<yibao::content::Question> = library()
            .questions
            .iter()
            .filter(|q| fold_of(&q.query) != fold)
            .cloned()
            .collect();
        FaqIndex::in_memory(&docs_with(library(), &others), &format!("fold-{fold}"))
            .unwrap()
            .with_places(yibao::web::places_of(&regions))
    })
}

/// The index a case is measured by: the shipped one for a held-out question (search never
/// learnt it), one that did not learn it for a tune question.
fn index_for(c: &RealCase) -> &'static FaqIndex {
    if c.part == "tune" {
        unlearnt_index(fold_of(&c.query))
    } else {
        relevance_index()
    }
}

/// Recall of one part of the set: (cases, right page first, right page in the top 3, misses).
fn recall(cases: &[&RealCase]) -> (usize, usize, usize, Vec<String>) {
    let (mut at1, mut at3, mut misses) = (0, 0, Vec::new());
    for c in cases {
        let top: Vec<String> = index_for(c)
            .search(&c.query, 3)
            .unwrap()
            .iter()
            .map(|h| doc_id(&h.url))
            .collect();
        if top.first().is_some_and(|t| c.expect.contains(t)) {
            at1 += 1;
        } else if top.iter().any(|t| c.expect.contains(t)) {
            at3 += 1;
            misses.push(format!("(@1) {} → {top:?}, want {:?}", c.query, c.expect));
            continue;
        } else {
            misses.push(format!("{} → {top:?}, want {:?}", c.query, c.expect));
        }
        if top.iter().any(|t| c.expect.contains(t)) {
            at3 += 1;
        }
    }
    (cases.len(), at1, at3, misses)
}

/// Search learns from the tune part only: no held-out question (nor one differing from it
/// only in spaces and punctuation) is among the questions it learns from.
#[test]
fn no_held_out_question_is_learnt() {
    let norm = |q: &str| -> String { q.chars().filter(|c| c.is_alphanumeric()).collect() };
    let learnt: std::collections::HashSet<String> =
        library().questions.iter().map(|q| norm(&q.query)).collect();
    assert!(learnt.len() >= 500, "{} questions learnt", learnt.len());
    let set = relevance_set();
    let leaked: Vec<&str> = set
        .iter()
        .filter(|c| c.part == "held-out" && learnt.contains(&norm(&c.query)))
        .map(|c| c.query.as_str())
        .collect();
    assert!(leaked.is_empty(), "held-out questions learnt: {leaked:?}");
}

/// Questions written the way people type them (place names, 社保 for 医保, typos), with the
/// pages that answer them, written before looking at any result. The held-out part is never
/// tuned on nor learnt; the floors below come from its figures, so a change that makes
/// search worse on questions nobody tuned for fails here. The tune part is measured
/// cross-fitted (see `FOLDS`).
#[test]
fn colloquial_questions_recall_on_the_tuned_and_the_held_out_parts() {
    let set = relevance_set();
    assert!(set.len() >= 150, "{} cases", set.len());
    for c in &set {
        for e in &c.expect {
            let (kind, slug) = e.split_once('/').unwrap();
            let exists = match kind {
                "faq" => library().faq(slug).is_some(),
                "guides" => library().guide(slug).is_some(),
                _ => false,
            };
            assert!(exists, "{}: {e} does not exist", c.query);
        }
    }
    let part = |name: &str| -> Vec<&RealCase> { set.iter().filter(|c| c.part == name).collect() };
    let (tune, held) = (part("tune"), part("held-out"));
    assert_eq!(
        tune.len() + held.len(),
        set.len(),
        "every case is tune or held-out"
    );
    assert!(held.len() * 4 >= set.len(), "held-out is about a third");
    let mut report = String::new();
    let mut results = Vec::new();
    for (name, cases) in [("tune", &tune), ("held-out", &held)] {
        let (n, at1, at3, misses) = recall(cases);
        let (r1, r3) = (at1 as f64 / n as f64, at3 as f64 / n as f64);
        // The held-out misses are not printed: reading them is how a set stops being held out.
        let shown = if name == "tune" {
            misses.join("\n  ")
        } else {
            format!("({} misses not shown)", misses.len())
        };
        report.push_str(&format!(
            "{name}: {n} questions, recall@1 {r1:.2} ({at1}), recall@3 {r3:.2} ({at3})\n  {shown}\n"
        ));
        let mut batches: Vec<u8> = cases.iter().map(|c| c.batch).collect();
        batches.sort_unstable();
        batches.dedup();
        for batch in batches {
            let part: Vec<&RealCase> = cases.iter().copied().filter(|c| c.batch == batch).collect();
            let (n, at1, at3, _) = recall(&part);
            report.push_str(&format!(
                "  {name}, batch {batch}: {n} questions, recall@1 {:.2} ({at1}), recall@3 {:.2} ({at3})\n",
                at1 as f64 / n.max(1) as f64,
                at3 as f64 / n.max(1) as f64
            ));
        }
        for (kind, real) in [("written", false), ("real", true)] {
            let part: Vec<&RealCase> = cases
                .iter()
                .copied()
                .filter(|c| REAL_BATCHES.contains(&c.batch) == real)
                .collect();
            let (n, at1, at3, _) = recall(&part);
            let (r1, r3) = (at1 as f64 / n.max(1) as f64, at3 as f64 / n.max(1) as f64);
            report.push_str(&format!(
                "  {name}, {kind} questions: {n}, recall@1 {r1:.2} ({at1}), recall@3 {r3:.2} ({at3})\n"
            ));
            results.push((name, kind, r1, r3));
        }
        results.push((name, "all", r1, r3));
    }
    // Shown with --nocapture, and in the failure message.
    println!("{report}");
    for (name, kind, r1, r3) in results {
        let (f1, f3) = match (name, kind) {
            ("held-out", "written") => HELD_OUT_WRITTEN_FLOOR,
            ("held-out", "real") => HELD_OUT_REAL_FLOOR,
            ("tune", "all") => TUNE_FLOOR,
            _ => continue,
        };
        assert!(
            r1 >= f1 && r3 >= f3,
            "search got worse on the {name} part's {kind} questions ({r1:.2}/{r3:.2}, floor {f1}/{f3}):\n{report}"
        );
    }
}

/// Batches of queries people really typed (into search engines, Q&A sites, government
/// message boards), not written for the set: the honest figure.
const REAL_BATCHES: &[u8] = &[7, 8, 9, 12, 13];

/// The five questions of issue 11, each answered first (by a page the relevance set, written
/// before any result was seen, names for it).
#[test]
fn the_five_examples_find_their_answer_first() {
    let set = relevance_set();
    let mut wrong = Vec::new();
    for q in [
        "天门如何实现医保跨省转移",
        "以前在外地交的医保怎么转回本地",
        "医保怎么转个人缴费",
        "职工医保不在同一个城市可以报销吗",
        "新单位交上了医保旧的还没转能看病吗",
    ] {
        let case = set.iter().find(|c| c.query == q).expect("in the set");
        // A tune question, by an index that has not learnt it.
        let top: Vec<String> = index_for(case)
            .search(q, 3)
            .unwrap()
            .iter()
            .map(|h| doc_id(&h.url))
            .collect();
        if !top.first().is_some_and(|t| case.expect.contains(t)) {
            wrong.push(format!(
                "{q} → {top:?}, want first one of {:?}",
                case.expect
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// (These questions come from the tune part: each is asked of an index that has not learnt
/// it, so the rule, not the memory of the question, is what passes.)
///
/// The page model reads characters, not their order: the askers of the page about 职工医保 →
/// 居民医保 use the very characters of 居民医保转职工医保. A question going one way never gets
/// a page about the other way first.
#[test]
fn a_question_one_way_between_the_schemes_never_gets_the_other_way_first() {
    for (q, wrong) in [
        ("居民医疗保险能转到职工医疗保险吗?", "employee-to-resident"),
        ("新农合能转成职工医保吗", "employee-to-resident"),
        ("职工医保能转成居民医保吗", "-to-employee"),
        ("辞职了职工医保怎么转居民医保", "-to-employee"),
    ] {
        let hits = unlearnt_index(fold_of(q)).search(q, 3).unwrap();
        let first = hits.first().map(|h| h.url.as_str()).unwrap_or("");
        assert!(!first.contains(wrong), "{q} → {first}");
    }
}

/// A question that names no move ("医保账户如何绑定家人") is not answered first by the FAQ
/// about what happens to it after a transfer.
#[test]
fn a_question_naming_no_move_does_not_open_on_a_page_about_one() {
    for q in ["医保账户如何绑定家人", "医保卡可以给家人使用吗"] {
        let hits = unlearnt_index(fold_of(q)).search(q, 3).unwrap();
        let first = hits.first().map(|h| h.url.as_str()).unwrap_or("");
        assert_ne!(first, "/faq/c-family-sharing-after-transfer", "{q}");
    }
}

/// A question that names no scope is not answered first by the FAQ entry about moving within
/// one province (nothing says the two places are in one).
#[test]
fn a_question_naming_no_scope_does_not_open_on_a_faq_about_one() {
    let q = "中卫医保怎么转移到其他城市?个人账户钱能转吗?";
    let hits = unlearnt_index(fold_of(q)).search(q, 3).unwrap();
    let first = hits.first().map(|h| h.url.as_str()).unwrap_or("");
    assert_ne!(first, "/faq/c-within-province-account", "{q}");
}

/// A question that names no relative is not answered first by a page about sharing one's
/// cover with family.
#[test]
fn a_question_naming_nobody_does_not_open_on_family_sharing() {
    for q in ["医保卡断交后还能用吗", "医保卡停止交费了里面的钱能用吗"] {
        let hits = unlearnt_index(fold_of(q)).search(q, 3).unwrap();
        let first = hits.first().map(|h| h.url.as_str()).unwrap_or("");
        assert!(!first.contains("family-sharing"), "{q} → {first}");
    }
}

// Floors (recall@1, recall@3), a few points under the figures measured on 2026-12-03, once
// search learnt from the tune part (content/data/questions.toml). Written questions, held
// out (batches 1–6, 368): 0.94/0.99 (0.91/0.98 before it learnt); with batches 10–11 (627):
// 0.90/0.98. Real queries, held out (batches 7–9, 98): 0.86/0.93 (0.70/0.90 before). Tune,
// all (752, cross-fitted): 0.93/0.99.
// Issue 11's targets on unseen questions are 0.80 and 0.95: the first met on real ones, the
// top three not yet.
// Raise the floors as search improves; never lower them to make a change pass. (The real
// floor went from 0.70/0.90 to 0.68/0.86 on 2026-12-02 when batch 9 joined the set: batch 9
// measured 0.59/0.77 the moment it arrived, so the set got harder, not search worse. The
// written floor went from 0.90 to 0.87 first on 2026-12-03 for the same reason: batches 10–11
// joined at 0.85/0.97, and the written held-out part, 368 → 627 questions, reads 0.90/0.98.
// The real floor went from 0.82 to 0.79 first, later that day, when batch 12 joined: 132 real
// questions, 0.69/0.89 on arrival, its held-out 50 at 0.74/0.94; the real held-out part,
// 98 → 148 questions, reads 0.82/0.94, batches 7–9 alone 0.86/0.94. With batch 12 learnt,
// the written held-out part reads 0.91/0.98: its floor 0.87 → 0.88. On 2026-12-04 batch 13
// joined, 30 real questions, 0.70/0.83 on arrival (its held-out 12: 0.67/0.83), and batch 14,
// 508 written ones, 0.88/0.98: the real held-out part, 148 → 160, reads 0.81/0.92, the
// written one, 627 → 1135, 0.90/0.98. Learning batch 14 was tried first: the cross-fitted
// tune real questions got worse (236 → 234 first, 268 → 264 in the top three), so it is
// held out, like batches 10–11. Once the page model read words, the real held-out part
// read 0.83/0.93 (133 and 148 of 160): its floor 0.79 → 0.80 first.)
const HELD_OUT_WRITTEN_FLOOR: (f64, f64) = (0.88, 0.96);
const HELD_OUT_REAL_FLOOR: (f64, f64) = (0.80, 0.91);
const TUNE_FLOOR: (f64, f64) = (0.88, 0.96);

/// When no page holds the words as typed, the results are looser, and the page says so.
#[tokio::test]
async fn approximate_results_say_so() {
    let (status, page) = get_text(
        "/search?q=%E5%92%95%E5%99%9C%E5%92%95%E5%99%9C%E5%8C%BB%E4%BF%9D%E8%BD%AC%E7%A7%BB",
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("class=\"approximate\""), "咕噜咕噜医保转移");
    let (_, page) = get_text("/search?q=%E5%8F%82%E4%BF%9D%E5%87%AD%E8%AF%81").await;
    assert!(
        !page.contains("class=\"approximate\""),
        "参保凭证 matches as typed"
    );
}

/// A question about a topic next to the site's (生育保险, or 养老保险 alone) still gets its
/// results, and the page says the site does not cover it and where to ask, with links that
/// work. A question about medical cover, or about retiring somewhere (养老), gets no notice.
#[tokio::test]
async fn questions_the_site_does_not_cover_say_where_to_ask() {
    let encode = yibao::web::layout::url_encode;
    for (q, topic) in [
        ("在外地生孩子生育津贴怎么领", "生育保险"),
        ("养老保险跨省怎么转", "养老保险"),
    ] {
        let (status, page) = get_text(&format!("/search?q={}", encode(q))).await;
        assert_eq!(status, 200, "{q}");
        let notice = page
            .split("<p class=\"uncovered\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or_else(|| panic!("no notice for {q}"));
        assert!(notice.contains(topic), "{q}: {notice}");
        assert!(page.contains("value=\""), "the question stays in the box");
        for link in notice.split("href=\"").skip(1) {
            let link = link.split('"').next().unwrap_or_default();
            let (status, _) = get_text(link).await;
            assert_eq!(status, 200, "{q}: {link}");
        }
    }
    for q in [
        "养老保险、医疗保险可以跨省转移吗",
        "退休回老家养老医保怎么办",
        "医保转移",
    ] {
        let (_, page) = get_text(&format!("/search?q={}", encode(q))).await;
        assert!(!page.contains("class=\"uncovered\""), "{q}");
    }
}

/// A place name alone (天门) asks how insurance moves there: the overview comes first, said to
/// be approximate, instead of pages that happen to hold 天 or 门.
#[tokio::test]
async fn a_place_name_alone_finds_the_overview_loosely() {
    let url = format!("/search?q={}", yibao::web::layout::url_encode("天门"));
    let (status, page) = get_text(&url).await;
    assert_eq!(status, 200);
    assert!(page.contains("class=\"approximate\""), "said to be loose");
    let first = page
        .split("<ol class=\"results\">")
        .nth(1)
        .and_then(|r| r.split("href=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .unwrap_or_default();
    assert_eq!(first, "/guides/overview", "{page}");
}

/// What query understanding writes into a question is the site's own words: each finds pages
/// as it stands, so a rewrite never makes the results "approximate".
#[test]
fn every_word_a_rewrite_puts_in_is_one_the_pages_hold() {
    let mut unknown = Vec::new();
    for w in yibao::search::query::rewritten_words() {
        let found = relevance_index().find(w, 3).unwrap();
        if found.approximate || found.hits.is_empty() {
            unknown.push(w);
        }
    }
    assert!(unknown.is_empty(), "no page holds {unknown:?}");
}

/// A common typo (医宝, 备按) or a slip of voice input (以地就医) is searched as the word
/// meant, and the page says so, naming both, so nobody wonders why the results do not hold
/// what they typed.
#[tokio::test]
async fn typos_are_searched_as_meant_and_the_page_says_so() {
    let url = format!(
        "/search?q={}",
        yibao::web::layout::url_encode("医宝怎么备按")
    );
    let (status, page) = get_text(&url).await;
    assert_eq!(status, 200);
    let notice = page
        .split("<p class=\"corrected\">")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap_or_else(|| panic!("no notice in {page}"));
    for word in ["医保", "备案", "医宝", "备按"] {
        assert!(notice.contains(word), "{word} in {notice}");
    }
    assert!(
        page.contains("href=\"/guides/medical-filing"),
        "the filing guide is found"
    );
    let url = format!(
        "/search?q={}",
        yibao::web::layout::url_encode("医保怎么备案")
    );
    let (_, page) = get_text(&url).await;
    assert!(!page.contains("class=\"corrected\""), "nothing to correct");
    // A slip of voice input is heard by its sound; 可以报销 (with 以报 in it) is left alone.
    let url = format!(
        "/search?q={}",
        yibao::web::layout::url_encode("以地就医要备安吗")
    );
    let (_, page) = get_text(&url).await;
    let notice = page
        .split("<p class=\"corrected\">")
        .nth(1)
        .unwrap_or_default();
    assert!(
        notice.contains("异地就医") && notice.contains("以地就医"),
        "{notice}"
    );
    let url = format!(
        "/search?q={}",
        yibao::web::layout::url_encode("外地住院可以报销吗")
    );
    let (_, page) = get_text(&url).await;
    assert!(
        !page.contains("class=\"corrected\""),
        "可以报销 is typed right"
    );
}

#[tokio::test]
async fn the_search_page_shows_highlighted_results_linking_to_sections() {
    let (status, page) = get_text(
        "/search?q=%E5%8F%82%E4%BF%9D%E5%87%AD%E8%AF%81%E5%9C%A8%E5%93%AA%E9%87%8C%E5%BC%80",
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("<mark>参保凭证</mark>"));
    assert!(page.contains("href=\"/faq/"));
    assert!(
        page.contains("value=\"参保凭证在哪里开\""),
        "the query stays in the box"
    );
    let (_, page) = get_text(
        "/search?q=%E4%B8%B4%E6%97%B6%E5%A4%96%E5%87%BA%E5%B0%B1%E5%8C%BB%E5%A4%87%E6%A1%88",
    )
    .await;
    assert!(
        page.contains("href=\"/guides/medical-filing#"),
        "guide sections link to their anchor"
    );
}

/// The count above the results is true: at the limit there may be more, so it claims no
/// total; under it, it says how many it found, as many as it shows.
#[tokio::test]
async fn the_count_above_the_results_is_true() {
    let shown = |page: &str| -> usize {
        page.split("<ol class=\"results\">")
            .nth(1)
            .and_then(|r| r.split("</ol>").next())
            .map_or(0, |r| r.matches("<li").count())
    };
    let (_, page) = get_text("/search?q=%E5%8C%BB%E4%BF%9D%E8%BD%AC%E7%A7%BB").await;
    let n = shown(&page);
    assert!(
        page.contains(&format!("最相关的 {n} 条")),
        "医保转移: {n} shown"
    );
    assert!(!page.contains("找到"), "no total claimed at the limit");
    // 军龄 is on few pages.
    let (_, page) = get_text("/search?q=%E5%86%9B%E9%BE%84").await;
    let n = shown(&page);
    assert!(n > 0 && n < 10, "军龄: {n} shown");
    assert!(page.contains(&format!("找到 {n} 条相关内容")), "军龄");
}

#[tokio::test]
async fn no_results_offers_the_plan_and_popular_questions() {
    let (status, page) = get_text("/search?q=qwertyzzz").await;
    assert_eq!(status, 200);
    assert!(page.contains("没有找到"));
    assert!(page.contains("href=\"/plan\""));
    assert!(page.contains("大家最常问"));
}

#[tokio::test]
async fn one_and_two_character_queries_work() {
    for q in ["%E5%8C%BB%E4%BF%9D", "%E5%A4%87%E6%A1%88", "%E8%BD%AC"] {
        let (status, page) = get_text(&format!("/search?q={q}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("class=\"results\""), "{q}");
    }
}

#[tokio::test]
async fn hostile_queries_give_a_normal_page_or_a_clear_4xx() {
    let big = "a".repeat(100 * 1024);
    let cases = [
        "%22",
        "%22%22%22",
        "*",
        "%E5%8C%BB%E4%BF%9D*",
        "NEAR(a%20b)",
        "a%20AND%20b",
        "%28%29",
        "%5B%5D",
        "%F0%9F%98%80%F0%9F%8F%A5",
        "%00",
        "%00%E5%8C%BB%E4%BF%9D",
        "'%3B%20DROP%20TABLE%20docs%3B--",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "title%3A%E5%8C%BB%E4%BF%9D",
        "%2B%2B%2B",
        "-",
        "%5E",
    ];
    for q in cases {
        let (status, page) = get_text(&format!("/search?q={q}")).await;
        assert_eq!(status, 200, "{q}");
        assert!(!page.contains("<script>alert"), "{q}");
    }
    let (status, page) = get_text("/search?q=%FF%FE").await;
    assert_eq!(status, 400, "invalid UTF-8");
    assert!(page.contains("UTF-8"));
    let status = raw_status(
        format!("GET /search?q={big} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert!(
        matches!(status, Some(200 | 400..=499)),
        "100 KB query: {status:?}"
    );
    let (status, page) = get_text(&format!("/search?q={}", "%E5%8C%BB".repeat(1000))).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("只按前"),
        "long queries are cut, and the page says so"
    );
}
