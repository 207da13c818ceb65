//! `/settings/text?size=large|normal&back=/path`: the 大字模式 switch. A plain link sets a
//! cookie and sends the reader back to the page they were on; no JavaScript needed.

use crate::web::error::WebError;
use crate::web::layout::LARGE_COOKIE;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

pub async fn text_size(req: HttpRequest) -> Result<HttpResponse, WebError> {
    let mut size = None;
    let mut back = "/".to_string();
    for (k, v) in crate::web::query::pairs(req.query_string())? {
        match k.as_str() {
            "size" => size = Some(v),
            "back" => back = v,
            _ => {}
        }
    }
    let large = match size.as_deref() {
        Some("large") => true,
        Some("normal") => false,
        _ => {
            return Err(WebError::BadRequest(
                "字号设置只能是“大字”或“标准”。".into(),
            ));
        }
    };
    // Only a path on this site: never an open redirect.
    if !back.starts_with('/')
        || back.starts_with("//")
        || back.contains('\\')
        || back.chars().any(char::is_control)
    {
        back = "/".to_string();
    }
    let mut cookie = Cookie::build(LARGE_COOKIE, if large { "1" } else { "0" })
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .finish();
    if large {
        cookie.set_max_age(Duration::days(365));
    } else {
        cookie.set_max_age(Duration::ZERO);
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(cookie)
        .finish())
}
