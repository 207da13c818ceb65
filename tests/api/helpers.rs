//! Shared test fixtures: the running app, an HTTP client, the browser and validator tools.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use yibao::web::{self, AppState, Settings};

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Where tests leave things for a person to look at (screenshots, PDFs, validator input).
pub fn artifacts(sub: &str) -> PathBuf {
    let d = repo("target/test-artifacts").join(sub);
    std::fs::create_dir_all(&d).expect("artifact dir");
    d
}

/// The app's "today" in every test: fixed, so no test ages out as the calendar moves on.
/// Inside the official holiday data, so the working-day counts are exact.
pub const TODAY: &str = "2026-11-25";

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY")
}

pub fn settings() -> Settings {
    Settings {
        content_dir: repo("content"),
        data_dir: artifacts("data"),
        site_url: "https://example.test".into(),
        today: Some(today()),
    }
}

/// The shipped content, loaded once for the whole test binary.
pub fn library() -> &'static yibao::content::Library {
    static LIB: OnceLock<yibao::content::Library> = OnceLock::new();
    LIB.get_or_init(|| {
        yibao::content::Library::load(&repo("content")).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The app, started once for the whole test binary. Returns its base URL.
pub fn app() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| spawn(AppState::load(&settings()).unwrap_or_else(|e| panic!("{e}"))))
}

/// Runs another copy of the app (for a test that must damage something) on port 0; returns
/// its base URL.
pub fn spawn(state: AppState) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            web::server(actix_web::web::Data::new(state), listener, Some(2))
                .expect("server")
                .await
        })
    });
    format!("http://{addr}")
}

pub fn url(path: &str) -> String {
    format!("{}{path}", app())
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

pub async fn get(path: &str) -> reqwest::Response {
    client().get(url(path)).send().await.expect("request")
}

pub async fn get_text(path: &str) -> (u16, String) {
    let r = get(path).await;
    let status = r.status().as_u16();
    (status, r.text().await.expect("body"))
}

/// One URL of every kind of page the site has, for validators and browser checks.
pub fn page_types() -> Vec<String> {
    let lib = library();
    let mut v = vec![
        "/".to_string(),
        "/guides/".into(),
        "/faq/".into(),
        "/about".into(),
        "/no-such-page".into(),
    ];
    let long = lib
        .guides
        .iter()
        .max_by_key(|g| g.html.len())
        .expect("a guide");
    v.push(long.path());
    if let Some(f) = lib.faqs.first() {
        v.push(f.path());
    }
    let full =
        "scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-09";
    v.extend([
        "/search?q=%E5%8F%82%E4%BF%9D%E5%87%AD%E8%AF%81%E5%9C%A8%E5%93%AA%E9%87%8C%E5%BC%80"
            .to_string(),
        "/search?q=qwertyzzz".into(),
        // 生育津贴: a topic the site does not cover, with its notice.
        "/search?q=%E7%94%9F%E8%82%B2%E6%B4%A5%E8%B4%B4".into(),
        "/plan".into(),
        "/plan/scheme".into(),
        "/plan/from?scheme=employee&status=working".into(),
        "/plan/to?scheme=employee&status=working&from=999999".into(),
        format!("/plan/stopped?{full}"),
        format!("/plan/joined?{full}"),
        format!("/plan/result?{full}&joined=2026-10&channel=offline"),
        format!("/plan/result?{full}&joined=no&channel=online"),
        "/plan/result?scheme=resident&from=440300&to=350100&target=resident&stopped=2025-12&joined=no&channel=online".into(),
        "/plan/result?scheme=employee&status=working&from=440300&to=430100&target=keep".into(),
        "/plan/result?scheme=employee&status=left&from=440300&to=430100&target=undecided".into(),
        "/plan/result?scheme=employee&status=retired&from=440300&to=430100&stay=temporary".into(),
    ]);
    v
}

/// The tests that need outside tools are `#[ignore]`d, so a plain `cargo test` lists them as
/// ignored with the reason; when they are asked for (`scripts/test` runs them with
/// `--include-ignored`), a missing tool is a failure, never a silent pass.
pub fn require(what: &str, path: &Path) {
    assert!(
        path.exists(),
        "{what} is missing at {} (scripts/test installs it when run as root; see README)",
        path.display()
    );
}

pub fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into())
}

/// A chromedriver for the whole binary; `None` when Chromium is absent (outside CI).
pub fn chromedriver() -> Option<&'static str> {
    static DRIVER: OnceLock<Option<(String, Mutex<Child>)>> = OnceLock::new();
    DRIVER
        .get_or_init(|| {
            let bin = std::env::var_os("CHROMEDRIVER")
                .map(PathBuf::from)
                .unwrap_or_else(|| "/usr/bin/chromedriver".into());
            require("chromedriver", &bin);
            require("chromium", &chromium_path());
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let child = Command::new(bin)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver");
            let base = format!("http://127.0.0.1:{port}");
            for _ in 0..100 {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Some((base, Mutex::new(child)))
        })
        .as_ref()
        .map(|(b, _)| b.as_str())
}

pub mod browser {
    use super::*;
    use thirtyfour::prelude::*;

    /// A fresh headless Chromium at `width`×900, JavaScript on or off.
    pub async fn open(width: u32, javascript: bool) -> Option<WebDriver> {
        let driver_url = chromedriver()?;
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(chromium_path().to_str().unwrap()).unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--lang=zh-CN",
        ] {
            caps.add_arg(arg).unwrap();
        }
        caps.add_arg(&format!("--window-size={width},900")).unwrap();
        if !javascript {
            caps.add_arg("--blink-settings=scriptEnabled=false")
                .unwrap();
        }
        let driver = WebDriver::new(driver_url, caps)
            .await
            .expect("webdriver session");
        // The window size includes no browser chrome in headless mode, but set it exactly.
        driver
            .set_window_rect(0, 0, width, 900)
            .await
            .expect("window size");
        Some(driver)
    }

    /// The page's width beyond the viewport: 0 when nothing scrolls sideways.
    pub async fn sideways_overflow(driver: &WebDriver) -> i64 {
        let r = driver
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .expect("script");
        r.json().as_i64().expect("number")
    }

    pub fn tools_dir() -> PathBuf {
        repo("tools/node_modules")
    }

    /// Runs axe-core (WCAG 2.1 A/AA) in the page and returns the violations, as
    /// "rule: help (selector)" lines.
    pub async fn axe_violations(driver: &WebDriver) -> Option<Vec<String>> {
        let axe = tools_dir().join("axe-core/axe.min.js");
        require("axe-core (npm)", &axe);
        let src = std::fs::read_to_string(axe).expect("axe source");
        driver.execute(&src, vec![]).await.expect("inject axe");
        let r = driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0,3).join(', ') + ')')))
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe run");
        Some(serde_json_values(r.json()))
    }

    fn serde_json_values(v: &serde_json::Value) -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Sends raw bytes to the app and returns the status code of the answer (None when the
/// server closes the connection without one). For requests an HTTP client refuses to build.
pub fn raw_status(request: &[u8]) -> Option<u16> {
    use std::io::{Read, Write};
    let addr = app().trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = s.write_all(request);
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n) = s.read(&mut chunk) {
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let head = String::from_utf8_lossy(&buf);
    head.split_whitespace().nth(1).and_then(|c| c.parse().ok())
}

/// A response header as text ("" when absent).
pub fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}
