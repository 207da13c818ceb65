//! Outcome 2, 不需要办理转移: the old and the new place are one unit (plan.md "Outcomes" 2).

use super::{Case, Note, TransferPlan, scheme_label};
use crate::plan::answers::Status;
use crate::plan::citations::Citation;
use crate::plan::links::{Faq, Guide};

pub(super) fn build(p: &mut TransferPlan, c: &Case) {
    let place = c.origin();
    p.title = "不需要办理医保关系转移".into();
    p.conclusion = format!("你选择的原参保地和新地方都是{place}，医保关系不需要转移。");
    p.case_line = format!("{}：{place} → {place}", scheme_label(c.a.scheme));
    let mut paras = vec![
        "医保关系转移接续是在不同的统筹地区之间办的（统筹地区：医保基金统一管理的地区范围）。在同一个地区里换单位、换住处，关系还在同一个地方。".to_string(),
    ];
    if c.from.is_some_and(|r| r.municipality) {
        // brief: whether a municipality is one pooling unit is not in the brief.
        paras.push(format!(
            "{place}是直辖市。直辖市内不同区之间要不要办手续，请向当地医保经办机构确认。"
        ));
    }
    if c.a.status == Some(Status::Retired) {
        paras.push("退休后仍在参保地生活、就医，不需要办理转移，也不需要办理异地就医备案。".into());
    } else {
        paras.push(
            "换了新单位：由新单位为你办理参保登记和缴费（增员），原单位为你办理减员。入职时提醒单位及时办理，尽量不要断缴。"
                .into(),
        );
        paras.push("想换参保类型（例如离职后从职工医保改为灵活就业或居民医保）：这是在本地变更参保类型，到当地医保经办机构或通过当地医保服务渠道办理。".into());
    }
    paras.push(format!(
        "同一个省的不同城市：有的省统筹范围更大，或者省内转移即时办结（例如福建泉州），具体办法以当地为准。拿不准时，问当地医保经办机构，或拨打{}。",
        c.hotline()
    ));
    p.notes.push(Note {
        title: "为什么不用转".into(),
        paragraphs: paras,
    });
    if let Some(n) = c.unemployment_note() {
        p.notes.push(n);
    }
    p.basis = vec![Citation::Doc43, Citation::Law32];
    p.guides = vec![Guide::Overview, Guide::WithinProvince];
    p.faq = vec![Faq::SameProvinceOtherCity, Faq::ChangeJobOtherProvince];
}
