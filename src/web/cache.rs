//! Bytes prepared once (gzip and ETag computed at start-up) and the responses that serve them.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;

/// A response body in plain and gzip form with its strong ETag.
pub struct Encoded {
    pub plain: Bytes,
    pub gzip: Bytes,
    pub etag: String,
}

impl Encoded {
    pub fn new(plain: Vec<u8>) -> Encoded {
        let etag = format!("\"{:016x}\"", super::assets::fnv64(&plain));
        let mut enc = GzEncoder::new(Vec::with_capacity(plain.len() / 3), Compression::best());
        enc.write_all(&plain).expect("gzip into memory");
        let gzip = enc.finish().expect("gzip into memory");
        Encoded {
            plain: Bytes::from(plain),
            gzip: Bytes::from(gzip),
            etag,
        }
    }

    /// Serves the body: 304 when the client has it, gzip when the client takes it.
    pub fn respond(
        &self,
        req: &HttpRequest,
        status: StatusCode,
        content_type: &str,
        cache_control: &str,
    ) -> HttpResponse {
        let not_modified = status == StatusCode::OK
            && req
                .headers()
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| {
                    v.split(',')
                        .any(|t| t.trim().trim_start_matches("W/") == self.etag)
                });
        let mut res = if not_modified {
            HttpResponse::NotModified()
        } else {
            HttpResponse::build(status)
        };
        res.insert_header((header::ETAG, self.etag.as_str()))
            .insert_header((header::CACHE_CONTROL, cache_control))
            .insert_header((header::VARY, "Accept-Encoding, Cookie"));
        if not_modified {
            return res.finish();
        }
        res.insert_header((header::CONTENT_TYPE, content_type));
        if accepts_gzip(req) {
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
            normal: Encoded::new(render(false).into_bytes()),
            large: Encoded::new(render(true).into_bytes()),
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

/// A bounded cache of pages rendered per request (search results, plan pages), keyed by
/// everything the page depends on. Popular questions and shared plan links are then served
/// like static pages. Least recently used entries go first.
pub struct PageLru {
    cap: usize,
    inner: std::sync::Mutex<LruInner>,
}

#[derive(Default)]
struct LruInner {
    tick: u64,
    map: std::collections::HashMap<String, (u64, std::sync::Arc<Encoded>)>,
}

impl PageLru {
    pub fn new(cap: usize) -> PageLru {
        PageLru {
            cap,
            inner: std::sync::Mutex::new(LruInner::default()),
        }
    }

    pub fn get(&self, key: &str) -> Option<std::sync::Arc<Encoded>> {
        let mut g = self.inner.lock().ok()?;
        g.tick += 1;
        let tick = g.tick;
        let entry = g.map.get_mut(key)?;
        entry.0 = tick;
        Some(entry.1.clone())
    }

    pub fn put(&self, key: String, page: Encoded) -> std::sync::Arc<Encoded> {
        let page = std::sync::Arc::new(page);
        if let Ok(mut g) = self.inner.lock() {
            if g.map.len() >= self.cap
                && let Some(oldest) = g
                    .map
                    .iter()
                    .min_by_key(|(_, (t, _))| *t)
                    .map(|(k, _)| k.clone())
            {
                g.map.remove(&oldest);
            }
            g.tick += 1;
            let tick = g.tick;
            g.map.insert(key, (tick, page.clone()));
        }
        page
    }

    pub fn len(&self) -> usize {
        self.inner.lock().map(|g| g.map.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lru_keeps_the_recently_used() {
        let c = PageLru::new(2);
        c.put("a".into(), Encoded::new(b"A".to_vec()));
        c.put("b".into(), Encoded::new(b"B".to_vec()));
        assert!(c.get("a").is_some());
        c.put("c".into(), Encoded::new(b"C".to_vec()));
        assert!(c.get("b").is_none(), "b was least recently used");
        assert_eq!(&c.get("a").unwrap().plain[..], b"A");
        assert_eq!(c.len(), 2);
    }
}
