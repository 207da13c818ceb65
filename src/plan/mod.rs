//! The guided form and the personal transfer plan (design/plan.md): the answers and the URL
//! contract, the flow as data, the case's timeline (the calculator), one module per outcome
//! for the wording, local rules as data, regions and the working-day calendar.
//! Pure logic: no web types, no I/O beyond reading the data files in [`data`].

pub mod answers;
pub mod calendar;
pub mod citations;
pub mod data;
pub mod flow;
pub mod ics;
pub mod links;
pub mod local;
pub mod outcomes;
pub mod regions;
pub mod timeline;

pub use answers::{Answers, Key};
pub use calendar::WorkingDayCalendar;
pub use data::PlanFiles;
pub use flow::{Node, Outcome};
pub use outcomes::{PlanData, TransferPlan, build};
pub use regions::Regions;
pub use timeline::Timeline;

#[cfg(test)]
mod tests;
