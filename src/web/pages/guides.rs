//! `/guides/` (the list) and `/guides/<slug>` (one guide).

use super::{Ctx, serve};
use crate::content::{Guide, Heading};
use crate::web::AppState;
use crate::web::cache::CachedPage;
use crate::web::layout::{DateExt, Layout, Nav};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "guides.html")]
struct GuideIndexTemplate<'a> {
    layout: Layout<'a>,
    guides: &'a [Guide],
}

pub fn index_page(ctx: &Ctx) -> CachedPage {
    CachedPage::new(|large| {
        GuideIndexTemplate {
            layout: ctx.layout(
                "办事指南",
                "医保关系转移接续和异地就医备案的全部办事指南。",
                "/guides/",
                Nav::Guides,
                large,
            ),
            guides: &ctx.lib.guides,
        }
        .render()
        .expect("guides template")
    })
}

#[derive(Template)]
#[template(path = "guide.html")]
struct GuideTemplate<'a> {
    layout: Layout<'a>,
    guide: &'a Guide,
    toc: Vec<&'a Heading>,
    related: Vec<&'a Guide>,
}

pub fn guide_page(ctx: &Ctx, guide: &Guide) -> CachedPage {
    CachedPage::new(|large| {
        GuideTemplate {
            layout: ctx.layout(
                &guide.title,
                &guide.summary,
                &guide.path(),
                Nav::Guides,
                large,
            ),
            guide,
            toc: guide.toc(),
            related: guide
                .related
                .iter()
                .filter_map(|s| ctx.lib.guide(s))
                .collect(),
        }
        .render()
        .expect("guide template")
    })
}

pub async fn index(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    serve(&state, &req, "/guides/")
}

pub async fn guide(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> HttpResponse {
    serve(&state, &req, &format!("/guides/{slug}"))
}
