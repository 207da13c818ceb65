//! The case's timeline (design/plan.md "The case's timeline"): from the answers and today, the
//! facts a transfer plan rests on: coverage now, the gap, the waiting period, the last month to
//! join, when the person can apply, and the 10 + 5 working-day deadlines. Pure policy: no
//! wording, no web. Every rule cites the brief (`../shared/policy/brief.md`).

use super::answers::{Answers, Joined, Scheme, Stopped, Target, YearMonth};
use super::calendar::{Counted, WorkingDayCalendar};
use crate::content::Facts;
use chrono::NaiveDate;

/// Where the person is insured this month, as the answers say (`data-covered-now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Old,
    New,
    Both,
    None,
}

impl Coverage {
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Old => "old",
            Coverage::New => "new",
            Coverage::Both => "both",
            Coverage::None => "none",
        }
    }
}

/// Whether a waiting period (待遇等待期) may apply at the new place (`data-waiting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    None,
    Possible,
}

impl Waiting {
    pub fn as_str(self) -> &'static str {
        match self {
            Waiting::None => "none",
            Waiting::Possible => "possible",
        }
    }
}

/// Why the person cannot apply yet (brief §2.4, §2.5: the old place must have stopped and the
/// new place must already insure them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    /// Not insured at the new place yet (`joined=no`).
    NotJoined,
    /// Still paying at the old place (`stopped=no`, employee side).
    OldNotStopped,
}

/// When the application can be made, and the deadlines counted from it.
#[derive(Debug, Clone, PartialEq)]
pub enum Application {
    /// Both conditions hold (or will, on `earliest`).
    Dated {
        /// The first day both conditions hold.
        earliest: NaiveDate,
        /// The day counted from: `start` when given and valid, else the default.
        start: NaiveDate,
        /// The default start lies past the holiday data (counted with estimated holidays).
        start_estimated: bool,
        /// Whether `start` came from the person.
        chosen: bool,
        /// 转出地 deadline: `out_days` working days after `start` (brief §2.7).
        out: Counted,
        /// 转入地 deadline: `in_days` working days after `out` (brief §2.7).
        done: Counted,
    },
    /// No date yet: the steps that come first, in order.
    NotYet(Vec<Blocker>),
}

/// A `start` the person gave that the case does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartProblem {
    /// Before the first day both conditions hold.
    TooEarly { earliest: NaiveDate },
    /// There is no application date yet at all.
    NotYet,
}

/// The facts of a transfer case. Months are calendar months in China.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub today: NaiveDate,
    pub this_month: YearMonth,
    /// The last month insured at the old place; `None` while still paying there (employee
    /// side, `stopped=no`). A resident's `stopped=no` is December of this year (brief §2.11).
    pub old_until: Option<YearMonth>,
    /// The first month insured at the new place; `None`: not yet.
    pub new_from: Option<YearMonth>,
    pub covered_now: Coverage,
    /// Whole months with no contribution between the two (up to this month when not joined
    /// yet: the gap if they joined this month); 0 when none or when they overlap.
    pub gap_months: u32,
    /// Months insured at both places (so far, when the old one is still paid).
    pub overlap_months: u32,
    /// A switch between 职工医保 and 居民医保 (brief §2.10 ②: back-pay only after ≥ 2 years).
    pub switch: bool,
    /// A resident scheme is the target (居民医保 at the new place: 38号 waiting periods).
    pub resident_target: bool,
    /// The gap is within the back-pay limit (≤ 3 months, brief §2.10 ①).
    pub gap_within_limit: bool,
    /// Not joined yet: the last month to start paying at the new place and keep the gap within
    /// 3 months, on the conservative reading (stopped + 3).
    pub join_by: Option<YearMonth>,
    /// `join_by` is already past.
    pub join_by_passed: bool,
    pub waiting: Waiting,
    /// Resident targets: the national minimum waiting period in months (38号: 3 fixed + 1 per
    /// extra lapsed year, brief §3.3); 0 when none applies.
    pub waiting_months: Option<u32>,
    /// Resident targets: whole calendar years from 2025 on with no cover at all.
    pub lapsed_years: u32,
    /// Resident targets: the cover year to join at the new place.
    pub cover_year: Option<i32>,
    pub application: Application,
    pub start_problem: Option<StartProblem>,
}

/// The year 38号's waiting periods start to count lapsed years (brief §3.3, §8).
const WAITING_RULES_FROM: i32 = 2025;

impl Timeline {
    /// The timeline of a transfer case: `a` has `scheme`, `target`, `stopped` and `joined`.
    /// `None` for answers that are not a transfer.
    pub fn compute(
        a: &Answers,
        today: NaiveDate,
        calendar: &WorkingDayCalendar,
        facts: &Facts,
    ) -> Option<Timeline> {
        let scheme = a.scheme?;
        let target = a.target?;
        let (stopped, joined) = (a.stopped?, a.joined?);
        let employee_side = scheme.is_employee_side();
        if scheme == Scheme::Unknown || matches!(target, Target::Undecided | Target::Keep) {
            return None;
        }
        let this_month = YearMonth::of(today);
        let limit = facts.gap_months as i32;

        // brief §2.11: a resident's cover runs by the year; "no" = through December.
        let old_until = match stopped {
            Stopped::Month(m) => Some(m),
            Stopped::No if employee_side => None,
            Stopped::No => YearMonth::new(this_month.year(), 12),
        };
        let new_from = match joined {
            Joined::Month(m) => Some(m),
            Joined::No => None,
        };
        let old_now = old_until.is_none_or(|m| this_month <= m);
        let new_now = new_from.is_some_and(|j| j <= this_month);
        let covered_now = match (old_now, new_now) {
            (true, true) => Coverage::Both,
            (true, false) => Coverage::Old,
            (false, true) => Coverage::New,
            (false, false) => Coverage::None,
        };

        let between = |m: YearMonth, j: YearMonth| m.months_until(j) - 1;
        let gap = match (old_until, new_from) {
            (Some(m), Some(j)) => between(m, j),
            (Some(m), None) => between(m, this_month),
            (None, _) => 0,
        }
        .max(0) as u32;
        let overlap = match (old_until, new_from) {
            (Some(m), Some(j)) => j.months_until(m) + 1,
            (None, Some(j)) => j.months_until(this_month) + 1,
            _ => 0,
        }
        .max(0) as u32;

        let resident_target = target == Target::Resident;
        let switch = employee_side != target.is_employee_side();
        let resident_move = !employee_side && resident_target;

        // brief §2.10 ①: the back-pay limit; join_by on the conservative reading (plan.md).
        let join_by = match (old_until, new_from) {
            (Some(m), None) if !resident_move => Some(m.plus(limit)),
            _ => None,
        };
        let join_by_passed = join_by.is_some_and(|j| this_month > j);
        let gap_within_limit = match new_from {
            Some(_) => gap <= limit as u32,
            None => !join_by_passed,
        };

        // Resident targets (brief §3.3, 38号): cover starts with the year when joined in the
        // enrolment period; a lapse or a join outside it brings 3 fixed months, +1 per extra
        // lapsed year. A 职工→居民 switch within 3 months after ≥ 2 years is exempt (§2.10 ②).
        let mut lapsed_years = 0;
        let mut cover_year = None;
        // Exempt only on a condition the form does not ask (≥ 2 years of continuous cover).
        let mut conditional = false;
        let waiting_months = resident_target.then(|| {
            let join = new_from.unwrap_or(if resident_move {
                YearMonth::new(this_month.year() + 1, 1).unwrap_or(this_month)
            } else {
                this_month
            });
            cover_year = Some(join.year());
            let last_covered_year = old_until.map_or(this_month.year(), |m| {
                if m.month() == 12 {
                    m.year()
                } else {
                    m.year() - 1
                }
            });
            lapsed_years = (last_covered_year + 1..join.year())
                .filter(|y| *y >= WAITING_RULES_FROM)
                .count() as u32;
            let gap_to_join = old_until.map_or(0, |m| between(m, join));
            if gap_to_join <= 0 && join.month() == 1 {
                0
            } else if switch && gap_to_join <= limit {
                conditional = true;
                0
            } else {
                facts.resident_fixed_wait + lapsed_years.saturating_sub(1)
            }
        });
        let waiting = match waiting_months {
            Some(w) if w > 0 || conditional => Waiting::Possible,
            Some(_) => Waiting::None,
            // brief §2.10 ③: over 3 months, a waiting period of up to 6 months may apply;
            // §2.10 ②: a switch is back-paid only after ≥ 2 years of continuous cover.
            None if !gap_within_limit || (switch && gap > 0) => Waiting::Possible,
            None => Waiting::None,
        };

        // brief §2.4, §2.5: stopped at the old place and insured at the new one, then apply.
        let mut blockers = Vec::new();
        if new_from.is_none() {
            blockers.push(Blocker::NotJoined);
        }
        if old_until.is_none() {
            blockers.push(Blocker::OldNotStopped);
        }
        let mut start_problem = None;
        let application = match (old_until, new_from) {
            (Some(m), Some(j)) => {
                let earliest = j.first_day().max(m.plus(1).first_day());
                // Today when both conditions hold already (online applications need no office
                // hours); else the first working day on which they do.
                let first = calendar.working_day_on_or_after(earliest);
                let (default, default_estimated) = if earliest <= today {
                    (today, false)
                } else {
                    (first.date, first.estimated)
                };
                let (start, chosen) = match a.start {
                    Some(s) if s < earliest => {
                        start_problem = Some(StartProblem::TooEarly { earliest });
                        (default, false)
                    }
                    Some(s) => (s, true),
                    None => (default, false),
                };
                // brief §2.7: 10 working days to transfer out, then 5 to transfer in.
                let out = calendar.add_working_days(start, facts.out_days);
                let done = calendar.add_working_days(out.date, facts.in_days);
                Application::Dated {
                    earliest,
                    start,
                    start_estimated: !chosen && default_estimated,
                    chosen,
                    out,
                    done,
                }
            }
            _ => {
                if a.start.is_some() {
                    start_problem = Some(StartProblem::NotYet);
                }
                Application::NotYet(blockers)
            }
        };

        Some(Timeline {
            today,
            this_month,
            old_until,
            new_from,
            covered_now,
            gap_months: gap,
            overlap_months: overlap,
            switch,
            resident_target,
            gap_within_limit,
            join_by,
            join_by_passed,
            waiting,
            waiting_months,
            lapsed_years,
            cover_year,
            application,
            start_problem,
        })
    }

    /// The application day, when there is one.
    pub fn start(&self) -> Option<NaiveDate> {
        match &self.application {
            Application::Dated { start, .. } => Some(*start),
            Application::NotYet(_) => None,
        }
    }
}
