use super::*;

/// A throw-away content directory with one good guide and one good FAQ entry.
struct Fixture {
    /// Removed when the fixture is dropped.
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().expect("a temporary directory");
        let dir = tmp.path().to_path_buf();
        for sub in ["guides", "faq", "data"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(
            dir.join("data/facts.toml"),
            include_str!("../../content/data/facts.toml"),
        )
        .unwrap();
        std::fs::write(
            dir.join("changelog.toml"),
            "[[entry]]\ndate = 2026-11-20\ntext = \"上线\"\n",
        )
        .unwrap();
        let f = Fixture { _tmp: tmp, dir };
        f.write("guides/a.md", GUIDE);
        f.write("faq/q.md", FAQ);
        f
    }
    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.dir.join(rel), text).unwrap();
    }
    fn load(&self) -> Result<Library, ContentError> {
        Library::load(&self.dir)
    }
}

const GUIDE: &str = "+++
title = \"指南 A\"
slug = \"a\"
summary = \"摘要\"
updated = 2026-11-20
tags = [\"x\"]

[[sources]]
name = \"43号\"
+++

引言，最多 {{total_days}} 个工作日。

## 第一节 {#one}

见 [问题](/faq/q) 和 [本节](#one)。
";

const FAQ: &str = "+++
question = \"要多久？\"
slug = \"q\"
short_answer = \"最多15个工作日。\"
category = \"时限与进度\"
tags = [\"时限\"]
updated = 2026-11-20
related_guides = [\"a\"]

[[sources]]
name = \"43号\"
+++

看 [指南](/guides/a#one)，或者 [生成方案](/plan)。
";

#[test]
fn a_good_library_loads_and_renders() {
    let f = Fixture::new();
    let lib = f.load().unwrap();
    let g = lib.guide("a").unwrap();
    assert!(
        g.html.contains("最多 15 个工作日"),
        "facts substituted: {}",
        g.html
    );
    assert_eq!(g.headings[0].id, "one");
    let q = lib.faq("q").unwrap();
    assert_eq!(q.category_name(), "时限与进度");
    assert!(q.text.contains("指南"));
    assert_eq!(lib.changelog.len(), 1);
}

fn err_of(rel: &str, text: &str) -> String {
    let f = Fixture::new();
    f.write(rel, text);
    f.load().unwrap_err().to_string()
}

#[test]
fn unknown_field_stops_loading_with_file_and_line() {
    let e = err_of(
        "guides/a.md",
        &GUIDE.replace("tags = [\"x\"]", "tags = [\"x\"]\nauthor = \"me\""),
    );
    assert!(e.contains("a.md:7:"), "{e}");
    assert!(e.contains("author"), "{e}");
}

#[test]
fn missing_field_stops_loading() {
    let e = err_of("guides/a.md", &GUIDE.replace("summary = \"摘要\"\n", ""));
    assert!(e.contains("summary"), "{e}");
}

#[test]
fn bad_date_stops_loading() {
    let e = err_of("faq/q.md", &FAQ.replace("2026-11-20", "2026-13-01"));
    assert!(e.contains("q.md"), "{e}");
}

#[test]
fn broken_links_stop_loading() {
    for (rel, from, to) in [
        ("guides/a.md", "/faq/q", "/faq/nope"),
        ("guides/a.md", "(#one)", "(#two)"),
        ("faq/q.md", "/guides/a#one", "/guides/a#missing"),
        ("faq/q.md", "/guides/a#one", "/guides/b"),
        ("faq/q.md", "(/plan)", "(/plans)"),
    ] {
        let text = if rel.starts_with("guides") {
            GUIDE
        } else {
            FAQ
        };
        let e = err_of(rel, &text.replace(from, to));
        assert!(e.contains("链接"), "{from} -> {to}: {e}");
    }
}

#[test]
fn related_slugs_must_exist() {
    let e = err_of(
        "faq/q.md",
        &FAQ.replace("related_guides = [\"a\"]", "related_guides = [\"zz\"]"),
    );
    assert!(e.contains("zz"), "{e}");
}

#[test]
fn category_must_be_from_the_fixed_list() {
    let e = err_of("faq/q.md", &FAQ.replace("时限与进度", "杂项"));
    assert!(e.contains("杂项"), "{e}");
}

#[test]
fn slug_must_match_file_name() {
    let e = err_of(
        "guides/a.md",
        &GUIDE.replace("slug = \"a\"", "slug = \"b\""),
    );
    assert!(e.contains("文件名"), "{e}");
}

#[test]
fn unknown_fact_names_the_placeholder() {
    let e = err_of("guides/a.md", &GUIDE.replace("{{total_days}}", "{{days}}"));
    assert!(e.contains("{{days}}"), "{e}");
}

#[test]
fn guide_headings_need_explicit_anchors() {
    let e = err_of(
        "guides/a.md",
        &GUIDE.replace(" {#one}", "").replace("#one", "#s1"),
    );
    assert!(e.contains("锚点"), "{e}");
}

#[test]
fn sources_are_required() {
    let e = err_of(
        "faq/q.md",
        &FAQ.replace("\n[[sources]]\nname = \"43号\"\n", "\nsources = []\n"),
    );
    assert!(e.contains("sources"), "{e}");
}

#[test]
fn aliases_redirect_retired_slugs_to_the_page_that_replaced_them() {
    let f = Fixture::new();
    f.write(
        "faq/q.md",
        &FAQ.replace("related_guides", "aliases = [\"old-q\"]\nrelated_guides"),
    );
    let lib = f.load().unwrap();
    assert_eq!(lib.redirect("/faq/old-q"), Some("/faq/q"));
    assert_eq!(lib.redirect("/faq/q"), None);
    assert_eq!(
        lib.redirect("/guides/old-q"),
        None,
        "aliases stay in their kind"
    );
}

#[test]
fn an_alias_that_is_still_a_live_page_stops_loading() {
    let e = err_of(
        "faq/q.md",
        &FAQ.replace("related_guides", "aliases = [\"q\"]\nrelated_guides"),
    );
    assert!(e.contains("aliases"), "{e}");
}

#[test]
fn a_link_to_a_retired_slug_names_the_new_page() {
    let f = Fixture::new();
    f.write(
        "faq/q.md",
        &FAQ.replace("related_guides", "aliases = [\"old-q\"]\nrelated_guides"),
    );
    f.write("guides/a.md", &GUIDE.replace("/faq/q", "/faq/old-q"));
    let e = f.load().unwrap_err().to_string();
    assert!(e.contains("/faq/q"), "{e}");
}

#[test]
fn short_answers_take_placeholders() {
    let f = Fixture::new();
    f.write(
        "faq/q.md",
        &FAQ.replace("最多15个工作日。", "最多{{total_days}}个工作日。"),
    );
    let lib = f.load().unwrap();
    assert_eq!(lib.faq("q").unwrap().short_answer, "最多15个工作日。");
}
