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

#[derive(askama::Template)]
#[template(path = "sitemap.xml")]
struct Sitemap<'a> {
    site: &'a str,
    urls: Vec<(String, NaiveDate)>,
}

#[derive(askama::Template)]
#[template(path = "feed.xml")]
struct Atom<'a> {
    site: &'a str,
    newest: NaiveDate,
    guides: Vec<&'a crate::content::Guide>,
}

impl Feeds {
    /// Rendered once at start-up by askama, which escapes every value for XML.
    pub fn build(lib: &Library, site_url: &str) -> Feeds {
        use askama::Template;
        let site = site_url.trim_end_matches('/');
        let newest = lib
            .last_updated()
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
        let urls = ["/", "/guides/", "/faq/", "/plan", "/about"]
            .iter()
            .map(|p| (p.to_string(), newest))
            .chain(lib.guides.iter().map(|g| (g.path(), g.updated)))
            .chain(lib.faqs.iter().map(|f| (f.path(), f.updated)))
            .collect();
        let sitemap = Sitemap { site, urls }.render().unwrap_or_default();
        let robots = format!(
            "User-agent: *\nAllow: /\nDisallow: /plan/\nDisallow: /search\nDisallow: /settings/\n\nSitemap: {site}/sitemap.xml\n"
        );
        let mut guides: Vec<_> = lib.guides.iter().collect();
        guides.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.order.cmp(&b.order)));
        let atom = Atom {
            site,
            newest,
            guides,
        }
        .render()
        .unwrap_or_default();
        Feeds {
            sitemap: Encoded::new(sitemap.into_bytes()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_escaped_for_xml() {
        let lib = Library::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .unwrap();
        let f = Feeds::build(&lib, "https://example.test/a&b<c>");
        for body in [&f.sitemap.plain, &f.atom.plain] {
            let text = std::str::from_utf8(body).unwrap();
            assert!(
                text.contains("https://example.test/a&#38;b&#60;c&#62;"),
                "{text}"
            );
            assert!(!text.contains("a&b<c>"));
        }
    }
}
