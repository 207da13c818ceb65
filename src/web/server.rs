//! The HTTP server and its middleware: refusals and error pages, compression, security
//! headers, and one log line per request.

use super::{AppState, configure, error};
use actix_web::dev::{Server, Service};
use actix_web::http::header;
use actix_web::{App, HttpServer, middleware, web};
use std::net::TcpListener;
use std::time::{Duration, Instant};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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
            .wrap_fn(|req, srv| {
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
                        Err(refused) => refused,
                    };
                    Ok::<_, actix_web::Error>(error::error_pages(res))
                }
            })
            .wrap(middleware::Compress::default())
            .wrap(
                middleware::DefaultHeaders::new()
                    .add((header::CONTENT_SECURITY_POLICY, CSP))
                    .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                    .add((header::REFERRER_POLICY, "same-origin"))
                    .add((header::X_FRAME_OPTIONS, "DENY"))
                    .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
                    .add(("Cross-Origin-Opener-Policy", "same-origin")),
            )
            .wrap_fn(|req, srv| {
                let started = Instant::now();
                let method = req.method().clone();
                let path = req.path().to_string();
                let fut = srv.call(req);
                async move {
                    let res = fut.await;
                    if let Ok(r) = &res {
                        tracing::info!(
                            method = %method,
                            path = %path,
                            status = r.status().as_u16(),
                            ms = format_args!("{:.2}", started.elapsed().as_secs_f64() * 1000.0),
                            "request"
                        );
                    }
                    res
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
