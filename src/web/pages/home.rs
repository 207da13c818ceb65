//! `/`: the three doors, the most asked questions, the guides to start with.

use super::{Ctx, serve};
use crate::content::{Faq, Guide};
use crate::web::AppState;
use crate::web::cache::CachedPage;
use crate::web::layout::{Layout, Nav};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTemplate<'a> {
    layout: Layout<'a>,
    popular: Vec<&'a Faq>,
    guides: Vec<&'a Guide>,
}

pub fn page(ctx: &Ctx) -> CachedPage {
    CachedPage::new(|large| {
        HomeTemplate {
            layout: ctx.layout(
                "首页",
                "医保关系转移接续、异地就医备案：个人转移方案、常见问题和办事指南，依据官方文件整理。",
                "/",
                Nav::Home,
                large,
            ),
            popular: ctx.lib.faqs.iter().filter(|f| f.popular).take(8).collect(),
            guides: ctx.lib.guides.iter().take(4).collect(),
        }
        .render()
        .expect("home template")
    })
}

pub async fn handler(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    serve(&state, &req, "/")
}
