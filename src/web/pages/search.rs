//! `/search?q=`: one search over FAQ answers and guide sections.

use crate::content::Faq;
use crate::search::query::Uncovered;
use crate::search::{Hit, MAX_QUERY_CHARS};
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::layout::{Layout, Nav, url_encode, wants_large};
use crate::web::query;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

const LIMIT: usize = 10;

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate<'a> {
    layout: Layout<'a>,
    query: String,
    truncated: bool,
    max_chars: usize,
    hits: Vec<Hit>,
    /// The results come from a looser match (fewer words, single characters).
    approximate: bool,
    /// Typos searched as the word meant: (as typed, as searched).
    corrected: Vec<(String, &'static str)>,
    /// What the site does not cover, when the question is about it: (the topic, where to
    /// ask instead), shown above the results.
    uncovered: Option<Uncovered>,
    limit: usize,
    popular: Vec<&'a Faq>,
}

pub async fn handler(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let pairs = query::pairs(req.query_string())?;
    let raw = pairs
        .into_iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let cleaned: String = raw.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim();
    let truncated = cleaned.chars().count() > MAX_QUERY_CHARS;
    let query: String = cleaned.chars().take(MAX_QUERY_CHARS).collect();
    let large = wants_large(&req);
    // A search asked before was answered from the cache before the router
    // (`AppState::from_cache`): this one is new.
    // SQLite work runs on the blocking pool, never on the async workers.
    let hits = {
        let state = state.clone();
        let query = query.clone();
        web::block(move || state.index.find(&query, LIMIT)).await
    };
    let found = match hits {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            tracing::error!("search failed: {e}");
            return Err(WebError::Internal(e.to_string()));
        }
        Err(e) => {
            tracing::error!("search could not run: {e}");
            return Err(WebError::Internal(e.to_string()));
        }
    };
    let page = {
        let title = if query.is_empty() {
            "搜索".to_string()
        } else {
            format!("搜索：{query}")
        };
        let path = format!("/search?q={}", url_encode(&query));
        let mut layout = state.layout(
            &title,
            "搜索医保转移接续的常见问题和办事指南。",
            &path,
            Nav::Faq,
            large,
        );
        layout.noindex = true;
        layout.query = query.clone();
        SearchTemplate {
            layout,
            query: query.clone(),
            truncated,
            max_chars: MAX_QUERY_CHARS,
            approximate: found.approximate && !found.hits.is_empty(),
            hits: found.hits,
            corrected: found.corrected,
            uncovered: found.uncovered,
            limit: LIMIT,
            popular: state
                .lib
                .faqs
                .iter()
                .filter(|f| f.popular)
                .take(8)
                .collect(),
        }
        .render()
        .map_err(|e| WebError::Internal(e.to_string()))?
    };
    Ok(state.keep(
        &req,
        true,
        "no-cache",
        actix_web::http::StatusCode::OK,
        page,
    ))
}
