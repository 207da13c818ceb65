//! The error pages (404, 400, 500…), in the site's layout and in Chinese.

use super::Ctx;
use crate::web::cache::CachedPage;
use crate::web::layout::{Layout, Nav};
use askama::Template;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorTemplate<'a> {
    pub layout: Layout<'a>,
    pub heading: String,
    pub message: String,
}

pub fn not_found_page(ctx: &Ctx) -> CachedPage {
    page(
        ctx,
        "找不到这个页面",
        "网址可能输错了，或者这个页面已经移动。可以从下面的链接重新开始，或者用上方的搜索框查找。",
    )
}

pub fn server_error_page(ctx: &Ctx) -> CachedPage {
    page(
        ctx,
        "服务器出了点问题",
        "这不是你的错。请稍后再试；如果一直这样，可以先查看常见问题或拨打医保服务热线。",
    )
}

fn page(ctx: &Ctx, heading: &str, message: &str) -> CachedPage {
    CachedPage::new(|large| {
        let mut layout = ctx.layout(heading, message, "/", Nav::None, large);
        layout.noindex = true;
        ErrorTemplate {
            layout,
            heading: heading.to_string(),
            message: message.to_string(),
        }
        .render()
        .expect("error template")
    })
}
