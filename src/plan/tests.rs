//! Tests of the calculator (one per rule with numbers), of each outcome's wording against the
//! brief, and a few whole-plan snapshots of named cases. Today is always passed in.

use super::answers::*;
use super::calendar::WorkingDayCalendar;
use super::flow::Outcome;
use super::local::LocalRules;
use super::outcomes::{KeyDateId, PlanData, TransferPlan, When, build};
use super::regions::{RegionCode, Regions};
use super::timeline::{Application, Blocker, Coverage, StartProblem, Timeline, Waiting};
use crate::content::Facts;
use chrono::NaiveDate;
use std::sync::LazyLock;

static REGIONS: LazyLock<Regions> =
    LazyLock::new(|| Regions::parse(include_str!("../../content/data/regions.csv")).unwrap());
static CAL: LazyLock<WorkingDayCalendar> = LazyLock::new(|| {
    WorkingDayCalendar::parse(include_str!("../../content/data/holidays.csv")).unwrap()
});
static FACTS: LazyLock<Facts> =
    LazyLock::new(|| Facts::parse(include_str!("../../content/data/facts.toml")).unwrap());
static LOCAL: LazyLock<LocalRules> = LazyLock::new(|| {
    LocalRules::parse(include_str!("../../content/data/local_rules.toml"), |c| {
        REGIONS.get(RegionCode::test(c)).is_some() || REGIONS.province_name(c).is_some()
    })
    .unwrap()
});

const SHENZHEN: RegionCode = RegionCode::test(440300);
const GUANGZHOU: RegionCode = RegionCode::test(440100);
const CHANGSHA: RegionCode = RegionCode::test(430100);
const FUZHOU: RegionCode = RegionCode::test(350100);
const XIAMEN: RegionCode = RegionCode::test(350200);

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn ym(s: &str) -> YearMonth {
    parse_month(s).unwrap()
}
fn stopped(s: &str) -> Stopped {
    if s == "no" {
        Stopped::No
    } else {
        Stopped::Month(ym(s))
    }
}
fn joined(s: &str) -> Joined {
    if s == "no" {
        Joined::No
    } else {
        Joined::Month(ym(s))
    }
}

fn data() -> PlanData<'static> {
    PlanData {
        regions: &REGIONS,
        calendar: &CAL,
        facts: &FACTS,
        local: &LOCAL,
    }
}

fn plan(a: &Answers, today: &str) -> TransferPlan {
    build(a, &data(), d(today)).expect("complete answers")
}

fn case(scheme: Scheme, target: Target, s: &str, j: &str) -> Answers {
    Answers {
        scheme: Some(scheme),
        status: scheme.is_employee_side().then_some(Status::Working),
        from: Some(SHENZHEN),
        to: Some(CHANGSHA),
        target: Some(target),
        stopped: Some(stopped(s)),
        joined: Some(joined(j)),
        channel: Some(Channel::Online),
        ..Default::default()
    }
}

fn timeline(a: &Answers, today: &str) -> Timeline {
    Timeline::compute(a, d(today), &CAL, &FACTS).expect("a transfer case")
}

fn employee(s: &str, j: &str) -> Answers {
    case(Scheme::Employee, Target::Employee, s, j)
}
fn resident(s: &str, j: &str) -> Answers {
    case(Scheme::Resident, Target::Resident, s, j)
}

fn all_text(p: &TransferPlan) -> String {
    let mut s = format!(
        "{} {} {} {} {}",
        p.title,
        p.conclusion,
        p.case_line,
        p.scope.clone().unwrap_or_default(),
        p.coverage.clone().unwrap_or_default()
    );
    for x in p.checks.iter().chain(&p.materials).chain(&p.warnings) {
        s.push_str(x);
    }
    for st in &p.steps {
        s.push_str(&format!("{} {} {}", st.title, st.who, st.what));
    }
    for n in &p.notes {
        s.push_str(&n.title);
        s.push_str(&n.paragraphs.join(""));
    }
    for r in &p.comparison {
        s.push_str(&r.join(" "));
    }
    for l in &p.local {
        s.push_str(&l.text);
    }
    s.push_str(&p.dates_note.clone().unwrap_or_default());
    s
}

fn date_of(p: &TransferPlan, id: KeyDateId) -> Option<When> {
    p.dates.iter().find(|k| k.id == id).map(|k| k.when)
}

// ---------- the calculator ----------

#[test]
fn no_gap_when_cover_starts_the_month_after_the_old_one_ends() {
    // The case of issue 9: left Shenzhen 2025-12, paid in Changsha since 2026-01, applies now.
    let t = timeline(&employee("2025-12", "2026-01"), "2026-11-25");
    assert_eq!(t.gap_months, 0);
    assert_eq!(t.covered_now, Coverage::New);
    assert_eq!(t.waiting, Waiting::None);
    assert!(t.gap_within_limit);
    assert_eq!(
        t.start(),
        Some(d("2026-11-25")),
        "both conditions hold: today"
    );
}

#[test]
fn gaps_of_two_three_and_four_months() {
    for (j, gap, within) in [
        ("2026-08", 2, true),
        ("2026-09", 3, true),
        ("2026-10", 4, false),
    ] {
        let t = timeline(&employee("2026-05", j), "2026-11-25");
        assert_eq!(t.gap_months, gap, "joined {j}");
        assert_eq!(t.gap_within_limit, within, "joined {j}");
        assert_eq!(t.waiting == Waiting::Possible, !within, "joined {j}");
    }
}

#[test]
fn overlap_counts_months_paid_twice_and_no_gap() {
    let t = timeline(&employee("2026-09", "2026-07"), "2026-11-25");
    assert_eq!(t.gap_months, 0);
    assert_eq!(t.overlap_months, 3, "July, August, September");
    let p = plan(&employee("2026-09", "2026-07"), "2026-11-25");
    assert!(p.notes.iter().any(|n| n.title.contains("两边同时参保")));
    // Still paying at the old place and already insured at the new one: both, so far.
    let t = timeline(&employee("no", "2026-10"), "2026-11-25");
    assert_eq!(t.covered_now, Coverage::Both);
    assert_eq!(t.overlap_months, 2);
}

#[test]
fn not_joined_gets_the_last_month_to_join_before_it_passes() {
    let t = timeline(&employee("2026-09", "no"), "2026-11-25");
    assert_eq!(
        t.join_by,
        Some(ym("2026-12")),
        "stopped + 3, the conservative reading"
    );
    assert!(!t.join_by_passed);
    assert_eq!(t.covered_now, Coverage::None);
    assert_eq!(
        t.gap_months, 1,
        "October so far, if they joined in November"
    );
    let p = plan(&employee("2026-09", "no"), "2026-11-25");
    assert_eq!(
        date_of(&p, KeyDateId::JoinBy),
        Some(When::Month(ym("2026-12")))
    );
    assert!(date_of(&p, KeyDateId::Apply).is_none());
    // After it: over 3 months, no join-by date, a waiting period may apply.
    let t = timeline(&employee("2026-07", "no"), "2026-11-25");
    assert!(t.join_by_passed);
    assert_eq!(t.waiting, Waiting::Possible);
    let p = plan(&employee("2026-07", "no"), "2026-11-25");
    assert!(date_of(&p, KeyDateId::JoinBy).is_none());
    assert!(all_text(&p).contains("已经超过 3 个月"));
}

#[test]
fn no_application_date_until_joined_and_stopped() {
    let t = timeline(&employee("2026-09", "no"), "2026-11-25");
    assert_eq!(t.application, Application::NotYet(vec![Blocker::NotJoined]));
    let t = timeline(&employee("no", "no"), "2026-11-25");
    assert_eq!(
        t.application,
        Application::NotYet(vec![Blocker::NotJoined, Blocker::OldNotStopped])
    );
    let t = timeline(&employee("no", "2026-11"), "2026-11-25");
    assert_eq!(
        t.application,
        Application::NotYet(vec![Blocker::OldNotStopped])
    );
    for a in [employee("no", "no"), employee("2026-09", "no")] {
        let p = plan(&a, "2026-11-25");
        assert!(
            p.dates
                .iter()
                .all(|k| k.id != KeyDateId::Apply && k.id != KeyDateId::Out)
        );
        assert!(
            p.dates_note
                .as_deref()
                .unwrap()
                .contains("还不能提交转移申请")
        );
    }
}

#[test]
fn application_defaults_to_the_first_working_day_of_a_future_join() {
    // Joins in January 2027: 2027-01-01 is New Year's Day, 2–3 a weekend.
    let t = timeline(&employee("2026-12", "2027-01"), "2026-11-25");
    assert_eq!(t.start(), Some(d("2027-01-04")));
    // Joins in October 2026: National Day holidays run to 10-07.
    let t = timeline(&employee("2026-08", "2026-10"), "2026-09-20");
    assert_eq!(t.start(), Some(d("2026-10-08")));
}

#[test]
fn a_start_before_the_person_can_apply_is_refused() {
    let mut a = employee("2026-10", "2027-01");
    a.start = Some(d("2026-12-01"));
    let t = timeline(&a, "2026-11-25");
    assert_eq!(
        t.start_problem,
        Some(StartProblem::TooEarly {
            earliest: d("2027-01-01")
        })
    );
    assert_eq!(
        t.start(),
        Some(d("2027-01-04")),
        "dates count from the earliest day"
    );
    let p = plan(&a, "2026-11-25");
    assert!(p.start_invalid);
    // A start after both conditions hold is the person's own, even in the past.
    let mut a = employee("2026-05", "2026-06");
    a.start = Some(d("2026-09-25"));
    assert_eq!(timeline(&a, "2026-11-25").start(), Some(d("2026-09-25")));
}

#[test]
fn ten_plus_five_working_days_across_the_2026_holidays() {
    // holidays_vectors.md: 2026-09-25 + 10 = 2026-10-15, + 5 = 2026-10-22.
    let mut a = employee("2026-05", "2026-06");
    a.start = Some(d("2026-09-25"));
    let Application::Dated { out, done, .. } = timeline(&a, "2026-09-25").application else {
        panic!("dated")
    };
    assert_eq!(out.date, d("2026-10-15"));
    assert_eq!(done.date, d("2026-10-22"));
    assert!(!out.estimated && !done.estimated);
}

#[test]
fn deadlines_past_the_holiday_data_are_estimates() {
    let year = CAL.last_year() + 1;
    let mut a = employee("2026-05", "2026-06");
    a.start = NaiveDate::from_ymd_opt(year, 3, 2);
    let today = format!("{year}-03-01");
    let Application::Dated { out, .. } = timeline(&a, &today).application else {
        panic!("dated")
    };
    assert!(out.estimated);
    assert!(plan(&a, &today).estimate_note.is_some());
}

#[test]
fn residents_current_lapsed_one_year_lapsed_three_years() {
    // Covered through December this year, joining next year's cover: no wait.
    let t = timeline(&resident("no", "no"), "2026-11-25");
    assert_eq!(t.covered_now, Coverage::Old);
    assert_eq!(t.waiting_months, Some(0));
    assert_eq!(t.waiting, Waiting::None);
    assert_eq!(t.cover_year, Some(2027));
    // Last covered year 2025: 2026 lapsed → fixed 3 months.
    let t = timeline(&resident("2025-12", "no"), "2026-11-25");
    assert_eq!(t.covered_now, Coverage::None);
    assert_eq!(t.lapsed_years, 1);
    assert_eq!(t.waiting_months, Some(3));
    // Last covered year 2023: 2024–2026 lapsed, counted from 2025 → 3 + 1.
    let t = timeline(&resident("2023-12", "no"), "2026-11-25");
    assert_eq!(t.lapsed_years, 2);
    assert_eq!(t.waiting_months, Some(4));
    assert_eq!(t.waiting, Waiting::Possible);
    // Joined outside the enrolment period (mid-year): fixed 3 months.
    let t = timeline(&resident("2025-12", "2026-06"), "2026-11-25");
    assert_eq!(t.waiting_months, Some(3));
}

#[test]
fn a_resident_who_joined_next_years_cover_applies_when_it_starts() {
    let t = timeline(&resident("no", "2027-01"), "2026-11-25");
    assert_eq!(t.covered_now, Coverage::Old);
    assert_eq!(t.gap_months, 0);
    assert_eq!(t.waiting_months, Some(0));
    assert_eq!(
        t.start(),
        Some(d("2027-01-04")),
        "not today: this year's cover still runs"
    );
    let p = plan(&resident("no", "2027-01"), "2026-11-25");
    for k in &p.dates {
        assert!(
            k.when.first_day() >= d("2027-01-04"),
            "{:?} dated too early",
            k.id
        );
    }
}

#[test]
fn switches_are_exempt_from_waiting_only_on_a_condition() {
    // 职工→居民 within 3 months: minimum 0 (≥ 2 years), but a wait is possible.
    let t = timeline(
        &case(Scheme::Employee, Target::Resident, "2026-09", "2026-11"),
        "2026-11-25",
    );
    assert_eq!(t.waiting_months, Some(0));
    assert_eq!(t.waiting, Waiting::Possible);
    // 居民→职工 with a one-month gap: possible (back-pay needs ≥ 2 years).
    let t = timeline(
        &case(Scheme::Resident, Target::Employee, "2026-09", "2026-11"),
        "2026-11-25",
    );
    assert!(t.switch);
    assert_eq!(t.waiting, Waiting::Possible);
    // 居民→职工 with the job starting the month after the paid year: no gap, no wait.
    let t = timeline(
        &case(Scheme::Resident, Target::Employee, "no", "2027-01"),
        "2026-11-25",
    );
    assert_eq!(t.gap_months, 0);
    assert_eq!(t.waiting, Waiting::None);
}

#[test]
fn non_transfer_answers_have_no_timeline() {
    let mut a = employee("no", "no");
    a.target = Some(Target::Keep);
    assert!(Timeline::compute(&a, d("2026-11-25"), &CAL, &FACTS).is_none());
}

// ---------- the outcomes, against the brief ----------

#[test]
fn steps_put_joining_before_stopping_before_applying() {
    for a in [
        employee("no", "no"),
        case(Scheme::Flexible, Target::Flexible, "no", "no"),
        resident("no", "no"),
        case(Scheme::Resident, Target::Employee, "no", "no"),
    ] {
        let p = plan(&a, "2026-11-25");
        let pos = |needle: &str| {
            p.steps
                .iter()
                .position(|s| s.title.contains(needle))
                .unwrap_or_else(|| panic!("no step {needle} in {:?}", p.outcome))
        };
        let join = pos("先在");
        let stop = p
            .steps
            .iter()
            .position(|s| s.title.contains("停保") || s.title.contains("不再续保"))
            .unwrap();
        let apply = pos("提交转移申请");
        assert!(
            join < stop && stop < apply,
            "{:?}: {join} {stop} {apply}",
            p.outcome
        );
        assert!(!all_text(&p).contains("先在原参保地停保"));
    }
}

#[test]
fn a_resident_is_never_told_to_apply_now_or_pay_this_year_twice() {
    let p = plan(&resident("no", "no"), "2026-11-25");
    assert!(date_of(&p, KeyDateId::Apply).is_none());
    assert_eq!(
        date_of(&p, KeyDateId::Enrol),
        Some(When::Day(d("2027-01-01")))
    );
    assert!(all_text(&p).contains("2027年度"));
    // Fujian has its enrolment period as data: 9/1–12/31 the year before.
    let mut a = resident("no", "no");
    a.to = Some(FUZHOU);
    let p = plan(&a, "2026-11-25");
    assert_eq!(
        date_of(&p, KeyDateId::Enrol),
        Some(When::Period(d("2026-09-01"), d("2026-12-31")))
    );
}

#[test]
fn a_lapsed_resident_is_told_plainly_they_are_not_insured() {
    let p = plan(&resident("2025-12", "no"), "2026-11-25");
    let t = all_text(&p);
    assert!(p.coverage.as_deref().unwrap().starts_with("你现在没有参保"));
    assert!(t.contains("至少要等 3 个月"));
    assert!(!t.contains("保持有效"));
}

#[test]
fn employee_to_resident_never_says_the_balance_moves() {
    let p = plan(
        &case(Scheme::Employee, Target::Resident, "2026-10", "2026-11"),
        "2026-11-25",
    );
    let t = all_text(&p);
    assert!(t.contains("没有统一规定"));
    assert!(!t.contains("一起转过去"));
    assert!(!t.contains("余额随关系划转"));
}

#[test]
fn within_a_province_the_balance_is_not_promised_either() {
    let mut a = employee("2026-10", "2026-11");
    a.to = Some(GUANGZHOU);
    let t = all_text(&plan(&a, "2026-11-25"));
    assert!(t.contains("省内跨统筹区"));
    assert!(!t.contains("余额随关系划转"));
}

#[test]
fn people_who_left_a_job_hear_about_unemployment_benefit_first() {
    let mut a = employee("2026-10", "no");
    a.status = Some(Status::Left);
    a.target = Some(Target::Flexible);
    let p = plan(&a, "2026-11-25");
    assert!(p.notes[0].paragraphs.join("").contains("失业保险基金"));
    assert!(p.basis.contains(&super::citations::Citation::Law48));
}

#[test]
fn a_posted_employee_keeps_the_insurance_and_files_as_posted() {
    let mut a = employee("no", "no");
    a.target = Some(Target::Keep);
    a.stopped = None;
    a.joined = None;
    a.channel = None;
    let p = plan(&a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::KeepAndFile);
    let t = all_text(&p);
    assert!(t.contains("常驻异地工作人员"));
    assert!(t.contains("劳动合同"));
    assert!(t.contains("资格就会失效"));
    assert!(p.dates.is_empty());
}

#[test]
fn a_flexible_worker_who_keeps_the_old_insurance_files_for_long_term_residence() {
    let a = Answers {
        scheme: Some(Scheme::Flexible),
        status: Some(Status::Working),
        from: Some(SHENZHEN),
        to: Some(GUANGZHOU),
        target: Some(Target::Keep),
        ..Default::default()
    };
    let p = plan(&a, "2026-11-25");
    let t = all_text(&p);
    assert!(t.contains("异地长期居住人员"));
    assert!(t.contains("居住证"));
    assert!(
        t.contains("省内异地就医"),
        "same province: not 跨省 wording"
    );
}

#[test]
fn retirees_in_the_same_province_get_provincial_wording() {
    let a = Answers {
        scheme: Some(Scheme::Employee),
        status: Some(Status::Retired),
        from: Some(SHENZHEN),
        to: Some(GUANGZHOU),
        stay: Some(Stay::Long),
        ..Default::default()
    };
    let p = plan(&a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::RetireeLongStay);
    let t = all_text(&p);
    assert!(t.contains("省内异地就医"));
    assert!(
        t.contains("据报道"),
        "the ≤ 6-month limit is second-hand (§4.3)"
    );
}

#[test]
fn local_rules_show_for_their_place_only() {
    let mut a = employee("2026-05", "2026-10");
    a.to = Some(FUZHOU);
    let p = plan(&a, "2026-11-25");
    assert!(
        p.local
            .iter()
            .any(|l| l.topic.starts_with("福建") && l.text.contains("50%"))
    );
    let p = plan(&employee("2026-05", "2026-10"), "2026-11-25");
    assert!(p.local.iter().all(|l| !l.topic.contains("福建")));
    assert!(
        !all_text(&p).contains("50%"),
        "Fujian's rule is not national"
    );
    // Xiamen's rule is about transferring out of Xiamen.
    let mut a = employee("2026-10", "2026-11");
    a.from = Some(XIAMEN);
    assert!(
        plan(&a, "2026-11-25")
            .local
            .iter()
            .any(|l| l.topic.starts_with("厦门"))
    );
}

#[test]
fn every_plan_cites_and_links_something() {
    for o in Outcome::ALL {
        let a = super::flow::tests_support::answers_for(o);
        let p = plan(&a, "2026-11-25");
        assert_eq!(p.outcome, o);
        assert!(!p.basis.is_empty(), "{o:?}");
        assert!(!p.guides.is_empty() || !p.faq.is_empty(), "{o:?}");
        assert!(!all_text(&p).contains("{{"), "{o:?}");
    }
}

// ---------- snapshots of named cases ----------

/// The plan in plain lines, for a snapshot a person can read in review.
fn snapshot(p: &TransferPlan) -> String {
    let mut s = format!("# {}\n{}\n{}\n", p.title, p.case_line, p.conclusion);
    if let Some(t) = &p.timeline {
        s.push_str(&format!(
            "facts: covered-now={} gap-months={} waiting={} waiting-months={:?}\n",
            t.covered_now.as_str(),
            t.gap_months,
            t.waiting.as_str(),
            t.waiting_months
        ));
    }
    if let Some(c) = &p.coverage {
        s.push_str(&format!("保障：{c}\n"));
    }
    for (i, st) in p.steps.iter().enumerate() {
        s.push_str(&format!(
            "{}. {}{}\n",
            i + 1,
            st.title,
            if st.done { "（已办好）" } else { "" }
        ));
    }
    for k in &p.dates {
        s.push_str(&format!("{}: {:?} {}\n", k.id.id(), k.when, k.label));
    }
    if let Some(n) = &p.dates_note {
        s.push_str(&format!("{n}\n"));
    }
    for l in &p.local {
        s.push_str(&format!("当地：{}\n", l.topic));
    }
    s
}

fn check_snapshot(name: &str, p: &TransferPlan) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/plan/snapshots")
        .join(format!("{name}.txt"));
    let got = snapshot(p);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it")
    });
    assert_eq!(
        got, want,
        "snapshot {name} changed: review, then UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn snapshots_of_named_cases() {
    let today = "2026-11-25";
    check_snapshot(
        "no-gap-shenzhen-changsha",
        &plan(&employee("2025-12", "2026-01"), today),
    );
    check_snapshot(
        "two-month-gap",
        &plan(&employee("2026-08", "2026-11"), today),
    );
    check_snapshot("still-employed-moving", &plan(&employee("no", "no"), today));
    check_snapshot("lapsed-resident", &plan(&resident("2025-12", "no"), today));
    check_snapshot(
        "resident-joined-next-year",
        &plan(&resident("no", "2027-01"), today),
    );
    let mut posted = employee("no", "no");
    posted.target = Some(Target::Keep);
    check_snapshot(
        "posted-employee",
        &plan(&super::flow::prune(&posted), today),
    );
    let mut graduate = case(Scheme::Resident, Target::Employee, "no", "2027-07");
    graduate.channel = Some(Channel::Offline);
    check_snapshot("graduate-first-job", &plan(&graduate, "2027-03-10"));
}
