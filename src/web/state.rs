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
    /// Serves a per-request page from the cache, rendering (and keeping) it on a miss. Only
    /// 200 pages are kept; `key` must name everything the page depends on.
    pub fn cached_page(
        &self,
        req: &actix_web::HttpRequest,
        key: String,
        cache_control: &'static str,
        render: impl FnOnce() -> Result<(actix_web::http::StatusCode, String), error::WebError>,
    ) -> Result<HttpResponse, error::WebError> {
        if let Some(hit) = self.cached(req, &key, cache_control) {
            return Ok(hit);
        }
        let (status, body) = render()?;
        Ok(self.keep(req, Some(key), cache_control, status, body))
    }

    /// The cached page for `key`, served, if there is one.
    pub fn cached(
        &self,
        req: &actix_web::HttpRequest,
        key: &str,
        cache_control: &'static str,
    ) -> Option<HttpResponse> {
        let page = self.dynamic.get(key)?;
        Some(page.respond(req, actix_web::http::StatusCode::OK, HTML, cache_control))
    }

    /// Serves a freshly rendered page, keeping it under `key` when there is one and the page
    /// is a 200.
    pub fn keep(
        &self,
        req: &actix_web::HttpRequest,
        key: Option<String>,
        cache_control: &'static str,
        status: actix_web::http::StatusCode,
        body: String,
    ) -> HttpResponse {
        let page = cache::Encoded::rendered(body.into_bytes());
        match key {
            Some(key) if status == actix_web::http::StatusCode::OK => self
                .dynamic
                .put(key, page)
                .respond(req, status, HTML, cache_control),
            _ => page.respond(req, status, HTML, cache_control),
        }
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
