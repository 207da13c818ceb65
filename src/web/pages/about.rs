//! `/about`: who we are, the disclaimer, data sources and licences, 更新记录.

use super::{Ctx, serve};
use crate::content::ChangeEntry;
use crate::web::AppState;
use crate::web::cache::CachedPage;
use crate::web::layout::{DateExt, Layout, Nav};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;

#[derive(Template)]
#[template(path = "about.html")]
struct AboutTemplate<'a> {
    layout: Layout<'a>,
    changelog: &'a [ChangeEntry],
    last_updated: Option<NaiveDate>,
}

pub fn page(ctx: &Ctx) -> CachedPage {
    CachedPage::new(|large| {
        AboutTemplate {
            layout: ctx.layout(
                "关于本站",
                "本站是谁做的、免责声明、数据来源与许可、内容更新记录。",
                "/about",
                Nav::About,
                large,
            ),
            changelog: &ctx.lib.changelog,
            last_updated: ctx.lib.last_updated(),
        }
        .render()
        .expect("about template")
    })
}

pub async fn handler(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    serve(&state, &req, "/about")
}
