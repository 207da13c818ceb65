//! Bytes prepared once (gzip and ETag computed at start-up) and the responses that serve them.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;

/// A response body in plain and gzip form, each with its own strong ETag (a strong validator
/// names one representation, RFC 9110 §8.8.3), and the request headers it varies by.
pub struct Encoded {
    pub plain: Bytes,
    pub gzip: Bytes,
    pub etag: String,
    pub etag_gzip: String,
    /// The same validators as header values, made once (not parsed per response).
    etag_header: HeaderValue,
    etag_gzip_header: HeaderValue,
    /// `Accept-Encoding`, plus `Cookie` for HTML pages (the 大字模式 cookie picks the body).
    vary: &'static str,
}

impl Encoded {
    /// A body the same for every visitor (assets, sitemap, feed), compressed as well as gzip
    /// can: it is done once at start-up.
    pub fn new(plain: Vec<u8>) -> Encoded {
        Encoded::with(plain, Compression::best(), "Accept-Encoding")
    }

    /// An HTML page rendered once at start-up, in one of the two text sizes.
    pub fn page(plain: Vec<u8>) -> Encoded {
        Encoded::with(plain, Compression::best(), "Accept-Encoding, Cookie")
    }

    /// An HTML page rendered for a request: compressed fast, since most are seen once.
    pub fn rendered(plain: Vec<u8>) -> Encoded {
        Encoded::with(plain, Compression::fast(), "Accept-Encoding, Cookie")
    }

    fn with(plain: Vec<u8>, level: Compression, vary: &'static str) -> Encoded {
        let hash = crate::hash::fnv64(&plain);
        let mut enc = GzEncoder::new(Vec::with_capacity(plain.len() / 3), level);
        // Writing into a Vec cannot fail.
        let _ = enc.write_all(&plain);
        let gzip = enc.finish().unwrap_or_default();
        let etag = format!("\"{hash:016x}\"");
        let etag_gzip = format!("\"{hash:016x}-gz\"");
        Encoded {
            plain: Bytes::from(plain),
            gzip: Bytes::from(gzip),
            // Hex digits and quotes: always a valid header value.
            etag_header: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
            etag_gzip_header: HeaderValue::from_str(&etag_gzip)
                .unwrap_or(HeaderValue::from_static("\"0\"")),
            etag,
            etag_gzip,
            vary,
        }
    }

    /// The size in memory, for the cache's budget.
    pub fn weight(&self) -> u64 {
        (self.plain.len() + self.gzip.len() + 64) as u64
    }

    /// Serves the body: 304 when the client has this representation, gzip when the client
    /// takes it. A status other than 200 (an error page) gets no validator and `no-store`.
    pub fn respond(
        &self,
        req: &HttpRequest,
        status: StatusCode,
        content_type: &'static str,
        cache_control: &'static str,
    ) -> HttpResponse {
        let gzip = accepts_gzip(req);
        let (etag, etag_header) = if gzip {
            (&self.etag_gzip, &self.etag_gzip_header)
        } else {
            (&self.etag, &self.etag_header)
        };
        let ok = status == StatusCode::OK;
        let not_modified = ok
            && req
                .headers()
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| {
                    v.split(',')
                        .any(|t| t.trim().trim_start_matches("W/") == etag)
                });
        let mut res = if not_modified {
            HttpResponse::NotModified()
        } else {
            HttpResponse::build(status)
        };
        if ok {
            res.insert_header((header::ETAG, etag_header.clone()))
                .insert_header((
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(cache_control),
                ));
        } else {
            res.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
        }
        res.insert_header((header::VARY, HeaderValue::from_static(self.vary)));
        if not_modified {
            return res.finish();
        }
        res.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type)));
        if gzip {
            res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip")));
            res.body(self.gzip.clone())
        } else {
            // Tells the Compress middleware to leave this body alone.
            res.insert_header((
                header::CONTENT_ENCODING,
                HeaderValue::from_static("identity"),
            ));
            res.body(self.plain.clone())
        }
    }
}

fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let coding = it.next().unwrap_or("").trim();
            let q_zero = it.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !q_zero
        })
}

/// A page rendered once in both text sizes (normal and 大字模式).
pub struct CachedPage {
    pub normal: Encoded,
    pub large: Encoded,
}

impl CachedPage {
    pub fn new(render: impl Fn(bool) -> String) -> CachedPage {
        CachedPage {
            normal: Encoded::page(render(false).into_bytes()),
            large: Encoded::page(render(true).into_bytes()),
        }
    }
    pub fn respond(&self, req: &HttpRequest, status: StatusCode) -> HttpResponse {
        let body = if super::layout::wants_large(req) {
            &self.large
        } else {
            &self.normal
        };
        body.respond(req, status, "text/html; charset=utf-8", "no-cache")
    }
}

/// A cache of pages rendered per request (search results, plan pages), keyed by everything
/// the page depends on, bounded by bytes. Popular questions and shared plan links are then
/// served like static pages. `quick_cache` admits by frequency (S3-FIFO-like with ghost
/// entries), so a flood of one-off URLs cannot push out the pages people keep asking for.
pub struct PageCache {
    inner: quick_cache::sync::Cache<String, std::sync::Arc<Encoded>, ByBytes>,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<String, std::sync::Arc<Encoded>> for ByBytes {
    fn weight(&self, key: &String, page: &std::sync::Arc<Encoded>) -> u64 {
        key.len() as u64 + page.weight()
    }
}

impl PageCache {
    /// A cache that holds at most `bytes` of pages (keys and both encodings).
    pub fn new(bytes: u64) -> PageCache {
        // About 40 KB per page with both encodings: the item estimate only sizes tables.
        let items = (bytes / 40_000).max(16) as usize;
        PageCache {
            inner: quick_cache::sync::Cache::with_weighter(items, bytes, ByBytes),
        }
    }

    pub fn get(&self, key: &str) -> Option<std::sync::Arc<Encoded>> {
        self.inner.get(key)
    }

    pub fn put(&self, key: String, page: Encoded) -> std::sync::Arc<Encoded> {
        let page = std::sync::Arc::new(page);
        self.inner.insert(key, page.clone());
        page
    }

    pub fn len(&self) -> usize {
        self.inner.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes held.
    pub fn weight(&self) -> u64 {
        self.inner.weight()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_within_its_byte_budget() {
        let c = PageCache::new(200_000);
        for i in 0..500 {
            c.put(
                format!("page-{i}"),
                Encoded::rendered(vec![b'x'; 2_000 + i]),
            );
        }
        assert!(c.weight() <= 200_000, "{} bytes", c.weight());
        assert!(!c.is_empty());
    }

    #[test]
    fn a_page_asked_for_again_and_again_survives_a_flood_of_one_off_pages() {
        let c = PageCache::new(100_000);
        c.put("popular".into(), Encoded::rendered(vec![b'p'; 3_000]));
        for i in 0..2_000 {
            assert!(c.get("popular").is_some(), "flushed by {i} one-off pages");
            c.put(format!("once-{i}"), Encoded::rendered(vec![b'o'; 3_000]));
        }
    }

    #[test]
    fn each_encoding_has_its_own_validator() {
        let e = Encoded::rendered(b"<p>hi</p>".to_vec());
        assert_ne!(e.etag, e.etag_gzip);
        assert!(e.etag_gzip.ends_with("-gz\""));
    }
}
