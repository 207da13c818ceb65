//! Outcomes 6–9, the transfers (brief §2.4–§2.14, §3.3, §7): 职工→职工, 职工→居民, 居民→职工
//! and 居民随迁. The order of the steps is the one that keeps the person covered: join the new
//! place, make sure the old one is stopped, then apply (plan.md "The case's timeline").
//! Every date and gap comes from the [`Timeline`]; this module only puts them in words.

use super::{
    Case, KeyDate, KeyDateId, Note, Place, Step, TransferPlan, When, scheme_label, target_label,
};
use crate::plan::answers::{Channel, Scheme, Target, YearMonth};
use crate::plan::citations::Citation;
use crate::plan::flow::Outcome;
use crate::plan::links::{Faq, Guide};
use crate::plan::timeline::{Application, Blocker, Coverage, StartProblem, Timeline};
use chrono::NaiveDate;

pub(super) fn build(p: &mut TransferPlan, c: &Case, t: &Timeline) {
    let a = c.a;
    let (from, to) = (c.origin(), c.dest());
    let resident_move = p.outcome == Outcome::ResidentToResident;

    p.case_line = format!(
        "{} → {}，{}：{from} → {to}",
        scheme_label(a.scheme),
        target_label(a.target),
        if c.same_province() {
            "省内跨统筹区"
        } else {
            "跨省"
        }
    );
    p.scope = Some(scope(c));
    title_and_conclusion(p, c, t);
    p.coverage = Some(coverage_line(c, t));
    p.checks = checks(c, t);
    p.steps = steps(c, t);
    p.materials = materials(c);
    dates(p, c, t);
    if let Some(n) = c.unemployment_note() {
        p.notes.push(n);
    }
    p.notes.push(gap_note(c, t));
    if t.overlap_months > 0 {
        p.notes.push(Note {
            title: "两边同时参保的月份".into(),
            paragraphs: vec![
                format!(
                    "按你的回答，有 {} 个月在{from}和{to}两边都参保。国家规定不能重复参保、重复享受待遇；两边同时缴费的月份，年限一般不能累加（例如厦门明确规定重复缴费的年限不累加）。",
                    t.overlap_months
                ),
                stop_old_words(c),
            ],
        });
    }
    account_and_years(p, c);
    warnings(p, c);

    p.basis = vec![Citation::Law32, Citation::Reg13And16, Citation::Doc43];
    if t.resident_target || !c.employee_side() {
        p.basis.push(Citation::Doc38);
    }
    if a.status == Some(crate::plan::answers::Status::Left) {
        p.basis.push(Citation::Law48);
    }
    p.basis.push(Citation::DocSharing);
    if a.channel == Some(Channel::Offline) {
        p.basis.push(Citation::Reg31);
    }
    related(p, c, resident_move);
}

fn scope(c: &Case) -> String {
    let f = c.f();
    if c.same_province() {
        "省内跨统筹区：同一个省的不同城市可能是不同的统筹地区（统筹地区：医保基金统一管理的地区范围），一般也要办理转移。有的省份统筹范围更大，或者对省内转移即时办结、不用纸质参保凭证（例如福建泉州），办理前先问一下当地医保经办机构。".into()
    } else {
        format!(
            "跨省转移：按国家规定，转出地受理后 {} 个工作日内办完转出，转入地收到信息后 {} 个工作日内办完转入，合计最长约 {} 个工作日。各地可以更快。",
            f.out_days, f.in_days, f.total_days
        )
    }
}

fn title_and_conclusion(p: &mut TransferPlan, c: &Case, t: &Timeline) {
    let (from, to) = (c.origin(), c.dest());
    let (title, conclusion) = match p.outcome {
        // brief §2.4 type 1: 应当; §2.8: the balance moves with a cross-province transfer.
        Outcome::EmployeeToEmployee => (
            "办理职工医保关系转移接续".to_string(),
            format!(
                "先在{to}参加职工医保，{from}停保以后，应当申请把职工医保关系转到{to}，缴费年限累计计算{}。",
                if c.same_province() {
                    "；省内转移时个人账户余额怎么处理，以当地为准"
                } else {
                    "，个人账户余额随关系划转"
                }
            ),
        ),
        // brief §2.4 type 3, §2.8, §2.9.
        Outcome::EmployeeToResident => (
            "职工医保转为居民医保：可以申请转移".to_string(),
            format!(
                "先在{to}参加城乡居民医保，{from}停保以后，可以申请转移接续。职工医保个人账户的余额怎么处理、职工医保年限怎么记，国家没有统一规定，以当地为准。"
            ),
        ),
        // brief §2.4 type 4.
        Outcome::ResidentToEmployee => (
            "居民医保转为职工医保：可以申请转移".to_string(),
            format!(
                "先在{to}参加职工医保，{from}的居民医保保障结束（或停保）以后，可以申请转移接续，把参保记录接过去。"
            ),
        ),
        // brief §2.4 type 2, §2.11.
        _ => {
            let year = t.cover_year.unwrap_or(t.this_month.year() + 1);
            (
                "居民医保随迁：先在新地方参加下一年度居民医保，再申请转移".to_string(),
                format!(
                    "居民医保按年度参保，当年度一般不转。在{to}参加{year}年度的居民医保，等{year}年度的保障开始以后，再申请转移接续。同一年度不要两边缴费。"
                ),
            )
        }
    };
    p.title = title;
    p.conclusion = conclusion;
}

fn month_words(m: YearMonth) -> String {
    m.cn()
}

/// 你现在的保障, from `covered_now` and the gap.
fn coverage_line(c: &Case, t: &Timeline) -> String {
    let (from, to) = (c.origin(), c.dest());
    let old = match t.old_until {
        None => format!("{from}（还在缴费）"),
        Some(m) if !c.employee_side() => format!("{from}（已缴费的保障到{}）", month_words(m)),
        Some(m) => format!("{from}（缴费到{}）", month_words(m)),
    };
    let new = t
        .new_from
        .map(|j| format!("{to}（从{}起）", month_words(j)))
        .unwrap_or_default();
    match t.covered_now {
        Coverage::Old => format!("你现在在{old}参保，{to}还没有开始参保。"),
        Coverage::New => format!("你现在在{new}参保，{from}的参保已经结束。"),
        Coverage::Both => {
            format!("你现在两边都在参保：{old}和{new}。")
        }
        Coverage::None => {
            let since = t
                .old_until
                .map(|m| format!("{from}的参保到{}为止，", month_words(m)))
                .unwrap_or_default();
            let gap = match t.new_from {
                _ if t.gap_months == 0 => String::new(),
                Some(j) if j > t.this_month => format!("中间会中断 {} 个月。", t.gap_months),
                _ => format!("已经中断 {} 个月。", t.gap_months),
            };
            let next = match t.new_from {
                Some(j) => format!("{to}从{}开始参保。", month_words(j)),
                None => format!("{to}还没有参保。"),
            };
            format!("你现在没有参保：{since}{next}{gap}这段时间看病，医保一般不能报销。")
        }
    }
}

/// How the old place gets stopped, for this scheme (brief §2.4 who applies, §2.13 南京).
fn stop_old_words(c: &Case) -> String {
    let (from, to) = (c.origin(), c.dest());
    match c.a.scheme {
        Some(Scheme::Employee) => format!(
            "{from}的参保由原单位在你离职时办理减员（停止为你缴费）。离职后请确认原单位已经办好；可以在国家医保服务平台 APP 的参保信息里看状态。"
        ),
        Some(Scheme::Flexible) => format!(
            "灵活就业的缴费要你自己申请停止：从{to}开始缴费的次月起，停掉{from}的缴费。先停再参会断缴，两边都交会多交钱。"
        ),
        _ => format!(
            "居民医保按年度缴费，已缴的年度结束后就不再续保，不用专门去停；只是不要再缴{from}下一年度的费用。"
        ),
    }
}

fn checks(c: &Case, t: &Timeline) -> Vec<String> {
    let (from, to) = (c.origin(), c.dest());
    let mut out = Vec::new();
    // brief §2.5: the new place checks you are insured there; the old place that you stopped.
    out.push(match t.new_from {
        Some(j) if j <= t.this_month => {
            format!("第一，在{to}参保：你已经从{}起在{to}参保。", j.cn())
        }
        Some(j) => format!(
            "第一，在{to}参保：按你的回答，{}起在{to}参保；到那时再申请。",
            j.cn()
        ),
        None => format!("第一，在{to}参保：你还没有在{to}参保。这是申请转移的前提，要先办。"),
    });
    out.push(format!(
        "第二，{from}已经停保（中止参保：不再在原地参保缴费）。{}",
        stop_old_words(c)
    ));
    out.push("没有欠缴的医保费：有的地方把“无欠费”列为受理条件。".into());
    out.push("不在住院期间：有的地方住院期间不能办理转移，最好出院后再办。".into());
    out.push(if c.employee_side() {
        "家庭共济：如果你用职工医保个人账户和家人建立了共济关系，医保关系跨统筹地区转移时共济关系会自动解除，转移完成后要在新参保地重新建立（2026年1月起可以跨省共济）。有的地方要求申请转移前先解除（例如厦门）。".into()
    } else {
        "家庭共济：如果家人用职工医保个人账户为你缴费或付医药费，你的医保关系跨统筹地区转移时这个共济关系会自动解除，转移完成后请家人重新建立。".into()
    });
    out
}

fn join_step(c: &Case, t: &Timeline) -> Step {
    let to = c.dest();
    let done = t.new_from.is_some_and(|j| j <= t.this_month);
    let (who, what) = match c.a.target {
        Some(Target::Employee) => (
            "新单位",
            format!("新单位在{to}为你办理职工医保参保登记（增员）并缴费。入职时提醒单位尽快办理。"),
        ),
        Some(Target::Flexible) => (
            "你本人",
            format!("到{to}的医保经办机构或当地医保服务渠道，以灵活就业身份参加职工医保并缴费。"),
        ),
        _ if c.a.scheme == Some(Scheme::Resident) => {
            let year = t.cover_year.unwrap_or(t.this_month.year() + 1);
            (
                "你本人",
                format!(
                    "在{to}的集中参保期内，参加{year}年度的城乡居民医保并缴费。集中参保期由各省规定，常在上一年的秋冬季；没有在集中参保期参保的，2025 年起一般要等 {} 个月才能报销。",
                    c.f().resident_fixed_wait
                ),
            )
        }
        _ => (
            "你本人",
            format!("在{to}参加城乡居民医保并缴费。问清楚当地的集中参保期和等待期。"),
        ),
    };
    let what = match t.new_from {
        Some(j) if done => format!("已办好：你从{}起在{to}参保。", j.cn()),
        Some(j) => format!("{what}按你的回答，从{}起参保。", j.cn()),
        None => what,
    };
    Step {
        title: format!("先在{to}参保"),
        place: Place::To,
        who: who.into(),
        what,
        time: None,
        done,
    }
}

fn stop_step(c: &Case, t: &Timeline) -> Step {
    let from = c.origin();
    let done = t.old_until.is_some_and(|m| m < t.this_month);
    let who = match c.a.scheme {
        Some(Scheme::Employee) => "原单位（办理减员）",
        Some(Scheme::Flexible) => "你本人",
        _ => "不用专门办理",
    };
    Step {
        title: if c.employee_side() {
            format!("再确认{from}已经停保")
        } else {
            format!("{from}的保障到期，不再续保")
        },
        place: Place::From,
        who: who.into(),
        what: stop_old_words(c),
        time: None,
        done,
    }
}

fn steps(c: &Case, t: &Timeline) -> Vec<Step> {
    let f = c.f();
    let (from, to) = (c.origin(), c.dest());
    let a = c.a;
    let online = a.channel == Some(Channel::Online);
    let who_applies = if a.target == Some(Target::Employee) {
        "你本人，也可以请新单位代为申请"
    } else {
        "你本人"
    };
    let mut out = Vec::new();
    if p_resident_now(c, t) {
        out.push(Step::new(format!("今年：保障留在{from}，在{to}看病先备案"), Place::From, "你本人", format!("今年已缴费的居民医保继续在{from}享受。住在{to}期间看病，向{from}申请异地就医备案（长期居住的办异地长期居住备案），备案后可以直接结算。")));
    }
    out.push(join_step(c, t));
    out.push(stop_step(c, t));
    let when = match &t.application {
        Application::Dated { start, .. } => {
            Some(format!("{}起可以申请", start.format("%Y年%-m月%-d日")))
        }
        Application::NotYet(_) => Some("前两步办好以后".into()),
    };
    if online {
        out.push(Step {
            title: "在网上提交转移申请".into(),
            place: Place::Online,
            who: who_applies.into(),
            what: format!("在国家医保服务平台 APP 或网上服务大厅找到“转移接续”相关服务，填写转出地（{from}）和转入地（{to}），提交申请。菜单名称以 APP 当前版本为准；也可以用当地的医保或政务服务 APP（例如福建的闽政通）。线上申请一般不需要纸质参保凭证。"),
            time: when,
            done: false,
        });
    } else {
        out.push(Step::new("开具《参保凭证》", Place::From, "你本人", format!("向{from}的医保经办机构申请开具《基本医疗保险参保凭证》（参保凭证：证明你在原地参保缴费情况的单据）。各地办理渠道不同，例如泉州可以在网上、窗口、电话等渠道办理，即时办结。")));
        out.push(Step {
            title: "到窗口提交转移申请".into(),
            place: Place::Either,
            who: who_applies.into(),
            what: format!(
                "带上身份证件和参保凭证，到{to}或{from}任意一地的医保经办窗口，填写转移接续申请表。"
            ),
            time: when,
            done: false,
        });
        out.push(Step::new("转入地出具《联系函》", Place::To, "转入地医保经办机构", "《基本医疗保险关系转移接续联系函》（联系函：转入地请转出地办理转出的公函）。是否需要你本人转交，按窗口的说明办。"));
    }
    out.push(Step {
        title: "转出地办理转出".into(),
        place: Place::From,
        who: "转出地医保经办机构".into(),
        what: if c.employee_side() && !c.same_province() {
            "核对后办理转出，生成《参保人员基本医疗保险信息表》（信息表：记录参保缴费情况的单据）传给转入地，同时把个人账户余额划转过去。".into()
        } else {
            "核对后办理转出，生成《参保人员基本医疗保险信息表》（信息表：记录参保缴费情况的单据）传给转入地。".into()
        },
        time: Some(format!("受理后 {} 个工作日内", f.out_days)),
        done: false,
    });
    out.push(
        Step::new(
            "转入地办理转入",
            Place::To,
            "转入地医保经办机构",
            "收到信息表后核对，把你的参保记录接续到本地。",
        )
        .within(format!("收到信息表后 {} 个工作日内", f.in_days)),
    );
    out.push(Step {
        title: "查进度、核对结果".into(),
        place: Place::Online,
        who: "你本人".into(),
        what: format!(
            "办理过程中可以在国家医保服务平台查询进度。办完后核对缴费年限{}。超过时限没有办好的，先查卡在哪一方，再问那一方的医保经办机构，或拨打{}。",
            if c.employee_side() && !t.resident_target {
                "和个人账户余额是否到账"
            } else {
                "是否接上"
            },
            c.hotline()
        ),
        time: None,
        done: false,
    });
    out
}

/// A resident moving while this year's cover at the old place still runs.
fn p_resident_now(c: &Case, t: &Timeline) -> bool {
    c.a.scheme == Some(Scheme::Resident)
        && t.resident_target
        && t.old_until.is_some_and(|m| t.this_month <= m)
}

fn materials(c: &Case) -> Vec<String> {
    let from = c.origin();
    // brief §2.6, §2.14; 经办条例第31条.
    if c.a.channel == Some(Channel::Online) {
        vec![
            "手机上的国家医保服务平台 APP（已实名注册），或能登录网上服务大厅".into(),
            "医保电子凭证（在 APP 里激活）".into(),
            "身份证（用于核对身份）".into(),
        ]
    } else {
        vec![
            "有效身份证件原件和复印件（或社会保障卡、医保电子凭证）".into(),
            format!("{from}出具的《基本医疗保险参保凭证》"),
            "《基本医疗保险关系转移接续申请表》（窗口领取或当地网站下载，各地要求不同）".into(),
        ]
    }
}

fn day_cn(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

fn dates(p: &mut TransferPlan, c: &Case, t: &Timeline) {
    let f = c.f();
    let (from, to) = (c.origin(), c.dest());
    let online = c.a.channel == Some(Channel::Online);
    if let (Some(j), false) = (t.join_by, t.join_by_passed) {
        p.dates.push(KeyDate {
            id: KeyDateId::JoinBy,
            when: When::Month(j),
            label: format!("最晚在这个月开始在{to}缴费"),
            what: format!(
                "这样中断不超过 {} 个月，可以按规定补缴衔接。这是最保守的算法（各地计算中断月数的口径可能不同），越早接上越稳妥。",
                f.gap_months
            ),
            estimated: false,
        });
    }
    if c.a.scheme == Some(Scheme::Resident) && t.resident_target && t.new_from.is_none() {
        let year = t.cover_year.unwrap_or(t.this_month.year() + 1);
        let window =
            c.to.and_then(|r| c.data.local.enrolment_at(r))
                .and_then(|e| {
                    Some((
                        NaiveDate::from_ymd_opt(year - 1, e.start.0, e.start.1)?,
                        NaiveDate::from_ymd_opt(year - 1, e.end.0, e.end.1)?,
                    ))
                });
        p.dates.push(match window {
            Some((s, e)) => KeyDate {
                id: KeyDateId::Enrol,
                when: When::Period(s, e),
                label: format!("{to}居民医保集中参保期（{year}年度）"),
                what: format!("在这段时间里参加{year}年度的居民医保并缴费，{year}年1月1日起享受待遇。"),
                estimated: false,
            },
            None => KeyDate {
                id: KeyDateId::Enrol,
                when: When::Day(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(t.today)),
                label: format!("{year}年度居民医保开始"),
                what: format!("在这以前的集中参保期内在{to}缴费。集中参保期由各省规定，请向{to}医保经办机构打听具体日期。"),
                estimated: false,
            },
        });
    }
    match &t.application {
        Application::Dated {
            start,
            start_estimated,
            chosen,
            out,
            done,
            earliest,
        } => {
            p.dates.push(KeyDate {
                id: KeyDateId::Apply,
                when: When::Day(*start),
                label: "提交申请".into(),
                what: format!(
                    "{}{}",
                    if online {
                        "在网上提交转移申请。"
                    } else {
                        "到窗口提交转移申请。"
                    },
                    if *chosen {
                        String::new()
                    } else if *earliest > t.today {
                        format!(
                            "这是你最早可以申请的日子（{}起，两个条件都满足）。",
                            day_cn(*earliest)
                        )
                    } else {
                        "两个条件都已满足，今天就可以申请。".into()
                    }
                ),
                estimated: *start_estimated,
            });
            p.dates.push(KeyDate {
                id: KeyDateId::Out,
                when: When::Day(out.date),
                label: format!("转出地（{from}）最晚办完转出"),
                what: format!("按 {} 个工作日计算（从受理次日算起）。", f.out_days),
                estimated: out.estimated,
            });
            p.dates.push(KeyDate {
                id: KeyDateId::In,
                when: When::Day(done.date),
                label: format!("转入地（{to}）最晚办完转入"),
                what: format!(
                    "再加 {} 个工作日，合计 {} 个工作日。",
                    f.in_days, f.total_days
                ),
                estimated: done.estimated,
            });
            if out.estimated || done.estimated {
                p.estimate_note = Some(format!(
                    "{}年放假安排尚未公布，标“估算”的日期只扣除了周末和按固定日期放假的节日（元旦、劳动节、国庆节），春节等节日和调休没有计入，实际日期可能更晚。",
                    c.data.calendar.last_year() + 1
                ));
            }
        }
        Application::NotYet(blockers) => {
            let first: Vec<String> = blockers
                .iter()
                .map(|b| match b {
                    Blocker::NotJoined => format!("在{to}参保"),
                    Blocker::OldNotStopped => format!("{from}停保"),
                })
                .collect();
            p.dates_note = Some(format!(
                "现在还不能提交转移申请：要先{}。两件都办好以后就可以申请；转出 {} 个工作日、转入 {} 个工作日，从申请被受理时开始算。到时候回到这个页面，改一下你的回答，就能算出具体日期。",
                first.join("、"),
                f.out_days,
                f.in_days
            ));
        }
    }
    match t.start_problem {
        Some(StartProblem::TooEarly { earliest }) => {
            p.start_message = Some(format!(
                "提交申请的日期不能早于{}：在那以前，在新地方参保和原地停保这两个条件还没有同时满足。下面的日期按最早可以申请的日子计算。",
                day_cn(earliest)
            ));
            p.start_invalid = true;
        }
        Some(StartProblem::NotYet) => {
            p.start_message =
                Some("你填的办理日期先用不上：现在还不能申请，先办好下面的前两步。".into());
        }
        None => {}
    }
}

fn gap_note(c: &Case, t: &Timeline) -> Note {
    let f = c.f();
    let (from, to) = (c.origin(), c.dest());
    let mut paras = Vec::new();
    if let Some(w) = t.waiting_months {
        // brief §3.3 (38号), §2.10 ②.
        let old = t
            .old_until
            .map(|m| format!("你在{from}的参保到{}。", m.cn()))
            .unwrap_or_default();
        if w == 0 && t.waiting == crate::plan::timeline::Waiting::None {
            paras.push(format!(
                "{old}按你的回答，{to}的居民医保接着开始，中间没有断开，一般没有等待期（等待期：参保缴费后要等一段时间才能报销）。"
            ));
        } else if w == 0 {
            paras.push(format!(
                "{old}从职工医保换到居民医保：已连续参保满 {} 年、中断不超过 {} 个月的，可以按转入地规定补缴，从缴费当月享受待遇，中断期间可以追溯。不满 {} 年的，按国家规定一般有 {} 个月固定等待期（等待期：参保缴费后要等一段时间才能报销）。",
                f.switch_years, f.gap_months, f.switch_years, f.resident_fixed_wait
            ));
        } else {
            let lapse = if t.lapsed_years > 0 {
                format!("从 2025 年算起，你有 {} 个整年没有参保。", t.lapsed_years)
            } else {
                "你不是在集中参保期内接着参保的。".into()
            };
            paras.push(format!(
                "{old}{lapse}按国家规定，2025 年起没有在集中参保期参保或没有连续参保的，参保后有 {} 个月固定等待期；连续断保每多 1 年，再加 1 个月。按这个算法，你至少要等 {w} 个月才能报销（等待期：参保缴费后要等一段时间才能报销）。",
                f.resident_fixed_wait
            ));
            paras.push(format!(
                "可以缩短：按参保地当年的个人缴费标准补缴断保的年份，每多缴 1 年减少 1 个月（只减加上去的那部分）；连续断保 {} 年及以上的，补缴后合计原则上也不少于 {} 个月。新生儿等特殊群体不设等待期。",
                f.repair_floor_years, f.repair_floor_months
            ));
            paras.push("这里只按 2025 年起的断保年数计算；更早的年份怎么算、等待期从哪天起算，以参保地口径为准。".into());
        }
        if c.a.scheme == Some(Scheme::Resident) && t.covered_now == Coverage::None {
            paras.insert(
                0,
                format!("你现在没有参保：已缴费的年度已经结束。请尽快在{to}参保，不要等。"),
            );
        }
        return Note {
            title: "断保与等待期".into(),
            paragraphs: paras,
        };
    }
    // Employee targets: brief §2.10.
    let switch_words = format!(
        "从居民医保换到职工医保的，这条只适用于已经连续参保满 {} 年的人；不满 {} 年的，各地规定不同，问转入地。",
        f.switch_years, f.switch_years
    );
    match (t.old_until, t.new_from) {
        (None, _) => paras.push(format!(
            "你还在{from}缴费。先在{to}参保，再停掉{from}的参保，就不会断缴，也不存在等待期的问题。"
        )),
        (Some(m), Some(j)) if t.gap_months == 0 => paras.push(format!(
            "你在{from}缴费到{}，在{to}从{}开始缴费，中间没有断缴，不存在等待期的问题。",
            m.cn(),
            j.cn()
        )),
        (Some(m), Some(j)) if t.gap_within_limit => {
            paras.push(format!(
                "你在{from}缴费到{}，在{to}从{}开始缴费，中间断了 {} 个月（{}到{}），没有超过 {} 个月：可以按{to}的规定补缴中断的月份，从补缴当月起享受待遇，中断期间的待遇可以追溯。",
                m.cn(),
                j.cn(),
                t.gap_months,
                m.plus(1).cn(),
                j.plus(-1).cn(),
                f.gap_months
            ));
            if t.switch {
                paras.push(switch_words);
            }
        }
        (Some(m), Some(j)) => paras.push(format!(
            "你在{from}缴费到{}，在{to}从{}开始缴费，中间断了 {} 个月，超过 {} 个月：转入地可以设置最长 {} 个月的待遇等待期（等待期：参保缴费后要等一段时间才能报销）。各地规定不同，下面“当地做法”里有你这两个地方的规定时以它为准；没有的，问{to}的医保经办机构。",
            m.cn(),
            j.cn(),
            t.gap_months,
            f.gap_months,
            f.max_wait_months
        )),
        (Some(m), None) if !t.join_by_passed => {
            let by = t.join_by.unwrap_or(m);
            paras.push(format!(
                "你在{from}缴费到{}。最晚从{}起在{to}开始缴费，中断就不超过 {} 个月，可以按规定补缴衔接，中断期间的待遇可以追溯。这是最保守的算法：各地计算中断月数的口径可能不同，越早接上越稳妥。",
                m.cn(),
                by.cn(),
                f.gap_months
            ));
            if t.switch {
                paras.push(switch_words);
            }
        }
        (Some(m), None) => paras.push(format!(
            "你在{from}缴费到{}，到现在已经中断 {} 个月，按最保守的算法已经超过 {} 个月：在{to}参保后，可能要经过最长 {} 个月的等待期才能报销（各地不同）。请尽快参保，不要再拖。",
            m.cn(),
            t.gap_months,
            f.gap_months,
            f.max_wait_months
        )),
    }
    Note {
        title: "断缴与等待期".into(),
        paragraphs: paras,
    }
}

fn account_and_years(p: &mut TransferPlan, c: &Case) {
    let to = c.dest();
    // brief §2.8 (account), §1 and §2.9 (years), §5 (retirement).
    match p.outcome {
        Outcome::EmployeeToEmployee => {
            p.notes.push(Note {
                title: "个人账户".into(),
                paragraphs: vec![if c.same_province() {
                    "省内转移时，个人账户的钱是否实际划转、怎么划转，国家没有统一说法，各地做法不同，以当地医保经办机构为准。".into()
                } else {
                    "跨省转移时，个人账户里的钱跟着医保关系走：转出地办理转出时把余额一起划转，转入地核对到账后计入你的个人账户。到账后多久计入，国家没有统一规定，各地不同；转移期间原地账户显示为零，不必担心。".into()
                }],
            });
            p.notes.push(Note {
                title: "缴费年限".into(),
                paragraphs: vec![
                    "职工医保的缴费年限跨地区累计计算，不会因为转移清零。有的地方把转入的外地年限记为“视同缴费年限”（视同缴费年限：按规定视为已缴费的年限）。".into(),
                    format!("临近退休的，请在退休前办完转移，把关系放在打算享受退休待遇的地方，并问清{to}对累计缴费年限和本地实际缴费年限的要求（各地规定不同）。"),
                ],
            });
        }
        Outcome::EmployeeToResident => {
            p.notes.push(Note {
                title: "个人账户和缴费年限".into(),
                paragraphs: vec![
                    "居民医保没有个人账户。职工医保个人账户的余额在转为居民医保后怎么处理，国家没有统一规定，各地做法不同，以当地医保经办机构为准。".into(),
                    "居民医保的缴费年限能否算作职工医保年限，各地做法不同。如果你看重退休时的职工医保缴费年限，可以考虑以灵活就业身份继续参加职工医保。".into(),
                ],
            });
        }
        Outcome::ResidentToEmployee => {
            p.notes.push(Note {
                title: "缴费年限".into(),
                paragraphs: vec!["居民医保的缴费年限能否折算成职工医保年限，国家没有统一规定，各地做法不同，以转入地为准。从参加职工医保起，职工医保年限跨地区累计计算。".into()],
            });
        }
        _ => {}
    }
}

fn warnings(p: &mut TransferPlan, c: &Case) {
    let f = c.f();
    // The misconceptions of brief §9 that apply to the case.
    p.warnings.push(format!(
        "“医保转移要 {} 个工作日”：这是 2016 年旧规程的说法，已经被取代。现在是转出 {} 个工作日、转入 {} 个工作日，合计最长约 {} 个工作日。",
        f.old_total_days, f.out_days, f.in_days, f.total_days
    ));
    if c.employee_side() {
        p.warnings.push(
            "“男 50 岁、女 40 岁以上跨省就只能建临时账户”：这是养老保险的规定，不是医保的规定。"
                .into(),
        );
    }
    if c.a.channel == Some(Channel::Online) {
        p.warnings
            .push("“必须先回原参保地开纸质参保凭证”：线上跨省转移一般不需要纸质参保凭证。".into());
    }
    p.warnings.push(
        "“先把原来的停掉，再去新地方参保”：这样中间会断缴。应该先在新地方参保，再停掉原来的。"
            .into(),
    );
    p.warnings.push(format!("“停保后 {} 个月内必须办完转移，否则作废”：国家规定里没有这样的申请期限；“{} 个月”说的是中断缴费补缴衔接的时间。", f.gap_months, f.gap_months));
    if p.outcome == Outcome::EmployeeToEmployee && !c.same_province() {
        p.warnings
            .push("“个人账户的钱不能跟着转”：跨省转移时个人账户余额随关系划转。".into());
    }
    p.warnings.push(format!(
        "“断缴超过 {} 个月缴费年限清零”：缴费年限累计计算，断缴主要影响等待期。",
        f.gap_months
    ));
}

fn related(p: &mut TransferPlan, c: &Case, resident_move: bool) {
    let online = c.a.channel == Some(Channel::Online);
    p.guides = match p.outcome {
        Outcome::EmployeeToEmployee => vec![
            if online {
                Guide::EmployeeOnline
            } else {
                Guide::OfflineDocuments
            },
            Guide::PersonalAccount,
            Guide::Gaps,
        ],
        Outcome::EmployeeToResident => {
            vec![
                Guide::EmployeeToResident,
                Guide::Gaps,
                Guide::PersonalAccount,
            ]
        }
        Outcome::ResidentToEmployee => {
            vec![
                Guide::ResidentToEmployee,
                Guide::Gaps,
                Guide::ContributionYears,
            ]
        }
        _ => vec![Guide::ResidentMoving, Guide::MedicalFiling, Guide::Gaps],
    };
    if c.same_province() {
        p.guides.insert(0, Guide::WithinProvince);
    }
    if c.a.scheme == Some(Scheme::Flexible) || c.a.target == Some(Target::Flexible) {
        p.guides.push(Guide::FlexibleWorkers);
    }
    p.faq = match p.outcome {
        Outcome::EmployeeToEmployee => vec![Faq::HowLong, Faq::AccountMoney, Faq::CheckProgress],
        Outcome::EmployeeToResident => {
            vec![
                Faq::EmployeeToResident,
                Faq::EmployeeToResidentBalance,
                Faq::SwitchGap,
            ]
        }
        Outcome::ResidentToEmployee => {
            vec![Faq::ResidentYearsToEmployee, Faq::SwitchGap, Faq::HowLong]
        }
        _ => vec![
            Faq::ResidentMoved,
            Faq::ResidentThisYear,
            Faq::ResidentEnrolment,
            Faq::MissedEnrolment,
        ],
    };
    if !resident_move {
        p.faq.push(Faq::OrderOfSteps);
    }
    if c.a.status == Some(crate::plan::answers::Status::Left) {
        p.faq.push(Faq::UnemploymentBenefit);
    }
    p.faq.push(if online {
        Faq::OnlineHow
    } else {
        Faq::Materials
    });
}
