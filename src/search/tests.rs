use super::*;
use proptest::prelude::*;

fn docs() -> Vec<Doc> {
    let d = |kind, url: &str, title: &str, body: &str, tags: &str| Doc {
        kind,
        url: url.into(),
        title: title.into(),
        crumb: "测试".into(),
        body: body.into(),
        tags: tags.into(),
        asked: String::new(),
    };
    vec![
        d(
            DocKind::Faq,
            "/faq/a",
            "参保凭证在哪里开？",
            "向原参保地的医保经办机构申请开具参保凭证。",
            "材料",
        ),
        d(
            DocKind::Faq,
            "/faq/b",
            "退休了能把医保转回老家吗？",
            "退休人员不办理转移，办理异地就医备案。",
            "退休",
        ),
        d(
            DocKind::Faq,
            "/faq/c",
            "新农合搬家了怎么办？",
            "城乡居民医保当年不转，下一年度在新地方参保。",
            "居民医保",
        ),
        d(
            DocKind::Guide,
            "/guides/g#x",
            "线上办理｜职工医保跨省转移",
            "在国家医保服务平台提交转移接续申请。",
            "职工医保",
        ),
    ]
}

/// A directory removed when the test ends.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn urls(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.url.as_str()).collect()
}

#[test]
fn builds_then_reuses_then_rebuilds_when_content_changes() {
    let tmp = temp_dir();
    let dir = tmp.path();
    let a = FaqIndex::open(dir, &docs()).unwrap();
    assert_eq!(a.origin, Origin::Built);
    assert!(matches!(a.location(), Location::File(_)));
    drop(a);
    assert_eq!(FaqIndex::open(dir, &docs()).unwrap().origin, Origin::Reused);
    let mut changed = docs();
    changed[0].body.push_str("新内容");
    assert_eq!(
        FaqIndex::open(dir, &changed).unwrap().origin,
        Origin::Rebuilt
    );
}

#[test]
fn a_word_added_to_the_dictionary_changes_the_fingerprint() {
    // The same pages, cut with another dictionary, are other words in the index.
    let docs = docs();
    let ours = fingerprint(&docs);
    assert_eq!(ours, fingerprint_with(Segmenter::added_words(), &docs));
    let more = Segmenter::added_words().chain(std::iter::once("合并计算新词"));
    assert_ne!(ours, fingerprint_with(more, &docs));
}

#[test]
fn a_corrupt_or_truncated_file_is_rebuilt() {
    let tmp = temp_dir();
    let dir = tmp.path();
    drop(FaqIndex::open(dir, &docs()).unwrap());
    let path = dir.join("search.sqlite");
    let len = std::fs::metadata(&path).unwrap().len();
    for damage in [
        b"this is not a database at all".to_vec(),
        std::fs::read(&path).unwrap()[..(len / 3) as usize].to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&path, damage).unwrap();
        let idx = FaqIndex::open(dir, &docs()).unwrap();
        assert_eq!(idx.origin, Origin::Rebuilt);
        assert_eq!(urls(&idx.search("参保凭证", 5).unwrap())[0], "/faq/a");
    }
}

#[test]
fn an_unwritable_data_directory_falls_back_to_memory() {
    let tmp = temp_dir();
    let file = tmp.path().join("file");
    std::fs::write(&file, "a file, not a directory").unwrap();
    let idx = FaqIndex::open(&file.join("data"), &docs()).unwrap();
    assert_eq!(idx.origin, Origin::InMemory);
    assert_eq!(urls(&idx.search("参保凭证", 5).unwrap())[0], "/faq/a");
    // Several connections share the one in-memory database.
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert!(!idx.search("医保", 5).unwrap().is_empty()));
        }
    });
}

#[test]
fn synonyms_find_what_people_mean() {
    let tmp = temp_dir();
    let idx = FaqIndex::open(tmp.path(), &docs()).unwrap();
    assert_eq!(urls(&idx.search("参保证明去哪开", 5).unwrap())[0], "/faq/a");
    assert!(urls(&idx.search("医疗保险转到户籍地", 5).unwrap()).contains(&"/faq/b"));
    assert_eq!(urls(&idx.search("城乡居民医保", 5).unwrap())[0], "/faq/c");
}

#[test]
fn short_queries_work() {
    let tmp = temp_dir();
    let idx = FaqIndex::open(tmp.path(), &docs()).unwrap();
    assert!(!idx.search("医保", 5).unwrap().is_empty());
    assert!(!idx.search("备案", 5).unwrap().is_empty());
    assert!(!idx.search("转", 5).unwrap().is_empty(), "one character");
}

#[test]
fn results_are_highlighted_and_escaped() {
    let tmp = temp_dir();
    let idx = FaqIndex::open(tmp.path(), &docs()).unwrap();
    let hits = idx.search("参保凭证", 5).unwrap();
    assert!(bracketed(&hits[0].title).contains("[参保凭证]"));
    assert!(hits[0].snippet.iter().any(|s| s.marked));
    let hits = idx.search("<script>医保</script>", 5).unwrap();
    for h in hits {
        // The spans are text; the page escapes them (tests/api/search.rs checks the page).
        assert!(h.snippet.iter().all(|s| !s.text.is_empty()));
    }
}

#[test]
fn hostile_queries_are_plain_text() {
    let tmp = temp_dir();
    let idx = FaqIndex::open(tmp.path(), &docs()).unwrap();
    for q in [
        "\"",
        "\"\"",
        "*",
        "医保*",
        "NEAR(医保 转移)",
        "医保 AND 转移",
        "OR",
        "NOT",
        "(",
        ")",
        "{}",
        "^医保",
        "title:医保",
        "'; DROP TABLE docs; --",
        "\0",
        "😀🏥",
        "a\"b\"c",
        "-",
        "+",
        ":",
        &"医保".repeat(50_000),
    ] {
        assert!(idx.search(q, 10).is_ok(), "{q:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn random_strings_never_cause_an_error(
        s in prop_oneof![
            ".{0,40}",
            "[\"*()^:+\\-{} ]{0,12}(AND|OR|NOT|NEAR)?[\"*()^:+ ]{0,6}",
            "(医保|转移|\"|\\*|NEAR|AND|OR|\\(|\\)| |参保凭证|退休){0,12}",
        ]
    ) {
        static TMP: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(temp_dir);
        static IDX: std::sync::LazyLock<FaqIndex> =
            std::sync::LazyLock::new(|| FaqIndex::open(TMP.path(), &docs()).unwrap());
        prop_assert!(IDX.search(&s, 10).is_ok());
    }
}

#[test]
fn half_built_files_of_a_crashed_start_are_removed() {
    let tmp = temp_dir();
    let dir = tmp.path();
    let stale = dir.join("search.sqlite.tmp-99999");
    std::fs::write(&stale, b"half a database").unwrap();
    let idx = FaqIndex::open(dir, &docs()).unwrap();
    assert_eq!(idx.origin, Origin::Built);
    assert!(!stale.exists(), "the leftover temp file is cleaned up");
}

#[test]
fn a_warm_term_cache_gives_the_same_results_as_a_cold_one() {
    let tmp = temp_dir();
    let queries = [
        "参保凭证在哪开",
        "退休回老家医保",
        "新农合搬家",
        "职工医保跨省转移线上办理",
        "医保",
        "凭",
    ];
    let cold = |q: &str| {
        let index = FaqIndex::open(tmp.path(), &docs()).unwrap();
        let found = index.find(q, 10).unwrap();
        (urls(&found.hits).join(" "), found.approximate)
    };
    let expected: Vec<_> = queries.iter().map(|q| cold(q)).collect();
    let warm = FaqIndex::open(tmp.path(), &docs()).unwrap();
    for _ in 0..2 {
        for (q, want) in queries.iter().zip(&expected) {
            let found = warm.find(q, 10).unwrap();
            assert_eq!(
                &(urls(&found.hits).join(" "), found.approximate),
                want,
                "{q}"
            );
        }
    }
    assert!(
        warm.terms.lock().unwrap().map.contains_key("参保凭证"),
        "the words used are kept"
    );
}

#[test]
fn fold_keeps_offsets_and_highlight_merges_touching_matches() {
    for s in [
        "医保ABC转移",
        "İstanbul 医保",
        "ẞ Straße",
        "ＡＢＣ全角",
        "ǅ",
    ] {
        let f = segment::fold(s);
        assert_eq!(f.len(), s.len(), "{s}");
        assert!(s.char_indices().all(|(b, _)| f.is_char_boundary(b)), "{s}");
    }
    assert_eq!(segment::fold("App 医保"), "app 医保");
    let h = bracketed(&segment::highlight(
        "用APP办理医保转移",
        &["app".into(), "办理".into(), "转".into(), "转移".into()],
        None,
    ));
    assert_eq!(h, "用[APP办理]医保[转移]");
}

#[test]
fn three_results_of_one_kind_make_room_for_the_best_of_the_other_close_behind() {
    let run = |list: &[(f64, &'static str)]| {
        let mut v: Vec<(f64, &str)> = list.to_vec();
        mix_kinds(&mut v, |k| k);
        v.iter().map(|(_, k)| *k).collect::<Vec<_>>().join(" ")
    };
    let faq = "faq";
    let guide = "guide";
    assert_eq!(
        run(&[(9.0, faq), (8.0, faq), (7.0, faq), (6.0, faq), (5.0, guide)]),
        "faq faq guide faq faq"
    );
    assert_eq!(
        run(&[
            (9.0, guide),
            (8.0, guide),
            (7.0, guide),
            (2.0, faq),
            (3.0, faq)
        ]),
        "guide guide guide faq faq",
        "too far behind (under half the third's score): nothing moves"
    );
    assert_eq!(
        run(&[(9.0, faq), (8.0, guide), (7.0, faq), (6.0, guide)]),
        "faq guide faq guide",
        "both kinds already there"
    );
    assert_eq!(run(&[(9.0, faq), (8.0, faq), (7.0, faq)]), "faq faq faq");
}

#[test]
fn likeness_counted_from_pairs_is_the_closest_phrase_by_definition() {
    let docs: [&[&str]; 3] = [
        &["医保转移要多久", "转医保几天能办好"],
        &["退休了能把医保转回老家吗"],
        &["参保凭证在哪里开", "", "凭证"],
    ];
    let mut phrases = Phrases::default();
    for (d, list) in docs.iter().enumerate() {
        for p in *list {
            phrases.add(d, &char_pairs(p));
        }
    }
    for q in [
        "医保转移多久",
        "转回老家",
        "参保凭证",
        "凭证",
        "完全无关",
        "",
    ] {
        let qp = char_pairs(q);
        let got = phrases.likeness(&qp, docs.len());
        for (d, list) in docs.iter().enumerate() {
            let want = list
                .iter()
                .map(|p| likeness(&qp, &char_pairs(p)))
                .fold(0.0, f64::max);
            assert!(
                (got[d] - want).abs() < 1e-12,
                "{q} / doc {d}: {} vs {want}",
                got[d]
            );
        }
    }
}

#[test]
fn a_flood_of_made_up_words_never_grows_the_term_cache_past_its_budget() {
    let tmp = temp_dir();
    let index = FaqIndex::open(tmp.path(), &docs()).unwrap();
    index.terms.lock().unwrap().budget = Some(20_000);
    for i in 0..3_000 {
        let q = format!("医保 乱码词{i}号 凭证{}", i * 7);
        index.find(&q, 10).unwrap();
        let c = index.terms.lock().unwrap();
        assert!(c.size <= 20_000, "{} bytes after {i} queries", c.size);
    }
    // The words every query uses are still answered right after a clear.
    let found = index.find("参保凭证在哪开", 10).unwrap();
    assert_eq!(urls(&found.hits).first(), Some(&"/faq/a"));
}

#[test]
fn the_page_about_the_asked_way_between_the_schemes_comes_first() {
    let d = |url: &str| Doc {
        kind: DocKind::Guide,
        url: url.into(),
        title: "职工医保和居民医保之间怎么转".into(),
        crumb: "测试".into(),
        body: "两种医保之间转换的办法。".into(),
        tags: String::new(),
        asked: String::new(),
    };
    let docs = vec![
        d("/guides/employee-to-resident"),
        d("/guides/resident-to-employee"),
    ];
    let index = FaqIndex::in_memory(&docs, "direction").unwrap();
    let first = |q: &str| index.search(q, 2).unwrap()[0].url.clone();
    assert_eq!(first("新农合转职工医保"), "/guides/resident-to-employee");
    assert_eq!(first("职工医保转居民医保"), "/guides/employee-to-resident");
    assert_eq!(
        first("原来交的新农合 现在单位给交职工医保"),
        "/guides/resident-to-employee"
    );
}

#[test]
fn a_question_in_traditional_characters_finds_what_its_simplified_form_finds() {
    let idx = FaqIndex::in_memory(&docs(), "t").unwrap();
    let simplified = idx.search("退休了能把医保转回老家吗", 3).unwrap();
    let traditional = idx.search("退休了能把醫保轉回老家嗎", 3).unwrap();
    assert_eq!(urls(&traditional), urls(&simplified));
    assert_eq!(urls(&traditional).first(), Some(&"/faq/b"));
}
