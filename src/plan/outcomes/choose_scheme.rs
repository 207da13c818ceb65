//! Outcome 4, 先选好在新地方参加哪种医保: 灵活就业职工医保, 居民医保 and keeping the old
//! insurance side by side, with links that continue the form (plan.md "Outcomes" 4).

use super::{Case, Continue, Note, TransferPlan, scheme_label};
use crate::plan::answers::Target;
use crate::plan::citations::Citation;
use crate::plan::links::{Faq, Guide};

pub(super) fn build(p: &mut TransferPlan, c: &Case) {
    let f = c.f();
    let (from, to) = (c.origin(), c.dest());
    p.title = "先选好在新地方参加哪种医保".into();
    p.conclusion = format!(
        "到{to}后没有单位为你参保时，可以以灵活就业身份参加职工医保，也可以参加城乡居民医保，还可以暂时不在{to}参保、保留{from}的医保并办理异地就医备案。下面把三种做法放在一起比较，选好后继续生成方案。"
    );
    p.case_line = format!("{}：{from} → {to}", scheme_label(c.a.scheme));
    let row = |a: &str, b: String, c: String, d: String| [a.to_string(), b, c, d];
    p.comparison = vec![
        row(
            "谁可以参加",
            "无雇工的个体工商户、非全日制从业人员和其他灵活就业人员可以参加（社会保险法第二十三条）。国家要求放宽在就业地参保的户籍限制，有的省已经取消（例如福建），以当地规定为准。".into(),
            "不属于职工医保覆盖范围的城乡居民。国家要求放开放宽在常住地参保的户籍限制，特大、超大城市要落实持居住证参保。".into(),
            format!("原来在{from}参保的人，继续在{from}缴费。"),
        ),
        row(
            "怎么缴费",
            "个人按当地规定的标准和方式缴费。".into(),
            "按年度缴费，通常要在当地的集中参保期内缴下一年度的费用。集中参保期由各省规定，例如福建为每年9月1日至12月31日。".into(),
            format!("按{from}原来的方式继续缴费（单位职工离职后，一般要改为以灵活就业身份缴费，以当地规定为准）。"),
        ),
        row(
            "在新地方看病",
            format!("在{to}参保后，按{to}的规定报销。"),
            format!("在{to}参保后，按{to}的规定报销。"),
            format!("向{from}办理异地长期居住备案，在{to}的联网定点医疗机构直接结算，原则上按{from}本地就医的标准报销。"),
        ),
        row(
            "缴费年限和退休",
            "职工医保缴费年限跨地区累计计算；达到当地规定的年限后，退休后不再缴费、享受退休人员待遇。".into(),
            "居民医保的缴费年限能否折算成职工医保年限，国家没有统一说法，各地做法不同（例如珠海的旧规定不算）。".into(),
            format!("年限继续在{from}累计。以后在{to}参保了，仍可以再申请转移。"),
        ),
        row(
            "断缴与等待期",
            format!("中断不超过 {} 个月的，可以按规定补缴，待遇衔接；中断更久的，当地可以设最长 {} 个月的等待期。", f.gap_months, f.max_wait_months),
            format!("2025 年起，没有在集中参保期参保或没有连续参保的，一般有 {} 个月固定等待期，断保每多 1 年再加 1 个月。", f.resident_fixed_wait),
            "只要不断缴，就没有等待期的问题。".into(),
        ),
    ];
    p.notes.push(Note {
        title: "怎么选".into(),
        paragraphs: vec![
            "看重退休时的职工医保缴费年限的，可以考虑以灵活就业身份继续参加职工医保。两种医保的缴费标准和报销水平由当地规定，选之前先向当地医保经办机构问清楚。".into(),
            format!("无论选哪一种，都先在新的地方参上保、再停掉原来的，尽量不要断缴：职工医保中断超过 {} 个月、居民医保没有连续参保，都可能要等一段时间才能报销。", f.gap_months),
            format!("拿不准时，先问{to}的医保经办机构，或拨打{}。", c.hotline()),
        ],
    });
    if let Some(n) = c.unemployment_note() {
        p.notes.insert(0, n);
    }
    for (label, t) in [
        ("我选灵活就业职工医保，继续生成方案", Target::Flexible),
        ("我选城乡居民医保，继续生成方案", Target::Resident),
        ("我先保留原地的医保，办理异地就医备案", Target::Keep),
    ] {
        let mut next = c.a.clone();
        next.target = Some(t);
        p.continues.push(Continue {
            label: label.into(),
            answers: next,
        });
    }
    p.basis = vec![
        Citation::Doc43,
        Citation::Doc38,
        Citation::Doc22,
        Citation::Law23And27,
    ];
    if c.a.status == Some(crate::plan::answers::Status::Left) {
        p.basis.push(Citation::Law48);
    }
    p.guides = vec![
        Guide::FlexibleWorkers,
        Guide::EmployeeToResident,
        Guide::Gaps,
        Guide::MedicalFiling,
    ];
    p.faq = vec![
        Faq::FlexibleJoinEmployee,
        Faq::ResidentYearsToEmployee,
        Faq::SwitchGap,
        Faq::OrderOfSteps,
    ];
}
