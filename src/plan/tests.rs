//! Rule tests: one per outcome and per branch, asserting the facts the brief gives.

use super::answers::*;
use super::calendar::WorkingDayCalendar;
use super::flow::Outcome;
use super::regions::{RegionCode, Regions};
use super::rules::{Place, PlanData, TransferPlan, build};
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

const SHENZHEN: RegionCode = RegionCode(440300);
const GUANGZHOU: RegionCode = RegionCode(440100);
const CHANGSHA: RegionCode = RegionCode(430100);
const BEIJING: RegionCode = RegionCode(110000);

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan(a: Answers, today: &str) -> TransferPlan {
    let data = PlanData {
        regions: &REGIONS,
        calendar: &CAL,
        facts: &FACTS,
    };
    build(&a, &data, d(today)).expect("complete answers")
}

fn employee(to: RegionCode, stopped: Stopped, channel: Channel) -> Answers {
    Answers {
        scheme: Some(Scheme::Employee),
        status: Some(Status::Working),
        from: Some(SHENZHEN),
        to: Some(to),
        target: Some(Target::Employee),
        stopped: Some(stopped),
        channel: Some(channel),
        ..Default::default()
    }
}

fn all_text(p: &TransferPlan) -> String {
    let mut s = format!(
        "{} {} {} {}",
        p.title,
        p.conclusion,
        p.case_line,
        p.scope.clone().unwrap_or_default()
    );
    for x in p.checks.iter().chain(&p.materials).chain(&p.warnings) {
        s.push_str(x);
    }
    for st in &p.steps {
        s.push_str(&format!(
            "{} {} {} {}",
            st.title,
            st.who,
            st.what,
            st.time.clone().unwrap_or_default()
        ));
    }
    for n in &p.notes {
        s.push_str(&n.title);
        for para in &n.paragraphs {
            s.push_str(para);
        }
    }
    for r in &p.comparison {
        s.push_str(&r.join(" "));
    }
    s
}

#[test]
fn incomplete_answers_build_no_plan() {
    let data = PlanData {
        regions: &REGIONS,
        calendar: &CAL,
        facts: &FACTS,
    };
    assert!(build(&Answers::default(), &data, d("2026-11-25")).is_none());
}

#[test]
fn unknown_scheme_says_how_to_check() {
    let p = plan(
        Answers {
            scheme: Some(Scheme::Unknown),
            ..Default::default()
        },
        "2026-11-25",
    );
    assert_eq!(p.outcome, Outcome::CheckScheme);
    let t = all_text(&p);
    for needle in ["国家医保服务平台", "医保电子凭证", "工资条", "12393"] {
        assert!(t.contains(needle), "{needle}");
    }
    assert_eq!(p.continues.len(), 3);
    assert!(p.dates.is_empty());
}

#[test]
fn same_place_needs_no_transfer() {
    let mut a = employee(SHENZHEN, Stopped::No, Channel::Online);
    a.target = None;
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::NoTransfer);
    assert!(p.steps.is_empty() && p.dates.is_empty());
    let beijing = plan(
        Answers {
            scheme: Some(Scheme::Resident),
            from: Some(BEIJING),
            to: Some(BEIJING),
            ..Default::default()
        },
        "2026-11-25",
    );
    assert!(all_text(&beijing).contains("直辖市"));
}

#[test]
fn retirees_file_instead_of_transferring_long_stay() {
    let a = Answers {
        scheme: Some(Scheme::Employee),
        status: Some(Status::Retired),
        from: Some(SHENZHEN),
        to: Some(CHANGSHA),
        stay: Some(Stay::Long),
        ..Default::default()
    };
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::RetireeLongStay);
    let t = all_text(&p);
    assert!(t.contains("不包括退休人员"));
    assert!(t.contains("长期有效"));
    assert!(t.contains("个人承诺书"));
    assert!(t.contains("不超过 6 个月"), "change/cancel limit (§4.3)");
    assert!(
        t.contains("本地就医的标准"),
        "paid at the insured place's local standard (§4.5)"
    );
    assert!(p.dates.is_empty(), "no transfer deadlines for retirees");
    assert!(!t.contains("转出地办理转出"));
}

#[test]
fn retirees_temporary_filing() {
    let a = Answers {
        scheme: Some(Scheme::Flexible),
        status: Some(Status::Retired),
        from: Some(SHENZHEN),
        to: Some(CHANGSHA),
        stay: Some(Stay::Temporary),
        ..Default::default()
    };
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::RetireeTemporary);
    let t = all_text(&p);
    assert!(t.contains("不少于 6 个月"), "validity ≥ 6 months (§4.3)");
    assert!(
        t.contains("不超过 10 个百分点") && t.contains("不超过 20 个百分点"),
        "§4.5"
    );
    assert!(
        t.contains("视同已经备案"),
        "emergencies count as filed (§4.2)"
    );
    assert!(t.contains("补办"), "filing late before discharge (§4.6)");
    assert!(
        t.contains("30 个工作日"),
        "manual reimbursement (§1 条例第20条)"
    );
}

#[test]
fn undecided_target_compares_the_two_schemes() {
    let a = Answers {
        scheme: Some(Scheme::Employee),
        status: Some(Status::Left),
        from: Some(SHENZHEN),
        to: Some(CHANGSHA),
        target: Some(Target::Undecided),
        ..Default::default()
    };
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::ChooseScheme);
    assert!(p.comparison.len() >= 5);
    assert_eq!(p.continues.len(), 2);
    assert_eq!(p.continues[0].answers.target, Some(Target::Flexible));
    assert_eq!(p.continues[1].answers.target, Some(Target::Resident));
    assert_eq!(
        p.continues[1].answers.from,
        Some(SHENZHEN),
        "the other answers are kept"
    );
}

#[test]
fn employee_cross_province_online_counts_ten_plus_five_working_days() {
    let p = plan(
        employee(
            CHANGSHA,
            Stopped::Month(YearMonth {
                year: 2026,
                month: 9,
            }),
            Channel::Online,
        ),
        "2026-09-25",
    );
    assert_eq!(p.outcome, Outcome::EmployeeToEmployee);
    assert!(
        p.case_line.contains("跨省") && p.case_line.contains("广东省深圳市 → 湖南省长沙市"),
        "{}",
        p.case_line
    );
    // holidays_vectors.md: 15 working days after 2026-09-25 is 2026-10-22.
    let done = p.dates.iter().find(|k| k.label.contains("转入")).unwrap();
    assert_eq!(done.date, d("2026-10-22"));
    let out = p.dates.iter().find(|k| k.label.contains("转出")).unwrap();
    assert_eq!(
        out.date,
        d("2026-10-15"),
        "10 working days: 9/28,29,30,10/8,9,10(调休),12,13,14,15"
    );
    assert!(p.steps.iter().any(|s| s.place == Place::Online));
    let t = all_text(&p);
    assert!(t.contains("不需要纸质参保凭证"));
    assert!(t.contains("应当"));
    assert!(t.contains("余额"), "personal account moves (§2.8)");
    assert!(t.contains("累计计算"));
    assert!(t.contains("自动解除"), "family sharing ends (§7)");
    assert!(
        t.contains("45 个工作日") && t.contains("旧规程"),
        "the 45-day myth is named as old"
    );
    assert!(p.estimate_note.is_none());
}

#[test]
fn offline_route_uses_certificate_letter_and_form() {
    let p = plan(
        employee(CHANGSHA, Stopped::No, Channel::Offline),
        "2026-11-25",
    );
    let t = all_text(&p);
    for doc in ["参保凭证", "联系函", "信息表"] {
        assert!(t.contains(doc), "{doc}");
    }
    assert!(
        p.steps.iter().any(|s| s.place == Place::Either),
        "apply at either office (§2.5)"
    );
    assert!(p.materials.iter().any(|m| m.contains("参保凭证")));
    assert!(
        p.steps[0].title.contains("停保"),
        "not stopped yet: stopping comes first"
    );
    assert!(
        p.steps[0].who.contains("原单位"),
        "the employer stops an employee"
    );
}

#[test]
fn same_province_is_called_in_province_across_units() {
    let p = plan(
        employee(GUANGZHOU, Stopped::No, Channel::Online),
        "2026-11-25",
    );
    assert!(p.case_line.contains("省内跨统筹区"));
    assert!(
        p.scope.as_deref().unwrap().contains("以") || p.scope.as_deref().unwrap().contains("问")
    );
    assert_eq!(p.guides[0], "within-province");
}

#[test]
fn gap_within_three_months_shows_the_last_day() {
    let p = plan(
        employee(
            CHANGSHA,
            Stopped::Month(YearMonth {
                year: 2026,
                month: 9,
            }),
            Channel::Online,
        ),
        "2026-11-25",
    );
    let gap = p
        .dates
        .iter()
        .find(|k| k.label.contains("断缴"))
        .expect("gap deadline");
    assert_eq!(
        gap.date,
        d("2026-12-31"),
        "stopped Sep: gap Oct–Dec is within 3 months"
    );
    assert!(all_text(&p).contains("追溯"));
}

#[test]
fn gap_over_three_months_warns_of_a_waiting_period() {
    let p = plan(
        employee(
            CHANGSHA,
            Stopped::Month(YearMonth {
                year: 2026,
                month: 5,
            }),
            Channel::Online,
        ),
        "2026-11-25",
    );
    assert!(!p.dates.iter().any(|k| k.label.contains("断缴")));
    let t = all_text(&p);
    assert!(t.contains("最长 6 个月"), "§2.10 ③");
    assert!(
        t.contains("江苏") && t.contains("福建"),
        "local examples named as examples"
    );
}

#[test]
fn employee_to_resident_is_may_apply_with_local_account_handling() {
    let mut a = employee(
        CHANGSHA,
        Stopped::Month(YearMonth {
            year: 2026,
            month: 10,
        }),
        Channel::Online,
    );
    a.status = Some(Status::Left);
    a.target = Some(Target::Resident);
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::EmployeeToResident);
    let t = all_text(&p);
    assert!(t.contains("可以申请"));
    assert!(
        t.contains("各地做法不同"),
        "account handling is UNCONFIRMED nationally (§2.8)"
    );
    assert!(
        t.contains("3 个月的固定等待期"),
        "2025 resident waiting period (§3.3)"
    );
    assert!(t.contains("连续参保满 2 年"), "§2.10 ②");
    assert!(
        t.contains("灵活就业"),
        "suggest flexible employment where employee years matter"
    );
}

#[test]
fn resident_to_employee() {
    let a = Answers {
        scheme: Some(Scheme::Resident),
        from: Some(CHANGSHA),
        to: Some(SHENZHEN),
        target: Some(Target::Employee),
        stopped: Some(Stopped::Month(YearMonth {
            year: 2026,
            month: 10,
        })),
        channel: Some(Channel::Offline),
        ..Default::default()
    };
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::ResidentToEmployee);
    let t = all_text(&p);
    assert!(t.contains("可以申请"));
    assert!(t.contains("新单位代为申请"), "an employer may apply (§2.4)");
    assert!(
        !t.contains("男 50 岁"),
        "the pension myth only for employee-side cases"
    );
}

#[test]
fn resident_to_resident_keeps_this_year_and_joins_next_year() {
    let a = Answers {
        scheme: Some(Scheme::Resident),
        from: Some(CHANGSHA),
        to: Some(SHENZHEN),
        target: Some(Target::Resident),
        stopped: Some(Stopped::No),
        channel: Some(Channel::Online),
        ..Default::default()
    };
    let p = plan(a, "2026-11-25");
    assert_eq!(p.outcome, Outcome::ResidentToResident);
    let t = all_text(&p);
    assert!(t.contains("今年"));
    assert!(t.contains("下一年度"));
    assert!(t.contains("异地就医备案"));
    assert!(t.contains("不要两边同时缴费") || t.contains("重复参保"));
    assert!(
        !t.contains("个人账户余额划转"),
        "residents have no personal account"
    );
}

#[test]
fn dates_past_the_holiday_data_are_marked_as_estimates() {
    let mut a = employee(CHANGSHA, Stopped::No, Channel::Online);
    a.start = Some(d("2026-12-24"));
    let p = plan(a, "2026-11-25");
    let done = p.dates.iter().find(|k| k.label.contains("转入")).unwrap();
    assert!(done.estimated);
    // 12/25, 28, 29, 30, 31, then 2027: 1/1 is 元旦 → 1/4 … 10 working days = 2027-01-08.
    let out = p.dates.iter().find(|k| k.label.contains("转出")).unwrap();
    assert_eq!(out.date, d("2027-01-08"));
    assert!(
        p.estimate_note
            .as_deref()
            .unwrap()
            .contains("2027年放假安排尚未公布")
    );
}

#[test]
fn every_plan_cites_its_basis_and_related_pages() {
    for outcome_answers in [
        employee(CHANGSHA, Stopped::No, Channel::Online),
        Answers {
            scheme: Some(Scheme::Unknown),
            ..Default::default()
        },
    ] {
        let p = plan(outcome_answers, "2026-11-25");
        assert!(!p.basis.is_empty());
        assert!(!p.guides.is_empty());
        assert!(!p.faq.is_empty());
    }
}
