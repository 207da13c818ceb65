//! Static assets, built into the binary, served under content-hashed names
//! (`/static/style.3f2a9c1b.css`) so browsers may cache them for a year.

use super::cache::Encoded;

pub struct Asset {
    pub name: &'static str,
    pub url: String,
    pub content_type: &'static str,
    pub body: Encoded,
}

pub struct Assets {
    pub css: Asset,
    pub js: Asset,
    pub icon: Asset,
}

impl Assets {
    pub fn build() -> Assets {
        Assets {
            css: asset(
                "style",
                "css",
                "text/css; charset=utf-8",
                include_bytes!("../../static/style.css"),
            ),
            js: asset(
                "app",
                "js",
                "text/javascript; charset=utf-8",
                include_bytes!("../../static/app.js"),
            ),
            icon: asset(
                "favicon",
                "svg",
                "image/svg+xml",
                include_bytes!("../../static/favicon.svg"),
            ),
        }
    }

    /// Finds an asset by its hashed file name (`style.3f2a9c1b.css`).
    pub fn by_file(&self, file: &str) -> Option<&Asset> {
        [&self.css, &self.js, &self.icon]
            .into_iter()
            .find(|a| a.url.strip_prefix("/static/") == Some(file))
    }
}

fn asset(stem: &'static str, ext: &str, content_type: &'static str, bytes: &'static [u8]) -> Asset {
    let body = Encoded::new(bytes.to_vec());
    Asset {
        name: stem,
        url: format!("/static/{stem}.{}.{ext}", &body.etag[1..9]),
        content_type,
        body,
    }
}

/// FNV-1a, 64 bits: a stable content hash (the same bytes give the same name on every build).
pub use crate::hash::fnv64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_change_with_content() {
        assert_ne!(fnv64(b"a"), fnv64(b"b"));
        assert_eq!(fnv64(b"abc"), fnv64(b"abc"));
        let a = Assets::build();
        assert!(a.css.url.starts_with("/static/style.") && a.css.url.ends_with(".css"));
        let file = a.css.url.trim_start_matches("/static/");
        assert_eq!(a.by_file(file).unwrap().name, "style");
        assert!(a.by_file("style.css").is_none());
    }
}
