//! The outcomes (design/plan.md "Outcomes"), one module each: complete, typed answers and the
//! case's [`Timeline`] → a [`TransferPlan`] in words. Policy decisions (dates, gaps, waiting
//! periods) come from the calculator in `timeline.rs`; these modules only say them.
//! Numbers come from `content/data/facts.toml`, the same values the guides use.

mod check_scheme;
mod choose_scheme;
mod keep_and_file;
mod no_transfer;
mod retiree;
mod transfer;

use super::answers::{Answers, Scheme, Status, Target, YearMonth};
use super::calendar::WorkingDayCalendar;
use super::citations::Citation;
use super::flow::{self, Node, Outcome};
use super::links::{Faq, Guide};
use super::local::LocalRules;
use super::regions::{Region, Regions};
use super::timeline::Timeline;
use crate::content::Facts;
use chrono::NaiveDate;

/// Where a step happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    From,
    To,
    Online,
    Either,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub title: String,
    pub place: Place,
    pub who: String,
    pub what: String,
    pub time: Option<String>,
    /// Already done, as the answers say.
    pub done: bool,
}

/// The key dates of design/plan.md, each with its element id on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyDateId {
    JoinBy,
    Apply,
    Out,
    In,
    Enrol,
}

impl KeyDateId {
    /// `key-date-join-by` …
    pub fn id(self) -> &'static str {
        match self {
            KeyDateId::JoinBy => "key-date-join-by",
            KeyDateId::Apply => "key-date-apply",
            KeyDateId::Out => "key-date-out",
            KeyDateId::In => "key-date-in",
            KeyDateId::Enrol => "key-date-enrol",
        }
    }
}

/// A day, a month, or a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(NaiveDate),
    Month(YearMonth),
    Period(NaiveDate, NaiveDate),
}

impl When {
    /// The first day it covers (for the calendar file).
    pub fn first_day(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Period(d, _) => d,
            When::Month(m) => m.first_day(),
        }
    }
}

impl Step {
    /// A step not yet done, with no time limit of its own.
    fn new(
        title: impl Into<String>,
        place: Place,
        who: impl Into<String>,
        what: impl Into<String>,
    ) -> Step {
        Step {
            title: title.into(),
            place,
            who: who.into(),
            what: what.into(),
            time: None,
            done: false,
        }
    }
    fn within(mut self, time: String) -> Step {
        self.time = Some(time);
        self
    }
}

#[derive(Debug, Clone)]
pub struct KeyDate {
    pub id: KeyDateId,
    pub when: When,
    pub label: String,
    pub what: String,
    /// Counted past the last year of official holiday data.
    pub estimated: bool,
}

/// A titled block of plain paragraphs (for 个人账户, 缴费年限, 备案 details …).
#[derive(Debug, Clone)]
pub struct Note {
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// A link that continues the form with some answers filled in.
#[derive(Debug, Clone)]
pub struct Continue {
    pub label: String,
    pub answers: Answers,
}

/// A local rule shown on the plan, with the place it belongs to.
#[derive(Debug, Clone)]
pub struct LocalNote {
    pub topic: String,
    pub text: String,
    pub source: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TransferPlan {
    pub outcome: Outcome,
    /// 结论 in one sentence.
    pub title: String,
    pub conclusion: String,
    /// The case in words: 职工医保，跨省：广东省深圳市 → 湖南省长沙市.
    pub case_line: String,
    pub scope: Option<String>,
    /// 你现在的保障, in one line (transfer outcomes).
    pub coverage: Option<String>,
    pub checks: Vec<String>,
    pub steps: Vec<Step>,
    pub materials: Vec<String>,
    pub dates: Vec<KeyDate>,
    /// Said under 关键日期: why there is no application date yet, and the like.
    pub dates_note: Option<String>,
    pub notes: Vec<Note>,
    /// Side-by-side rows (topic, 职工医保（灵活就业）, 居民医保, 保留原地参保) for choosing.
    pub comparison: Vec<[String; 4]>,
    pub continues: Vec<Continue>,
    pub local: Vec<LocalNote>,
    pub warnings: Vec<String>,
    pub basis: Vec<Citation>,
    pub guides: Vec<Guide>,
    pub faq: Vec<Faq>,
    /// Said on the page when a date rests on estimated holidays.
    pub estimate_note: Option<String>,
    /// The calculator's facts (transfer outcomes).
    pub timeline: Option<Timeline>,
    /// A problem with the `start` the person gave, in words.
    pub start_message: Option<String>,
    /// Whether that problem makes the page a 4xx (a date the case does not allow).
    pub start_invalid: bool,
    pub from_name: Option<String>,
    pub to_name: Option<String>,
}

/// What the rules need besides the answers.
pub struct PlanData<'a> {
    pub regions: &'a Regions,
    pub calendar: &'a WorkingDayCalendar,
    pub facts: &'a Facts,
    pub local: &'a LocalRules,
}

/// Builds the plan for answers that reach an outcome; `None` while a question is unanswered.
/// `today` is the one date of the request (Asia/Shanghai), injected so tests can fix it.
pub fn build(a: &Answers, data: &PlanData, today: NaiveDate) -> Option<TransferPlan> {
    let Node::Done(outcome) = flow::next(a) else {
        return None;
    };
    let from = a.from.and_then(|c| data.regions.get(c));
    let to = a.to.and_then(|c| data.regions.get(c));
    let timeline = if outcome.is_transfer() {
        Timeline::compute(a, today, data.calendar, data.facts)
    } else {
        None
    };
    let mut p = TransferPlan {
        outcome,
        title: String::new(),
        conclusion: String::new(),
        case_line: String::new(),
        scope: None,
        coverage: None,
        checks: Vec::new(),
        steps: Vec::new(),
        materials: Vec::new(),
        dates: Vec::new(),
        dates_note: None,
        notes: Vec::new(),
        comparison: Vec::new(),
        continues: Vec::new(),
        local: Vec::new(),
        warnings: Vec::new(),
        basis: Vec::new(),
        guides: Vec::new(),
        faq: Vec::new(),
        estimate_note: None,
        timeline: None,
        start_message: None,
        start_invalid: false,
        from_name: from.map(Region::full_name),
        to_name: to.map(Region::full_name),
    };
    let c = Case { a, data, from, to };
    match outcome {
        Outcome::CheckScheme => check_scheme::build(&mut p, &c),
        Outcome::NoTransfer => no_transfer::build(&mut p, &c),
        Outcome::RetireeLongStay | Outcome::RetireeTemporary => retiree::build(&mut p, &c),
        Outcome::ChooseScheme => choose_scheme::build(&mut p, &c),
        Outcome::KeepAndFile => keep_and_file::build(&mut p, &c),
        _ => transfer::build(&mut p, &c, timeline.as_ref()?),
    }
    p.timeline = timeline;
    p.local = data
        .local
        .for_case(outcome, from, to)
        .into_iter()
        .map(|r| LocalNote {
            topic: r.topic.clone(),
            text: r.text.clone(),
            source: r.source.clone(),
            url: r.url.clone(),
        })
        .collect();
    Some(p)
}

/// The case an outcome module words: the answers, the data, and the two places.
struct Case<'a> {
    a: &'a Answers,
    data: &'a PlanData<'a>,
    from: Option<&'a Region>,
    to: Option<&'a Region>,
}

impl Case<'_> {
    fn f(&self) -> &Facts {
        self.data.facts
    }
    fn origin(&self) -> String {
        self.from.map(Region::full_name).unwrap_or_default()
    }
    fn dest(&self) -> String {
        self.to.map(Region::full_name).unwrap_or_default()
    }
    fn same_province(&self) -> bool {
        matches!((self.from, self.to), (Some(x), Some(y)) if x.province_code == y.province_code)
    }
    fn employee_side(&self) -> bool {
        self.a.scheme.is_some_and(Scheme::is_employee_side)
    }
    /// The hotline as the brief allows it to be named (§6: its only source is weak).
    fn hotline(&self) -> String {
        format!(
            "医保服务热线 {}（据公开报道，外地拨打请加当地区号）",
            self.f().hotline
        )
    }
    /// brief §1 社会保险法第四十八条: said before advising someone who left a job to pay.
    fn unemployment_note(&self) -> Option<Note> {
        (self.a.status == Some(Status::Left)).then(|| Note {
            title: "正在领失业保险金的".into(),
            paragraphs: vec![
                "领取失业保险金期间，职工医保的费用由失业保险基金支付，个人不用缴（社会保险法第四十八条）。先问清楚自己能不能领、在哪里领，再决定要不要自己缴费，免得多交。".into(),
                "换城市以前，向原参保地问清楚失业保险金和医保在领取期间由哪里支付、搬走后怎么接续；具体办法以当地为准。".into(),
            ],
        })
    }
}

fn scheme_label(s: Option<Scheme>) -> &'static str {
    match s {
        Some(Scheme::Employee) => "职工医保（单位缴费）",
        Some(Scheme::Flexible) => "职工医保（灵活就业）",
        Some(Scheme::Resident) => "城乡居民医保",
        _ => "参保类型未确定",
    }
}

fn target_label(t: Option<Target>) -> &'static str {
    match t {
        Some(Target::Employee) => "职工医保（新单位缴费）",
        Some(Target::Flexible) => "职工医保（灵活就业）",
        Some(Target::Resident) => "城乡居民医保",
        Some(Target::Keep) => "保留原地参保",
        _ => "未定",
    }
}
