//! HTTP caching as a CDN or nginx cache in front would see it: one strong validator per
//! representation, `Vary` only where a response varies, 304s on dynamic pages, error pages
//! never stored, and search errors as 500 pages that are not cached.

use crate::helpers::*;

async fn fetch(path: &str, gzip: bool, if_none_match: Option<&str>) -> reqwest::Response {
    let mut r = client().get(url(path));
    r = r.header("Accept-Encoding", if gzip { "gzip" } else { "identity" });
    if let Some(tag) = if_none_match {
        r = r.header("If-None-Match", tag);
    }
    r.send().await.expect("request")
}

const PLAN: &str = "/plan/result?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-08&joined=2026-09&channel=online";

#[tokio::test]
async fn gzip_and_identity_never_share_an_etag_and_each_revalidates() {
    for path in [
        "/guides/overview",
        "/faq/",
        PLAN,
        "/search?q=%E5%87%AD%E8%AF%81",
    ] {
        let plain = fetch(path, false, None).await;
        let gz = fetch(path, true, None).await;
        assert_eq!(plain.status().as_u16(), 200, "{path}");
        assert_eq!(header(&gz, "content-encoding"), "gzip", "{path}");
        let (tp, tg) = (header(&plain, "etag"), header(&gz, "etag"));
        assert!(!tp.is_empty() && !tg.is_empty(), "{path}");
        assert_ne!(tp, tg, "{path}: one strong ETag for two representations");
        // Each validator revalidates its own representation only.
        assert_eq!(
            fetch(path, false, Some(&tp)).await.status().as_u16(),
            304,
            "{path}"
        );
        assert_eq!(
            fetch(path, true, Some(&tg)).await.status().as_u16(),
            304,
            "{path}"
        );
        assert_eq!(
            fetch(path, true, Some(&tp)).await.status().as_u16(),
            200,
            "{path}"
        );
    }
}

#[tokio::test]
async fn vary_names_only_what_a_response_varies_by() {
    let (_, home) = get_text("/").await;
    let css = home
        .split("href=\"/static/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a stylesheet link");
    let r = get(&format!("/static/{css}")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        header(&r, "vary"),
        "Accept-Encoding",
        "immutable assets are shared"
    );
    assert!(header(&r, "cache-control").contains("immutable"));
    for path in ["/sitemap.xml", "/feed.xml", "/robots.txt"] {
        assert_eq!(
            header(&get(path).await, "vary"),
            "Accept-Encoding",
            "{path}"
        );
    }
    for path in ["/", "/guides/overview", PLAN] {
        // HTML depends on the 大字模式 cookie too.
        assert_eq!(
            header(&get(path).await, "vary"),
            "Accept-Encoding, Cookie",
            "{path}"
        );
    }
}

#[tokio::test]
async fn error_pages_are_chinese_and_never_stored() {
    let r = get("/guides/no-such-guide").await;
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(header(&r, "etag"), "", "no validator on an error page");
    assert!(r.text().await.unwrap().contains("找不到这个页面"));
    let r = get("/plan/result?scheme=nope").await;
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(header(&r, "cache-control"), "no-store");
}

#[tokio::test]
async fn a_long_query_and_its_prefix_are_different_pages() {
    let prefix = "医保".repeat(50);
    let long = format!("{prefix}{}", "转移".repeat(25));
    let (_, short_page) = get_text(&format!(
        "/search?q={}",
        yibao::web::layout::url_encode(&prefix)
    ))
    .await;
    let (_, long_page) = get_text(&format!(
        "/search?q={}",
        yibao::web::layout::url_encode(&long)
    ))
    .await;
    assert!(!short_page.contains("问题太长了"));
    assert!(
        long_page.contains("问题太长了"),
        "the cut is said, not served from the prefix's page"
    );
}

/// A search the index cannot answer is the 500 page, every time: never "no results", never
/// cached.
#[tokio::test]
async fn a_failing_search_is_a_500_page_and_is_not_cached() {
    let mut s = settings();
    s.data_dir = artifacts("search-fails");
    let _ = std::fs::remove_dir_all(&s.data_dir);
    let state = yibao::web::AppState::load(&s).expect("starts");
    // Damage the index file after start-up: no connection is open yet, so the next search
    // opens it and fails.
    std::fs::write(
        s.data_dir.join("search.sqlite"),
        b"not a database at all, sorry",
    )
    .unwrap();
    let base = spawn(state);
    for _ in 0..2 {
        let r = client()
            .get(format!("{base}/search?q=%E5%87%AD%E8%AF%81"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 500);
        assert_eq!(header(&r, "cache-control"), "no-store");
        let body = r.text().await.unwrap();
        assert!(body.contains("服务器出了点问题"), "{body}");
        assert!(!body.contains("没有找到"), "an error is not 'no results'");
    }
}

/// Plan pages are kept by the URL as sent; a page with an error must never be
/// answered from the cached page without it (or the other way round).
#[tokio::test]
async fn a_cached_plan_page_never_hides_an_error() {
    for _ in 0..2 {
        assert_eq!(get_text("/plan/scheme").await.0, 200);
        assert_eq!(get_text("/plan/scheme?go=1").await.0, 400);
        assert_eq!(get_text(PLAN).await.0, 200);
        let (status, page) = get_text(&format!("{PLAN}&start=2026-02-30")).await;
        assert_eq!(status, 400, "the refused start is shown");
        assert!(page.contains("value=\"2026-02-30\""));
        // Unknown keys do not change the page.
        let (status, _) = get_text(&format!("{PLAN}&utm_source=chat")).await;
        assert_eq!(status, 200);
    }
}

/// A page rendered for a request is kept under the URL as sent (with the day and the text
/// size) and answered from there before the router; nothing else shares its entry.
#[tokio::test]
async fn a_kept_page_is_found_by_the_url_as_sent_and_nothing_else() {
    use actix_web::http::StatusCode;
    use actix_web::test::TestRequest;
    let mut s = settings();
    s.data_dir = artifacts("front-cache");
    let state = yibao::web::AppState::load(&s).expect("starts");
    let asked = || TestRequest::get().uri("/search?q=%E5%87%AD%E8%AF%81");
    assert!(state.from_cache(&asked().to_http_request()).is_none());
    state.keep(
        &asked().to_http_request(),
        true,
        "no-cache",
        StatusCode::OK,
        "<p>kept</p>".into(),
    );
    let hit = state
        .from_cache(&asked().to_http_request())
        .expect("the same URL is answered from the cache");
    assert_eq!(hit.status(), 200);
    assert_eq!(hit.headers().get("cache-control").unwrap(), "no-cache");
    let others = [
        TestRequest::get().uri("/search?q=%E5%87%AD"),
        TestRequest::get().uri("/search?q=%E5%87%AD%E8%AF%81&x=1"),
        asked().cookie(actix_web::cookie::Cookie::new("dazi", "1")),
        TestRequest::post().uri("/search?q=%E5%87%AD%E8%AF%81"),
    ];
    for (i, r) in others.into_iter().enumerate() {
        assert!(state.from_cache(&r.to_http_request()).is_none(), "case {i}");
    }
    // Pages with an error are never kept.
    let bad = || TestRequest::get().uri("/plan/result?scheme=x");
    state.keep(
        &bad().to_http_request(),
        true,
        "no-store",
        StatusCode::BAD_REQUEST,
        "<p>bad</p>".into(),
    );
    assert!(state.from_cache(&bad().to_http_request()).is_none());
}
