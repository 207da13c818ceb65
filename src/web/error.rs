//! The web layer's one error type, its status codes, and the middleware that turns any error
//! response (ours or actix's own) into a Chinese page in the site's layout.

use super::AppState;
use super::layout::{Nav, wants_large};
use super::pages::errors::ErrorTemplate;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError, web};
use askama::Template;
use std::fmt;

#[derive(Debug)]
pub enum WebError {
    /// The request cannot be understood; the message says why, in Chinese.
    BadRequest(String),
    NotFound,
    Internal(String),
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebError::BadRequest(m) => write!(f, "{m}"),
            WebError::NotFound => write!(f, "找不到这个页面。"),
            WebError::Internal(m) => write!(f, "内部错误：{m}"),
        }
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
    fn error_response(&self) -> HttpResponse {
        // The page itself is drawn by `error_pages`, which can see the app state.
        HttpResponse::build(self.status_code())
            .content_type("text/plain; charset=utf-8")
            .body(self.to_string())
    }
}

/// Heading and message for a status without a message of its own.
fn wording(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        404 => ("找不到这个页面", "网址可能输错了，或者这个页面已经移动。"),
        405 => ("不支持这种请求方式", "本站只接受普通的浏览请求（GET）。"),
        413 => ("请求内容太大", "本站不接受上传内容。"),
        414 | 431 => ("网址太长", "网址或请求头太长了。请回到上一页重新操作。"),
        408 => ("请求超时", "连接太慢，服务器等不及了。请重新打开页面。"),
        s if s >= 500 => ("服务器出了点问题", "这不是你的错。请稍后再试。"),
        _ => ("无法处理这个请求", "请求的格式不对。请回到上一页重新操作。"),
    }
}

/// Draws every 4xx/5xx response that is not already an HTML page as the site's error page.
pub fn error_pages<B: MessageBody + 'static>(res: ServiceResponse<B>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if status.as_u16() < 400 || is_html {
        return res.map_into_boxed_body();
    }
    let message = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>())
        .and_then(|e| match e {
            WebError::BadRequest(m) => Some(m.clone()),
            _ => None,
        });
    let (req, old) = res.into_parts();
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return ServiceResponse::new(req, old.map_into_boxed_body());
    };
    let mut builder = HttpResponse::build(status);
    if let Some(allow) = old.headers().get(header::ALLOW) {
        builder.insert_header((header::ALLOW, allow.clone()));
    }
    builder.insert_header((header::CACHE_CONTROL, "no-store"));
    let new = match (status.as_u16(), &message) {
        (404, None) => state.not_found.respond(&req, status),
        (500, None) => state.server_error.respond(&req, status),
        _ => {
            let (heading, default) = wording(status);
            let message = message.unwrap_or_else(|| default.to_string());
            let mut layout = state.layout(heading, &message, "/", Nav::None, wants_large(&req));
            layout.noindex = true;
            let page = ErrorTemplate {
                layout,
                heading: heading.to_string(),
                message,
            }
            .render()
            .unwrap_or_else(|_| heading.to_string());
            // Compressed here when the client takes gzip: error pages are made after the
            // compression layer (it wraps only the router).
            let mut res = super::cache::Encoded::rendered(page.into_bytes()).respond(
                &req,
                status,
                "text/html; charset=utf-8",
                "no-store",
            );
            if let Some(allow) = old.headers().get(header::ALLOW) {
                res.headers_mut().insert(header::ALLOW, allow.clone());
            }
            res
        }
    };
    ServiceResponse::new(req, new)
}

/// Header bytes a request may carry in all (names and values).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Bytes of path and query a request may carry.
pub const MAX_URI_BYTES: usize = 32 * 1024;

/// Refuses, before any handler runs, what the site never needs: methods other than GET and
/// HEAD (405: there are no forms that post), oversized headers (431) and URLs (414).
pub fn gatekeeper(req: &ServiceRequest) -> Option<HttpResponse> {
    let m = req.method();
    if m != actix_web::http::Method::GET && m != actix_web::http::Method::HEAD {
        return Some(
            HttpResponse::MethodNotAllowed()
                .insert_header((header::ALLOW, "GET, HEAD"))
                .content_type("text/plain; charset=utf-8")
                .body("405"),
        );
    }
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return Some(HttpResponse::build(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).finish());
    }
    let uri = req.uri();
    let uri_bytes = uri.path().len() + uri.query().map_or(0, |q| q.len() + 1);
    if uri_bytes > MAX_URI_BYTES {
        return Some(HttpResponse::build(StatusCode::URI_TOO_LONG).finish());
    }
    None
}
