//! The state every handler shares, read-only after start-up, and the per-request page cache.

use super::Clock;
use super::cache::{self, CachedPage};
use super::error;
use super::layout::{Layout, Nav};
use super::pages;
use super::{assets::Assets, pages::feeds::Feeds};
use crate::content::Library;
use crate::plan::local::LocalRules;
use crate::plan::{Regions, WorkingDayCalendar};
use crate::search::FaqIndex;
use actix_web::HttpResponse;
use std::collections::HashMap;

const HTML: &str = "text/html; charset=utf-8";

/// Everything the handlers share, built once at start-up and read-only afterwards.
pub struct AppState {
    pub lib: Library,
    pub index: FaqIndex,
    pub regions: Regions,
    pub calendar: WorkingDayCalendar,
    pub local: LocalRules,
    /// Today for every request; fixed in tests (`Settings::today`), else the clock in China.
    pub clock: Clock,
    /// The public address without a trailing slash (for the plan's QR code and feeds).
    pub site_url: String,
    pub assets: Assets,
    pub pages: HashMap<String, CachedPage>,
    pub not_found: CachedPage,
    pub server_error: CachedPage,
    pub feeds: Feeds,
    /// Pages rendered per request (search results, plan pages), kept while they are asked for.
    pub dynamic: cache::PageCache,
}

impl AppState {
    /// The cache key of a page rendered per request: everything a 200 page depends on, as
    /// the request says it (the day, the text size, the path and the query as sent). Read
    /// before the router, so a page asked for again is served like a page made at start-up.
    pub fn request_key(&self, req: &actix_web::HttpRequest) -> String {
        use chrono::Datelike;
        format!(
            "{}|{}|{}?{}",
            self.today().num_days_from_ce(),
            u8::from(super::layout::wants_large(req)),
            req.path(),
            req.query_string()
        )
    }

    /// The kept page for this GET request, served, if there is one.
    pub fn from_cache(&self, req: &actix_web::HttpRequest) -> Option<HttpResponse> {
        if req.method() != actix_web::http::Method::GET {
            return None;
        }
        let kept = self.dynamic.get(&self.request_key(req))?;
        Some(kept.page.respond(
            req,
            actix_web::http::StatusCode::OK,
            HTML,
            kept.cache_control,
        ))
    }

    /// Renders a per-request page and keeps it for the next request of the same URL (see
    /// [`AppState::request_key`]). Only 200 pages are kept.
    pub fn cached_page(
        &self,
        req: &actix_web::HttpRequest,
        cache_control: &'static str,
        render: impl FnOnce() -> Result<(actix_web::http::StatusCode, String), error::WebError>,
    ) -> Result<HttpResponse, error::WebError> {
        let (status, body) = render()?;
        Ok(self.keep(req, true, cache_control, status, body))
    }

    /// Serves a freshly rendered page, keeping it when `keep` is set and the page is a 200.
    pub fn keep(
        &self,
        req: &actix_web::HttpRequest,
        keep: bool,
        cache_control: &'static str,
        status: actix_web::http::StatusCode,
        body: String,
    ) -> HttpResponse {
        let page = cache::Encoded::rendered(body.into_bytes());
        if keep
            && status == actix_web::http::StatusCode::OK
            && req.method() == actix_web::http::Method::GET
        {
            let kept = self.dynamic.put(
                self.request_key(req),
                cache::Kept {
                    page,
                    cache_control,
                },
            );
            return kept.page.respond(req, status, HTML, cache_control);
        }
        page.respond(req, status, HTML, cache_control)
    }

    /// The data the plan's rules read.
    pub fn plan_data(&self) -> crate::plan::PlanData<'_> {
        crate::plan::PlanData {
            regions: &self.regions,
            calendar: &self.calendar,
            facts: &self.lib.facts,
            local: &self.local,
        }
    }

    /// Today for this request (Asia/Shanghai), read once per request.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// The frame for a page rendered per request.
    pub fn layout(
        &self,
        title: &str,
        description: &str,
        path: &str,
        nav: Nav,
        large: bool,
    ) -> Layout<'_> {
        pages::Ctx {
            lib: &self.lib,
            assets: &self.assets,
        }
        .layout(title, description, path, nav, large)
    }
}
