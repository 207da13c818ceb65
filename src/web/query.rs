//! Query strings as the site reads them: percent-decoded `key=value` pairs, in order,
//! repeated keys kept. Invalid UTF-8 is an error the user sees as a 400 page.

use super::error::WebError;

/// Decodes `a=1&b=%E4%B8%AD+x`. `+` is a space (HTML forms send spaces that way).
pub fn pairs(qs: &str) -> Result<Vec<(String, String)>, WebError> {
    qs.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

pub fn decode(s: &str) -> Result<String, WebError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| {
        WebError::BadRequest("网址里有无法识别的字符（不是有效的 UTF-8 编码）。".into())
    })
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_pairs_in_order() {
        let p = pairs("q=%E5%8C%BB%E4%BF%9D+%E8%BD%AC&q=2&x&=y").unwrap();
        assert_eq!(
            p,
            vec![
                ("q".into(), "医保 转".into()),
                ("q".into(), "2".into()),
                ("x".into(), "".into()),
                ("".into(), "y".into())
            ]
        );
    }

    #[test]
    fn stray_percent_signs_are_kept() {
        assert_eq!(decode("100%").unwrap(), "100%");
        assert_eq!(decode("%zz").unwrap(), "%zz");
        assert_eq!(decode("%4").unwrap(), "%4");
        assert_eq!(decode("%41").unwrap(), "A");
    }

    #[test]
    fn invalid_utf8_is_a_bad_request() {
        assert!(matches!(decode("%FF%FE"), Err(WebError::BadRequest(_))));
    }
}
