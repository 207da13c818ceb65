//! All integration tests in one binary (one link step on a two-core machine).
//! The app runs for real on 127.0.0.1 port 0; browser tests drive headless Chromium.

mod browser;
mod caching;
mod foundation;
mod helpers;
mod library;
mod plan;
mod robustness;
mod search;
mod validate;
