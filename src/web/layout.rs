//! What every page's frame (header, footer, `<head>`) needs, and small display helpers.

use super::assets::Assets;
use actix_web::HttpRequest;
use chrono::{Datelike, NaiveDate};

/// The cookie that remembers 大字模式 (large text). Its only value is `1`.
pub const LARGE_COOKIE: &str = "dazi";

pub fn wants_large(req: &HttpRequest) -> bool {
    req.cookie(LARGE_COOKIE).is_some_and(|c| c.value() == "1")
}

/// Which navigation item is the current section.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Nav {
    Home,
    Plan,
    Faq,
    Guides,
    About,
    None,
}

/// The frame of a page. Every page template has a `layout: Layout` field used by `base.html`.
pub struct Layout<'a> {
    pub title: String,
    pub description: String,
    /// The page's own path (with query), used for the 大字模式 switch's way back.
    pub path: String,
    pub large: bool,
    pub noindex: bool,
    pub nav: Nav,
    /// What stands in the header's search box.
    pub query: String,
    pub assets: &'a Assets,
    pub hotline: &'a str,
}

impl Layout<'_> {
    /// `/settings/text?size=…&back=…`: the link that flips 大字模式 and comes back here.
    pub fn text_size_href(&self) -> String {
        let size = if self.large { "normal" } else { "large" };
        format!("/settings/text?size={size}&back={}", url_encode(&self.path))
    }
    pub fn is(&self, nav: Nav) -> bool {
        self.nav == nav
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Dates as the site shows them: `2026年11月20日`, and the ISO form for `<time datetime>`.
pub trait DateExt {
    fn cn(&self) -> String;
    fn iso(&self) -> String;
}

impl DateExt for NaiveDate {
    fn cn(&self) -> String {
        format!("{}年{}月{}日", self.year(), self.month(), self.day())
    }
    fn iso(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_display_in_chinese() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
        assert_eq!(d.cn(), "2026年2月4日");
        assert_eq!(d.iso(), "2026-02-04");
    }

    #[test]
    fn url_encoding_keeps_only_unreserved() {
        assert_eq!(
            url_encode("/plan?a=1&b=中"),
            "%2Fplan%3Fa%3D1%26b%3D%E4%B8%AD"
        );
    }
}
