//! The routes: one line per page, each to its handler in `pages/`.

use super::{AppState, pages};
use actix_web::http::header;
use actix_web::{HttpResponse, guard, web};

/// The routes and middleware: used by `main` and by the tests.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let get = || guard::Any(guard::Get()).or(guard::Head());
    cfg.route("/", web::route().guard(get()).to(pages::home::handler))
        .route(
            "/guides/",
            web::route().guard(get()).to(pages::guides::index),
        )
        .route(
            "/guides",
            web::route().guard(get()).to(|| redirect("/guides/")),
        )
        .route(
            "/guides/{slug}",
            web::route().guard(get()).to(pages::guides::guide),
        )
        .route("/faq/", web::route().guard(get()).to(pages::faq::index))
        .route("/faq", web::route().guard(get()).to(|| redirect("/faq/")))
        .route(
            "/faq/{slug}",
            web::route().guard(get()).to(pages::faq::entry),
        )
        .route(
            "/about",
            web::route().guard(get()).to(pages::about::handler),
        )
        .route(
            "/search",
            web::route().guard(get()).to(pages::search::handler),
        )
        .route("/plan", web::route().guard(get()).to(pages::plan::start))
        .route(
            "/plan/result",
            web::route().guard(get()).to(pages::plan::result),
        )
        .route(
            "/plan/result.ics",
            web::route().guard(get()).to(pages::plan::calendar),
        )
        .route(
            "/plan/qr.svg",
            web::route().guard(get()).to(pages::plan::qr),
        )
        .route(
            "/plan/{key}",
            web::route().guard(get()).to(pages::plan::question),
        )
        .route(
            "/settings/text",
            web::route().guard(get()).to(pages::settings::text_size),
        )
        .route("/static/{file}", web::route().guard(get()).to(static_file))
        .route(
            "/sitemap.xml",
            web::route().guard(get()).to(pages::feeds::sitemap),
        )
        .route(
            "/robots.txt",
            web::route().guard(get()).to(pages::feeds::robots),
        )
        .route(
            "/feed.xml",
            web::route().guard(get()).to(pages::feeds::atom),
        )
        .route(
            "/healthz",
            web::route().guard(get()).to(pages::feeds::healthz),
        )
        .default_service(web::to(|| async { HttpResponse::NotFound().finish() }));
}

async fn redirect(to: &'static str) -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, to))
        .finish()
}

async fn static_file(
    state: web::Data<AppState>,
    req: actix_web::HttpRequest,
    file: web::Path<String>,
) -> HttpResponse {
    match state.assets.by_file(&file) {
        Some(a) => a.body.respond(
            &req,
            actix_web::http::StatusCode::OK,
            a.content_type,
            "public, max-age=31536000, immutable",
        ),
        None => HttpResponse::NotFound().finish(),
    }
}
