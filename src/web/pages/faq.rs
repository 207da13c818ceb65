//! `/faq/` (by category) and `/faq/<slug>` (one question, with FAQPage JSON-LD).

use super::{Ctx, serve};
use crate::content::{Category, Faq, Guide};
use crate::web::AppState;
use crate::web::cache::CachedPage;
use crate::web::layout::{DateExt, Layout, Nav};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

struct CategoryList<'a> {
    name: &'static str,
    id: &'static str,
    items: Vec<&'a Faq>,
}

#[derive(Template)]
#[template(path = "faq_index.html")]
struct FaqIndexTemplate<'a> {
    layout: Layout<'a>,
    count: usize,
    categories: Vec<CategoryList<'a>>,
}

pub fn index_page(ctx: &Ctx) -> CachedPage {
    CachedPage::new(|large| {
        let categories = Category::ALL
            .iter()
            .map(|c| CategoryList {
                name: c.name(),
                id: c.id(),
                items: ctx.lib.faqs.iter().filter(|f| f.category == *c).collect(),
            })
            .filter(|c| !c.items.is_empty())
            .collect();
        FaqIndexTemplate {
            layout: ctx.layout(
                "常见问题",
                "医保转移接续、异地就医备案的常见问题，按分类列出，每题先给一句话答案。",
                "/faq/",
                Nav::Faq,
                large,
            ),
            count: ctx.lib.faqs.len(),
            categories,
        }
        .render()
        .expect("faq index template")
    })
}

#[derive(Template)]
#[template(path = "faq.html")]
struct FaqTemplate<'a> {
    layout: Layout<'a>,
    faq: &'a Faq,
    category_id: &'static str,
    guides: Vec<&'a Guide>,
    related: Vec<&'a Faq>,
    json_ld: String,
}

/// schema.org FAQPage for one question; `</` is escaped so the JSON cannot end the script element.
fn json_ld(faq: &Faq) -> String {
    let answer = format!("{} {}", faq.short_answer, faq.text);
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [{
            "@type": "Question",
            "name": faq.question,
            "acceptedAnswer": { "@type": "Answer", "text": answer }
        }]
    })
    .to_string()
    .replace("</", "<\\/")
}

/// The entry's own related questions, topped up with others from its category (up to four).
fn related_questions<'a>(ctx: &Ctx<'a>, faq: &Faq) -> Vec<&'a Faq> {
    let mut out: Vec<&Faq> = faq
        .related_faq
        .iter()
        .filter_map(|s| ctx.lib.faq(s))
        .collect();
    for other in ctx
        .lib
        .faqs
        .iter()
        .filter(|f| f.category == faq.category && f.slug != faq.slug)
    {
        if out.len() >= 4 {
            break;
        }
        if !out.iter().any(|f| f.slug == other.slug) {
            out.push(other);
        }
    }
    out
}

pub fn faq_page(ctx: &Ctx, faq: &Faq) -> CachedPage {
    CachedPage::new(|large| {
        FaqTemplate {
            layout: ctx.layout(
                &faq.question,
                &faq.short_answer,
                &faq.path(),
                Nav::Faq,
                large,
            ),
            faq,
            category_id: faq.category.id(),
            guides: faq
                .related_guides
                .iter()
                .filter_map(|s| ctx.lib.guide(s))
                .collect(),
            related: related_questions(ctx, faq),
            json_ld: json_ld(faq),
        }
        .render()
        .expect("faq template")
    })
}

pub async fn index(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    serve(&state, &req, "/faq/")
}

pub async fn entry(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> HttpResponse {
    serve(&state, &req, &format!("/faq/{slug}"))
}
