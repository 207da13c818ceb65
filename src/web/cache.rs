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
    pub etag: String,
    /// The same validator as a header value, made once (not parsed per response).
    etag_header: HeaderValue,
    /// The gzip form: made at once for bodies prepared at start-up, and for a page rendered
    /// per request only when a client first takes gzip (most such pages are seen once, and
    /// compressing for a client that does not ask would be work thrown away).
    gzip: std::sync::OnceLock<Gzipped>,
    level: Compression,
    /// `Accept-Encoding`, plus `Cookie` for HTML pages (the 大字模式 cookie picks the body).
    vary: &'static str,
}

/// A body's gzip form and its validator.
struct Gzipped {
    body: Bytes,
    etag: String,
    etag_header: HeaderValue,
}

impl Encoded {
    /// A body the same for every visitor (assets, sitemap, feed), compressed as well as gzip
    /// can: it is done once at start-up.
    pub fn new(plain: Vec<u8>) -> Encoded {
        Encoded::at_start_up(plain, "Accept-Encoding")
    }

    /// An HTML page rendered once at start-up, in one of the two text sizes.
    pub fn page(plain: Vec<u8>) -> Encoded {
        Encoded::at_start_up(plain, "Accept-Encoding, Cookie")
    }

    /// Made once: the stable FNV validator (asset names come from it), gzip at its best, now.
    fn at_start_up(plain: Vec<u8>, vary: &'static str) -> Encoded {
        let e = Encoded::with(plain, crate::hash::fnv64, Compression::best(), vary);
        e.gzipped();
        e
    }

    /// An HTML page rendered for a request: its validator from a fast hash, compressed fast
    /// and only when a client takes gzip.
    pub fn rendered(plain: Vec<u8>) -> Encoded {
        Encoded::with(
            plain,
            crate::hash::fast64,
            Compression::fast(),
            "Accept-Encoding, Cookie",
        )
    }

    /// An image made per request (the plan's QR code): the same for every visitor.
    pub fn image(plain: Vec<u8>) -> Encoded {
        Encoded::with(
            plain,
            crate::hash::fast64,
            Compression::fast(),
            "Accept-Encoding",
        )
    }

    fn with(
        plain: Vec<u8>,
        hash: fn(&[u8]) -> u64,
        level: Compression,
        vary: &'static str,
    ) -> Encoded {
        let etag = format!("\"{:016x}\"", hash(&plain));
        Encoded {
            plain: Bytes::from(plain),
            // Hex digits and quotes: always a valid header value.
            etag_header: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
            etag,
            gzip: std::sync::OnceLock::new(),
            level,
            vary,
        }
    }

    /// The gzip form, compressed on first use.
    fn gzipped(&self) -> &Gzipped {
        self.gzip.get_or_init(|| {
            let mut enc = GzEncoder::new(Vec::with_capacity(self.plain.len() / 3), self.level);
            // Writing into a Vec cannot fail.
            let _ = enc.write_all(&self.plain);
            let body = Bytes::from(enc.finish().unwrap_or_default());
            // The plain form's validator with a suffix: `"…"` becomes `"…-gz"`.
            let etag = format!("{}-gz\"", &self.etag[..self.etag.len() - 1]);
            Gzipped {
                body,
                etag_header: HeaderValue::from_str(&etag)
                    .unwrap_or(HeaderValue::from_static("\"0\"")),
                etag,
            }
        })
    }

    /// The gzip body (compressed now if it was not yet).
    pub fn gzip(&self) -> &Bytes {
        &self.gzipped().body
    }

    /// The gzip form's validator.
    pub fn etag_gzip(&self) -> &str {
        &self.gzipped().etag
    }

    /// The size in memory, for the cache's budget: the gzip form, made later or never,
    /// is counted at a third of the plain one (HTML compresses to a quarter or less).
    pub fn weight(&self) -> u64 {
        let gzip = self
            .gzip
            .get()
            .map_or(self.plain.len() / 3, |g| g.body.len());
        (self.plain.len() + gzip + 64) as u64
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
        let gzip = accepts_gzip(req).then(|| self.gzipped());
        let (etag, etag_header) = match gzip {
            Some(g) => (&g.etag, &g.etag_header),
            None => (&self.etag, &self.etag_header),
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
        if let Some(g) = gzip {
            res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip")));
            res.body(g.body.clone())
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
    inner: quick_cache::sync::Cache<String, std::sync::Arc<Kept>, ByBytes>,
}

/// A page kept in the cache, with the `Cache-Control` it is served with.
pub struct Kept {
    pub page: Encoded,
    pub cache_control: &'static str,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<String, std::sync::Arc<Kept>> for ByBytes {
    fn weight(&self, key: &String, kept: &std::sync::Arc<Kept>) -> u64 {
        key.len() as u64 + kept.page.weight()
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

    pub fn get(&self, key: &str) -> Option<std::sync::Arc<Kept>> {
        self.inner.get(key)
    }

    pub fn put(&self, key: String, kept: Kept) -> std::sync::Arc<Kept> {
        let kept = std::sync::Arc::new(kept);
        self.inner.insert(key, kept.clone());
        kept
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

    fn kept(body: Vec<u8>) -> Kept {
        Kept {
            page: Encoded::rendered(body),
            cache_control: "no-cache",
        }
    }

    #[test]
    fn the_cache_stays_within_its_byte_budget() {
        let c = PageCache::new(200_000);
        for i in 0..500 {
            c.put(format!("page-{i}"), kept(vec![b'x'; 2_000 + i]));
        }
        assert!(c.weight() <= 200_000, "{} bytes", c.weight());
        assert!(!c.is_empty());
    }

    #[test]
    fn a_page_asked_for_again_and_again_survives_a_flood_of_one_off_pages() {
        let c = PageCache::new(100_000);
        c.put("popular".into(), kept(vec![b'p'; 3_000]));
        for i in 0..2_000 {
            assert!(c.get("popular").is_some(), "flushed by {i} one-off pages");
            c.put(format!("once-{i}"), kept(vec![b'o'; 3_000]));
        }
    }

    #[test]
    fn each_encoding_has_its_own_validator() {
        let e = Encoded::rendered(b"<p>hi</p>".to_vec());
        assert!(e.gzip.get().is_none(), "compressed before any client asked");
        assert_ne!(e.etag, e.etag_gzip());
        assert!(e.etag_gzip().ends_with("-gz\""));
        let mut d = flate2::read::GzDecoder::new(&e.gzip()[..]);
        let mut back = String::new();
        std::io::Read::read_to_string(&mut d, &mut back).unwrap();
        assert_eq!(back, "<p>hi</p>");
    }
}
