//! The guided form and the personal transfer plan (design/plan.md): the answers as typed
//! values, the flow as data, the rule engine, regions and the working-day calendar.
//! Pure logic: no web types, no I/O beyond parsing the data files handed in.

pub mod answers;
pub mod calendar;
pub mod flow;
pub mod regions;
pub mod rules;

pub use answers::{Answers, Key};
pub use calendar::WorkingDayCalendar;
pub use flow::{Node, Outcome};
pub use regions::Regions;
pub use rules::{PlanData, TransferPlan};

#[cfg(test)]
mod tests;
