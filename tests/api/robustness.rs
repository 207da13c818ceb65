//! Robustness: oversized requests, slow clients, a damaged index file, SIGTERM, and fuzzed
//! paths, headers and cookies. The long versions (minutes of load) live in scripts/bench.sh.

use crate::helpers::*;
use proptest::prelude::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

#[test]
fn oversized_headers_and_bodies_are_refused_with_4xx() {
    let huge = "x".repeat(64 * 1024);
    let status = raw_status(
        format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {huge}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    assert!(
        matches!(status, Some(400..=499) | None),
        "huge header: {status:?}"
    );
    let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
    let status = raw_status(
        format!("GET / HTTP/1.1\r\nHost: x\r\n{many}Connection: close\r\n\r\n").as_bytes(),
    );
    assert!(
        matches!(status, Some(400..=499) | None),
        "too many headers: {status:?}"
    );
    let body = "y".repeat(1024 * 1024);
    let status = raw_status(
        format!("POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).as_bytes(),
    );
    assert!(matches!(status, Some(405 | 413)), "big body: {status:?}");
    let status = raw_status(b"BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(status, Some(405), "unknown method");
}

/// Half-sent requests neither starve others nor stay open for ever.
#[test]
fn slow_clients_do_not_starve_others_and_are_cut_off() {
    let addr = app().trim_start_matches("http://").to_string();
    let mut slow: Vec<TcpStream> = (0..100)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                .unwrap();
            s
        })
        .collect();
    let t = Instant::now();
    assert_eq!(
        raw_status(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        Some(200)
    );
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "a normal request waited {:?}",
        t.elapsed()
    );
    // The server gives a request head 5 s; after that the slow sockets are closed.
    std::thread::sleep(Duration::from_secs(7));
    let mut closed = 0;
    for s in &mut slow {
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut buf = [0u8; 256];
        match s.read(&mut buf) {
            Ok(_) => closed += 1, // EOF or a 408 answer, then closed
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => closed += 1,
            Err(_) => {}
        }
    }
    assert_eq!(
        closed,
        slow.len(),
        "slow connections still open after the timeout"
    );
}

#[test]
fn a_corrupt_index_file_does_not_stop_the_site() {
    let mut settings = settings();
    settings.data_dir = artifacts("corrupt-data");
    std::fs::write(
        settings.data_dir.join("search.sqlite"),
        b"SQLite format 3\0garbage garbage",
    )
    .unwrap();
    let state = yibao::web::AppState::load(&settings).expect("starts");
    assert_eq!(state.index.origin, yibao::search::Origin::Rebuilt);
    assert!(!state.index.search("参保凭证", 5).unwrap().is_empty());
}

#[test]
fn an_unwritable_data_directory_keeps_the_index_in_memory() {
    let mut settings = settings();
    let file = artifacts("not-a-dir").join("file");
    std::fs::write(&file, "x").unwrap();
    settings.data_dir = file.join("data");
    let state = yibao::web::AppState::load(&settings).expect("starts");
    assert_eq!(state.index.origin, yibao::search::Origin::InMemory);
    assert!(!state.index.search("退休", 5).unwrap().is_empty());
}

/// The real binary: starts, answers, and on SIGTERM finishes and exits 0.
#[test]
fn sigterm_shuts_down_gracefully_with_status_zero() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_yibao"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .arg("--content")
        .arg(repo("content"))
        .arg("--data")
        .arg(artifacts("sigterm-data"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut up = false;
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut out = String::new();
            let _ = s.read_to_string(&mut out);
            if out.starts_with("HTTP/1.1 200") {
                up = true;
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(up, "the server did not come up");
    // A connection the server has accepted (one answered request, kept alive), then a second
    // request sent just before the signal: it gets a whole answer, or the connection is closed
    // cleanly before the request was read. Never half an answer.
    let mut conn = TcpStream::connect(("127.0.0.1", port)).unwrap();
    conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut first = [0u8; 1024];
    let n = conn.read(&mut first).unwrap();
    assert!(first[..n].starts_with(b"HTTP/1.1 200"));
    conn.write_all(b"GET /guides/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut out = Vec::new();
    let _ = conn.read_to_end(&mut out);
    if !out.is_empty() {
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.starts_with("HTTP/1.1 200"),
            "{}",
            &text[..text.len().min(200)]
        );
        assert!(text.contains("</html>"), "a whole page, not half of one");
    }
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0), "exit status after SIGTERM");
}

fn arb_path() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("/".to_string()),
        Just("/guides/overview".to_string()),
        Just("/faq/".to_string()),
        "/[a-z/%.~_-]{0,30}",
        "/guides/[a-z%0-9-]{0,20}",
        "/faq/[a-zA-Z0-9%.-]{0,20}",
        "/static/[a-z0-9.]{0,20}",
        "/settings/text\\?size=[a-z]{0,6}&back=[/a-z%:.]{0,20}",
        "/search\\?q=[%A-F0-9a-z+]{0,30}",
        "/(plan|plan/result|plan/result.ics|plan/qr.svg|plan/[a-z]{0,8})\\?[a-z=&%0-9-]{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn fuzzed_paths_headers_and_cookies_never_get_a_5xx(
        path in arb_path(),
        cookie in "[ -~]{0,40}",
        accept in prop_oneof![Just("gzip".to_string()), Just("*".to_string()), "[ -~]{0,20}"],
        if_none_match in "[ -~]{0,20}",
    ) {
        let req = format!(
            "GET {path} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\nAccept-Encoding: {accept}\r\nIf-None-Match: {if_none_match}\r\nConnection: close\r\n\r\n"
        );
        let status = raw_status(req.as_bytes());
        prop_assert!(status.is_some_and(|s| s < 500), "{} → {:?}", path, status);
    }
}
