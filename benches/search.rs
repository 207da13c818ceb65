//! Search at scale (issue 4): 10,000 generated FAQ entries. Prints the index build time, the
//! database size and query latency p50/p99 over the relevance questions. Not a timed test:
//! run with `cargo bench --bench search`.

use std::time::Instant;
use yibao::content::Library;
use yibao::search::{Doc, DocKind, FaqIndex, docs_of};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = Library::load(&root.join("content")).expect("content");
    let real = docs_of(&lib);
    // 10,000 entries: the real ones, then variations that recombine real questions and answers.
    let mut docs: Vec<Doc> = real.clone();
    let faqs: Vec<&Doc> = real.iter().filter(|d| d.kind == DocKind::Faq).collect();
    let mut i = 0usize;
    while docs.len() < 10_000 {
        let a = faqs[i % faqs.len()];
        let b = faqs[(i * 7 + 3) % faqs.len()];
        docs.push(Doc {
            kind: DocKind::Faq,
            url: format!("/faq/generated-{i}"),
            title: format!("{}（情形{}）", a.title, i),
            crumb: a.crumb.clone(),
            body: format!(
                "{} {}",
                a.body,
                b.body.chars().take(120).collect::<String>()
            ),
            tags: format!("{} {}", a.tags, b.tags),
            asked: a.asked.clone(),
        });
        i += 1;
    }
    let dir = std::env::temp_dir().join(format!("yibao-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // As the app has it: place names from the regions file.
    let regions = yibao::plan::PlanFiles::load(&root.join("content/data"))
        .expect("data")
        .regions;
    let places = || yibao::web::places_of(&regions);
    // SITE_ONLY=1: only the site's own content, many rounds (for a profiler).
    let site_only = std::env::var_os("SITE_ONLY").is_some();

    let t = Instant::now();
    let index = FaqIndex::open(&dir, if site_only { &real } else { &docs })
        .unwrap()
        .with_places(places());
    let build = t.elapsed();
    let size = std::fs::metadata(dir.join("search.sqlite"))
        .map(|m| m.len())
        .unwrap_or(0);

    let set: toml::Table = toml::from_str(
        &std::fs::read_to_string(root.join("tests/api/search_queries.toml")).unwrap(),
    )
    .unwrap();
    let queries: Vec<String> = set["case"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["query"].as_str().unwrap().to_string())
        .collect();
    // Warm up, then time each query several times.
    for q in &queries {
        index.search(q, 10).unwrap();
    }
    let mut times = Vec::new();
    for _ in 0..if site_only { 1 } else { 5 } {
        for q in &queries {
            let t = Instant::now();
            let hits = index.search(q, 10).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!("documents indexed     {}", docs.len());
    println!("index build           {:.2} s", build.as_secs_f64());
    println!("database size         {:.1} MB", size as f64 / 1_048_576.0);
    println!("queries timed         {}", times.len());
    println!("query latency p50     {:.2} ms", pct(0.50));
    println!("query latency p99     {:.2} ms", pct(0.99));
    println!("query latency max     {:.2} ms", times[times.len() - 1]);
    // The site's own content, uncached (what a first-time query costs in production).
    let small = FaqIndex::open(&dir.join("real"), &real)
        .unwrap()
        .with_places(places());
    let mut times = Vec::new();
    for _ in 0..if site_only { 200 } else { 5 } {
        for q in &queries {
            let t = Instant::now();
            std::hint::black_box(small.search(q, 10).unwrap());
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "site content ({} documents): p50 {:.2} ms, p99 {:.2} ms",
        real.len(),
        pct(0.5),
        pct(0.99)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
