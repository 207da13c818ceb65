//! 医保转移接续指南: a server-rendered site that explains how to move basic medical insurance
//! (医保关系转移接续) and file for treatment elsewhere (异地就医备案).
//!
//! - [`content`]: guides and FAQ from `content/`, checked and rendered at start-up;
//! - [`plan`]: the guided form, the rule engine and the working-day calendar;
//! - [`search`]: the SQLite FTS5 index of FAQ entries and guide sections, with Chinese segmentation;
//! - [`web`]: the actix-web layer (handlers, templates, middleware).

pub mod content;
pub mod hash;
pub mod plan;
pub mod search;
pub mod web;
