//! Splitting a content file into its TOML front matter (between `+++` lines) and its
//! Markdown body, and turning TOML errors into "file:line: reason".

use super::ContentError;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::path::Path;

/// A content file split in two. `body_line` is the 1-based line where the body starts.
pub struct Split<'a> {
    pub front: &'a str,
    pub body: &'a str,
    pub body_line: usize,
}

pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| ContentError::at(path, 1, "文件必须以一行 +++ 开头（TOML 前置信息）"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.lines().count() + 1;
            return Ok(Split {
                front,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(ContentError::at(path, 1, "找不到结束前置信息的 +++ 行"))
}

/// Parses the front matter into `T`, which should use `deny_unknown_fields`.
pub fn parse<T: DeserializeOwned>(path: &Path, front: &str) -> Result<T, ContentError> {
    toml::from_str(front).map_err(|e| {
        // The front matter starts on line 2 of the file (after the opening `+++`).
        let line = e
            .span()
            .map(|s| front[..s.start.min(front.len())].matches('\n').count() + 2)
            .unwrap_or(1);
        let msg = e.message().to_string();
        ContentError::at(path, line, &format!("前置信息有误：{msg}"))
    })
}

/// Converts a TOML date (`updated = 2026-11-20`) into a calendar date.
pub fn date(
    path: &Path,
    field: &str,
    value: &toml::value::Datetime,
) -> Result<NaiveDate, ContentError> {
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                .ok_or_else(|| ContentError::new(path, &format!("{field} 不是有效日期")))
        }
        _ => Err(ContentError::new(
            path,
            &format!("{field} 必须是不带时间的日期，例如 2026-11-20"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split(Path::new("x.md"), "+++\na = 1\nb = 2\n+++\n\nHello\n").unwrap();
        assert_eq!(s.front, "a = 1\nb = 2\n");
        assert_eq!(s.body, "\nHello\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn missing_markers_are_errors() {
        assert!(split(Path::new("x.md"), "no front matter").is_err());
        assert!(split(Path::new("x.md"), "+++\na = 1\n").is_err());
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        a: i32,
    }

    #[test]
    fn unknown_field_names_the_line() {
        let e = parse::<T>(Path::new("x.md"), "a = 1\nb = 2\n").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("x.md:3:"), "{s}");
        assert!(s.contains('b'), "{s}");
    }

    #[test]
    fn dates_must_be_plain_dates() {
        let d: toml::Table = toml::from_str("d = 2026-11-20\nt = 2026-11-20T10:00:00").unwrap();
        let ok = date(Path::new("x"), "d", d["d"].as_datetime().unwrap()).unwrap();
        assert_eq!(ok, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert!(date(Path::new("x"), "t", d["t"].as_datetime().unwrap()).is_err());
    }
}
