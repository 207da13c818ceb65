//! The web layer: actix-web handlers, templates, middleware. Domain logic lives in
//! `content`, `search` and `plan`; this module only turns requests into calls and pages.

pub mod assets;
pub mod cache;
pub mod error;
pub mod layout;
pub mod pages;
pub mod query;

use crate::content::{ContentError, Library};
use crate::plan::local::LocalRules;
use crate::plan::{PlanFiles, Regions, WorkingDayCalendar};
use crate::search::FaqIndex;
use actix_web::dev::{Server, Service};
use actix_web::http::header;
use actix_web::{App, HttpResponse, HttpServer, guard, middleware, web};
use assets::Assets;
use cache::CachedPage;
use layout::{Layout, Nav};
use pages::feeds::Feeds;
use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Where the app finds its content and keeps its data.
#[derive(Clone, Debug)]
pub struct Settings {
    pub content_dir: PathBuf,
    pub data_dir: PathBuf,
    /// The public address, for the sitemap and feed (`https://example.cn`).
    pub site_url: String,
    /// A fixed "today" (for tests and demonstrations); `None`: the clock, in China.
    pub today: Option<chrono::NaiveDate>,
}

/// Where "today" comes from: one value per request, so a test can fix it.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(chrono::NaiveDate),
}

impl Clock {
    pub fn today(self) -> chrono::NaiveDate {
        match self {
            Clock::System => china_today(),
            Clock::Fixed(d) => d,
        }
    }
}

/// Why the app could not start.
#[derive(Debug)]
pub enum StartupError {
    Content(ContentError),
    Io(std::io::Error),
}

impl std::fmt::Display for StartupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartupError::Content(e) => write!(f, "内容有误，无法启动：{e}"),
            StartupError::Io(e) => write!(f, "无法启动：{e}"),
        }
    }
}

impl std::error::Error for StartupError {}

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

const HTML: &str = "text/html; charset=utf-8";

/// The memory given to pages rendered per request (both encodings of each).
pub const PAGE_CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// Today in China (UTC+8, no daylight saving).
pub fn china_today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

/// Everything start-up checks in the content directory, without starting anything
/// (`yibao check`): the library, and the data files the plan reads.
pub fn validate_content(dir: &std::path::Path) -> Result<Library, StartupError> {
    let settings = Settings {
        content_dir: dir.to_path_buf(),
        data_dir: PathBuf::new(),
        site_url: String::new(),
        today: None,
    };
    let (lib, _) = load_content(&settings)?;
    Ok(lib)
}

fn load_content(settings: &Settings) -> Result<(Library, PlanFiles), StartupError> {
    let lib = Library::load(&settings.content_dir).map_err(StartupError::Content)?;
    let files = PlanFiles::load(&settings.content_dir.join("data"))
        .map_err(|e| StartupError::Content(ContentError::new(&e.file, &e.message)))?;
    // The plan's links are typed; a renamed or merged page must be renamed there too.
    let missing = crate::plan::links::missing(&lib);
    if !missing.is_empty() {
        return Err(StartupError::Content(ContentError::new(
            std::path::Path::new("src/plan/links.rs"),
            &format!(
                "方案链接的页面不存在：{}（改名或合并后请同时修改 src/plan/links.rs）",
                missing.join("、")
            ),
        )));
    }
    Ok((lib, files))
}

impl AppState {
    /// Loads and checks the content, then renders every request-independent page.
    pub fn load(settings: &Settings) -> Result<AppState, StartupError> {
        let (lib, files) = load_content(settings)?;
        let PlanFiles {
            regions,
            calendar,
            local,
        } = files;
        let index = FaqIndex::open(&settings.data_dir, &crate::search::docs_of(&lib))
            .map_err(|e| StartupError::Io(std::io::Error::other(e.to_string())))?;
        tracing::info!(origin = ?index.origin, location = ?index.location(), docs = index.doc_count, "search index ready");
        let assets = Assets::build();
        let ctx = pages::Ctx {
            lib: &lib,
            assets: &assets,
        };
        let pages = pages::prerender(&ctx);
        let not_found = pages::errors::not_found_page(&ctx);
        let server_error = pages::errors::server_error_page(&ctx);
        let feeds = Feeds::build(&lib, &settings.site_url);
        Ok(AppState {
            lib,
            index,
            regions,
            calendar,
            local,
            clock: settings.today.map_or(Clock::System, Clock::Fixed),
            site_url: settings.site_url.trim_end_matches('/').to_string(),
            assets,
            pages,
            not_found,
            server_error,
            feeds,
            dynamic: cache::PageCache::new(PAGE_CACHE_BYTES),
        })
    }

    /// Serves a per-request page from the cache, rendering (and keeping) it on a miss. Only
    /// 200 pages are kept; `key` must name everything the page depends on.
    pub fn cached_page(
        &self,
        req: &actix_web::HttpRequest,
        key: String,
        cache_control: &str,
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
        cache_control: &str,
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
        cache_control: &str,
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

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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

/// Builds the HTTP server on `listener` (port 0 in tests). Call `.await` on the result to run.
pub fn server(
    state: web::Data<AppState>,
    listener: TcpListener,
    workers: Option<usize>,
) -> std::io::Result<Server> {
    let mut http = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(16 * 1024))
            .configure(configure)
            .wrap_fn(|req, srv| {
                // Refuse what the site never needs (405/414/431); error responses become pages.
                let step = match error::gatekeeper(&req) {
                    Some(refusal) => Err(req.into_response(refusal)),
                    None => Ok(srv.call(req)),
                };
                async move {
                    let res = match step {
                        Ok(fut) => fut.await?.map_into_boxed_body(),
                        Err(refused) => refused,
                    };
                    Ok::<_, actix_web::Error>(error::error_pages(res))
                }
            })
            .wrap(middleware::Compress::default())
            .wrap(
                middleware::DefaultHeaders::new()
                    .add((header::CONTENT_SECURITY_POLICY, CSP))
                    .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                    .add((header::REFERRER_POLICY, "same-origin"))
                    .add((header::X_FRAME_OPTIONS, "DENY"))
                    .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
                    .add(("Cross-Origin-Opener-Policy", "same-origin")),
            )
            .wrap_fn(|req, srv| {
                let started = Instant::now();
                let method = req.method().clone();
                let path = req.path().to_string();
                let fut = srv.call(req);
                async move {
                    let res = fut.await;
                    if let Ok(r) = &res {
                        tracing::info!(
                            method = %method,
                            path = %path,
                            status = r.status().as_u16(),
                            ms = format_args!("{:.2}", started.elapsed().as_secs_f64() * 1000.0),
                            "request"
                        );
                    }
                    res
                }
            })
    })
    .client_request_timeout(Duration::from_secs(5))
    .client_disconnect_timeout(Duration::from_secs(2))
    .keep_alive(Duration::from_secs(15))
    .shutdown_timeout(10);
    if let Some(n) = workers {
        http = http.workers(n);
    }
    Ok(http.listen(listener)?.run())
}
