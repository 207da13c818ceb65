//! The HTTP server and its middleware: refusals and error pages, compression, security
//! headers, and one log line per request.

use super::{AppState, access_log, configure, error};
use actix_web::dev::{Server, Service};
use actix_web::http::header;
use actix_web::{App, HttpServer, middleware, web};
use std::net::TcpListener;
use std::time::{Duration, Instant};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The headers every response carries (a page never sets any of them itself), names and
/// values made at compile time.
fn security_headers(h: &mut actix_web::http::header::HeaderMap) {
    use actix_web::http::header::{HeaderName, HeaderValue};
    const PERMISSIONS_POLICY: HeaderName = HeaderName::from_static("permissions-policy");
    const COOP: HeaderName = HeaderName::from_static("cross-origin-opener-policy");
    const SAME_ORIGIN: HeaderValue = HeaderValue::from_static("same-origin");
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::REFERRER_POLICY, SAME_ORIGIN);
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        PERMISSIONS_POLICY,
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
    );
    h.insert(COOP, SAME_ORIGIN);
}

/// The response for a page rendered at start-up, or for one rendered for an earlier request
/// of the same URL and kept, if the request asks for one.
fn prerendered(req: &actix_web::dev::ServiceRequest) -> Option<actix_web::HttpResponse> {
    let state = req.app_data::<web::Data<AppState>>()?;
    match state.pages.get(req.path()) {
        Some(page) => Some(page.respond(req.request(), actix_web::http::StatusCode::OK)),
        None => state.from_cache(req.request()),
    }
}

/// Builds the HTTP server on `listener` (port 0 in tests). Call `.await` on the result to run.
pub fn server(
    state: web::Data<AppState>,
    listener: TcpListener,
    workers: Option<usize>,
) -> std::io::Result<Server> {
    let mut http = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(16 * 1024))
            .configure(configure)
            // Compresses what the router's handlers answer without an encoding of their own
            // (pages from memory carry theirs, and never reach it).
            .wrap(middleware::Compress::default())
            .wrap_fn(|req, srv| {
                let started = Instant::now();
                // Refuse what the site never needs (405/414/431); error responses become pages.
                // A page rendered at start-up, or kept from an earlier request, is served
                // straight from memory, before the router (whose pattern matching cost more
                // than serving the page).
                let step = match error::gatekeeper(&req) {
                    Some(refusal) => Err(req.into_response(refusal)),
                    None => match prerendered(&req) {
                        Some(page) => Err(req.into_response(page)),
                        None => Ok(srv.call(req)),
                    },
                };
                async move {
                    let res = match step {
                        Ok(fut) => fut.await?.map_into_boxed_body(),
                        Err(answered) => answered,
                    };
                    let mut res = error::error_pages(res);
                    security_headers(res.headers_mut());
                    let first = access_log::record(
                        res.request().method().as_str(),
                        res.request().path(),
                        res.status().as_u16(),
                        started.elapsed(),
                    );
                    if first {
                        // Each worker writes out its buffered lines at least once a second.
                        actix_web::rt::spawn(async {
                            let mut every = actix_web::rt::time::interval(access_log::FLUSH_EVERY);
                            loop {
                                every.tick().await;
                                access_log::flush_if_due();
                            }
                        });
                    }
                    Ok::<_, actix_web::Error>(res)
                }
            })
    })
    // Searches run on the blocking pool: a few threads per worker keep both cores busy, and
    // more would only queue on them and hold memory (each thread its own allocator arena).
    .worker_max_blocking_threads(4)
    .client_request_timeout(Duration::from_secs(5))
    .client_disconnect_timeout(Duration::from_secs(2))
    .keep_alive(Duration::from_secs(15))
    .shutdown_timeout(10);
    if let Some(n) = workers {
        http = http.workers(n);
    }
    Ok(http.listen(listener)?.run())
}
