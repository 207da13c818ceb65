//! Plan micro-benchmarks (issue 13): what one new plan costs, without the network. Prints
//! p50/p99 for the rule evaluation alone (`plan::build`), for a whole plan page through the
//! app's handlers (parse, build, render: in process, no TCP), and for the page's QR image.
//! Every URL is new, as in production. Not a timed test: `cargo bench --bench plan`.

use actix_web::{App, test, web};
use std::time::Instant;
use yibao::web::{AppState, Settings};

const PLACES: [&str; 8] = [
    "440300", "430100", "110000", "350200", "320100", "510100", "330100", "420100",
];

/// Distinct plan queries: places, months and a start day that change every time.
fn queries(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let from = PLACES[i % PLACES.len()];
            let mut to = PLACES[(i / PLACES.len()) % PLACES.len()];
            if from == to {
                to = "440100";
            }
            let month = (i / 28) % 12 + 1;
            format!(
                "scheme=employee&status=working&from={from}&to={to}&target=employee&stopped=2025-{month:02}&joined=2025-{month:02}&channel=online&start=2026-{month:02}-{:02}",
                i % 28 + 1
            )
        })
        .collect()
}

fn report(name: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{name:<28} n={:<5} p50 {:>7.1} µs   p99 {:>7.1} µs",
        times.len(),
        pct(0.5),
        pct(0.99)
    );
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::env::temp_dir().join(format!("yibao-plan-bench-{}", std::process::id()));
    let settings = Settings {
        content_dir: root.join("content"),
        data_dir: data.clone(),
        site_url: "https://example.test".into(),
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date")),
    };
    let state = AppState::load(&settings).expect("the app loads");
    let today = state.today();
    let qs = queries(2_000);

    // The rules alone: parse the answers, then build the plan.
    let mut times = Vec::new();
    for q in &qs {
        let t = Instant::now();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let parsed = yibao::plan::answers::parse(&pairs, &state.regions, today);
        let plan = yibao::plan::build(&parsed.answers, &state.plan_data(), today);
        times.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(plan);
    }
    report("plan::build (rules)", times);

    // Whole pages through the handlers: a new URL each time, so the page cache never helps.
    let state = web::Data::new(state);
    actix_web::rt::System::new().block_on(async move {
        let app = test::init_service(
            App::new()
                .app_data(state.clone())
                .configure(yibao::web::configure),
        )
        .await;
        for (name, path) in [
            ("plan page (parse+build+render)", "/plan/result"),
            ("plan QR image", "/plan/qr.svg"),
        ] {
            let mut times = Vec::new();
            let mut ok = 0;
            for q in &qs {
                let req = test::TestRequest::get()
                    .uri(&format!("{path}?{q}"))
                    .to_request();
                let t = Instant::now();
                let res = test::call_service(&app, req).await;
                ok += usize::from(res.status().is_success());
                let body = test::read_body(res).await;
                times.push(t.elapsed().as_secs_f64() * 1e6);
                std::hint::black_box(body);
            }
            report(name, times);
            // A page with an error is cheaper: say how many were real plans.
            println!("{:<28} {ok} of {} answered 200", "", qs.len());
        }
    });
    let _ = std::fs::remove_dir_all(&data);
}
