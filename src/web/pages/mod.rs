//! One module per page: its template struct, how it is rendered, and its handler.
//! Pages that do not depend on the request are rendered once at start-up (both text sizes)
//! and served from memory.

pub mod about;
pub mod errors;
pub mod faq;
pub mod feeds;
pub mod guides;
pub mod home;
pub mod plan;
pub mod search;
pub mod settings;

use super::AppState;
use super::cache::CachedPage;
use super::layout::{Layout, Nav};
use crate::content::Library;
use std::collections::HashMap;

/// Everything a start-up render needs.
pub struct Ctx<'a> {
    pub lib: &'a Library,
    pub assets: &'a super::assets::Assets,
}

impl<'a> Ctx<'a> {
    pub fn layout(
        &self,
        title: &str,
        description: &str,
        path: &str,
        nav: Nav,
        large: bool,
    ) -> Layout<'a> {
        Layout {
            title: title.to_string(),
            description: description.to_string(),
            path: path.to_string(),
            large,
            noindex: false,
            nav,
            query: String::new(),
            assets: self.assets,
            hotline: &self.lib.facts.hotline,
        }
    }
}

/// Renders every request-independent page, keyed by its path.
pub fn prerender(ctx: &Ctx) -> HashMap<String, CachedPage> {
    let mut pages = HashMap::new();
    pages.insert("/".to_string(), home::page(ctx));
    pages.insert("/guides/".to_string(), guides::index_page(ctx));
    for g in &ctx.lib.guides {
        pages.insert(g.path(), guides::guide_page(ctx, g));
    }
    pages.insert("/faq/".to_string(), faq::index_page(ctx));
    for f in &ctx.lib.faqs {
        pages.insert(f.path(), faq::faq_page(ctx, f));
    }
    pages.insert("/about".to_string(), about::page(ctx));
    pages.insert("/plan".to_string(), plan::start_page(ctx));
    pages
}

/// Serves a pre-rendered page; a retired page's permanent redirect to the page that replaced
/// it (a URL that ever worked keeps working); or the 404 page.
pub fn serve(
    state: &AppState,
    req: &actix_web::HttpRequest,
    path: &str,
) -> actix_web::HttpResponse {
    if let Some(p) = state.pages.get(path) {
        return p.respond(req, actix_web::http::StatusCode::OK);
    }
    if let Some(new) = state.lib.redirect(path) {
        return actix_web::HttpResponse::MovedPermanently()
            .insert_header((actix_web::http::header::LOCATION, new))
            .insert_header((
                actix_web::http::header::CACHE_CONTROL,
                "public, max-age=86400",
            ))
            .finish();
    }
    state
        .not_found
        .respond(req, actix_web::http::StatusCode::NOT_FOUND)
}
