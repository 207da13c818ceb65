//! The web layer: actix-web handlers, templates, middleware. Domain logic lives in
//! `content`, `search` and `plan`; this module only turns requests into calls and pages.
//!
//! - `startup`: settings, loading and checking the content, building [`AppState`];
//! - `state`: the shared state and the per-request page cache;
//! - `routes`: the URL table; `pages/`: one handler and one template struct per page;
//! - `server`: the HTTP server and its middleware; `error`: the one error type and error pages;
//! - `access_log`: one line per request, written in batches.

mod access_log;
pub mod assets;
pub mod cache;
pub mod error;
pub mod layout;
pub mod pages;
pub mod query;
mod routes;
mod server;
mod startup;
mod state;

pub use routes::configure;
pub use server::server;
pub use startup::{
    Clock, PAGE_CACHE_BYTES, Settings, StartupError, china_today, places_of, validate_content,
};
pub use state::AppState;
