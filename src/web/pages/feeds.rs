//! `/sitemap.xml`, `/robots.txt`, `/feed.xml` (Atom, the guides) and `/healthz`.

use crate::content::Library;
use crate::web::AppState;
use crate::web::cache::Encoded;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;

pub struct Feeds {
    pub sitemap: Encoded,
    pub robots: Encoded,
    pub atom: Encoded,
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Feeds {
    pub fn build(lib: &Library, site_url: &str) -> Feeds {
        let site = site_url.trim_end_matches('/');
        let newest = lib
            .last_updated()
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"));

        let mut sm = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let mut url = |path: &str, date: NaiveDate| {
            sm.push_str(&format!(
                "  <url><loc>{site}{}</loc><lastmod>{date}</lastmod></url>\n",
                xml_escape(path)
            ));
        };
        for p in ["/", "/guides/", "/faq/", "/plan", "/about"] {
            url(p, newest);
        }
        for g in &lib.guides {
            url(&g.path(), g.updated);
        }
        for f in &lib.faqs {
            url(&f.path(), f.updated);
        }
        sm.push_str("</urlset>\n");

        let robots = format!(
            "User-agent: *\nAllow: /\nDisallow: /plan/\nDisallow: /search\nDisallow: /settings/\n\nSitemap: {site}/sitemap.xml\n"
        );

        let mut atom = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n  <title>医保转移接续指南：办事指南</title>\n  <id>{site}/</id>\n  <link rel=\"self\" href=\"{site}/feed.xml\"/>\n  <link href=\"{site}/\"/>\n  <updated>{newest}T00:00:00+08:00</updated>\n  <author><name>医保转移接续指南</name></author>\n"
        );
        let mut by_date: Vec<_> = lib.guides.iter().collect();
        by_date.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.order.cmp(&b.order)));
        for g in by_date {
            atom.push_str(&format!(
                "  <entry>\n    <title>{}</title>\n    <id>{site}{}</id>\n    <link href=\"{site}{}\"/>\n    <updated>{}T00:00:00+08:00</updated>\n    <summary>{}</summary>\n  </entry>\n",
                xml_escape(&g.title),
                g.path(),
                g.path(),
                g.updated,
                xml_escape(&g.summary)
            ));
        }
        atom.push_str("</feed>\n");

        Feeds {
            sitemap: Encoded::new(sm.into_bytes()),
            robots: Encoded::new(robots.into_bytes()),
            atom: Encoded::new(atom.into_bytes()),
        }
    }
}

const CACHE: &str = "public, max-age=3600";

pub async fn sitemap(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    state.feeds.sitemap.respond(
        &req,
        StatusCode::OK,
        "application/xml; charset=utf-8",
        CACHE,
    )
}

pub async fn robots(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    state
        .feeds
        .robots
        .respond(&req, StatusCode::OK, "text/plain; charset=utf-8", CACHE)
}

pub async fn atom(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    state.feeds.atom.respond(
        &req,
        StatusCode::OK,
        "application/atom+xml; charset=utf-8",
        CACHE,
    )
}

/// 200 once the content (and the search index) are loaded: the app does not serve before that.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "ok guides={} faq={}\n",
            state.lib.guides.len(),
            state.lib.faqs.len()
        ))
}
