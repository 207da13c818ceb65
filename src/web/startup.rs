//! Start-up: the settings, reading and checking the content, and building the shared state
//! once (every request-independent page rendered in both text sizes).

use super::assets::Assets;
use super::pages::{self, feeds::Feeds};
use super::{AppState, cache};
use crate::content::{ContentError, Library};
use crate::plan::PlanFiles;
use crate::search::FaqIndex;
use std::path::PathBuf;

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

/// The memory given to pages rendered per request (both encodings of each): about 500 search
/// or plan pages. The pages everyone reads (guides, FAQ) are made at start-up and are not in
/// it; this keeps the searches and shared plan links asked for again, and holds the process
/// under 100 MB while a flood of new URLs passes through.
pub const PAGE_CACHE_BYTES: u64 = 8 * 1024 * 1024;

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

/// Every unit and province name (with its short form) for the search to recognise.
pub fn places_of(regions: &crate::plan::Regions) -> crate::search::Places {
    let units = regions
        .units()
        .iter()
        .map(|r| (r.name.clone(), r.province_code));
    let provinces = regions
        .units()
        .iter()
        .map(|r| (r.province_name.clone(), r.province_code));
    crate::search::Places::of(units, provinces)
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
        let places = places_of(&regions);
        let index = FaqIndex::open(&settings.data_dir, &crate::search::docs_of(&lib))
            .map_err(|e| StartupError::Io(std::io::Error::other(e.to_string())))?
            .with_places(places);
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
}
