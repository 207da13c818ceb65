//! Outcome 5, 保留原地参保，办理异地就医备案: the person joins nothing at the new place, keeps
//! the insurance where it is and files for treatment there (brief §4.1–§4.5; plan.md
//! "Outcomes" 5). A posted employee files as 常驻异地工作人员; everyone else as 异地长期居住人员.

use super::{Case, Note, Place, Step, TransferPlan, scheme_label};
use crate::plan::answers::{Scheme, Status};
use crate::plan::citations::Citation;
use crate::plan::links::{Faq, Guide};

pub(super) fn build(p: &mut TransferPlan, c: &Case) {
    let (from, to) = (c.origin(), c.dest());
    let posted = c.a.scheme == Some(Scheme::Employee) && c.a.status == Some(Status::Working);
    let local = c.same_province();
    let hospitals = if local {
        "联网定点医疗机构"
    } else {
        "跨省联网定点医疗机构"
    };
    let category = if posted {
        "常驻异地工作人员"
    } else {
        "异地长期居住人员"
    };
    p.title = format!("保留{from}的医保，办理异地就医备案");
    p.conclusion = format!(
        "医保关系留在{from}，不用转移；在{to}生活{}期间看病，向{from}申请“{category}”备案，备案后在{to}的{hospitals}可以直接结算。",
        if posted { "、工作" } else { "" }
    );
    p.case_line = format!(
        "{}，保留原地参保：参保地{from}，在{to}{}",
        scheme_label(c.a.scheme),
        if posted { "工作" } else { "长期居住" }
    );
    p.scope = Some(if local {
        "省内不同地区：这是省内异地就医，备案办法由各省规定，以参保地医保经办机构的说明为准。下面的跨省规定可以作参考。".into()
    } else {
        "跨省：按国家跨省异地就医直接结算的规定办理备案。".into()
    });
    let keep_paying = match (c.a.scheme, c.a.status) {
        (Some(Scheme::Employee), Some(Status::Working)) => {
            format!(
                "原单位继续在{from}为你缴费。单位停止为你缴费（停保）或者你换了单位，这个备案的资格就会失效。"
            )
        }
        (Some(Scheme::Employee), _) => format!(
            "离职后单位不再为你缴费：要保留{from}的职工医保，一般要在{from}改为以灵活就业身份缴费，以{from}的规定为准。"
        ),
        (Some(Scheme::Flexible), _) => {
            format!("继续按时在{from}以灵活就业身份缴费，不要断缴。")
        }
        _ => format!(
            "每年在{from}的集中参保期内缴下一年度的居民医保费，不要断保。断保以后再参保，一般要等待一段时间才能报销。"
        ),
    };
    p.checks = vec![
        format!("确认自己在{from}是正常参保状态。"),
        keep_paying.clone(),
        format!("不要在{to}再参加一份医保：国家规定不能重复参保、重复享受待遇。"),
    ];
    let proof = if posted {
        "单位派出证明、异地工作证明或劳动合同，没有的可以用个人承诺书（以参保地要求为准）"
    } else {
        "居住证、户口簿等长期居住证明，没有的很多地方可以用个人承诺书代替（以参保地要求为准）"
    };
    p.steps = vec![
        Step {
            title: format!("保持{from}的参保"),
            place: Place::From,
            who: if posted {
                "原单位".into()
            } else {
                "你本人".into()
            },
            what: keep_paying,
            time: None,
            done: false,
        },
        Step {
            title: format!("申请“{category}”备案"),
            place: Place::From,
            who: if posted {
                "你本人，或请单位协助".into()
            } else {
                "你本人".into()
            },
            what: format!(
                "向{from}（参保地）申请，可以用国家医保服务平台 APP、“国家异地就医备案”微信小程序（多地可用）、参保地医保经办窗口或电话。需要身份证件和备案表，以及{proof}。"
            ),
            time: None,
            done: false,
        },
        Step {
            title: format!("在{to}看病"),
            place: Place::To,
            who: "你本人".into(),
            what: format!(
                "在{to}的{hospitals}就医，结账时直接结算。跨省长期居住类的备案长期有效；原则上按{from}本地就医的标准报销。"
            ),
            time: None,
            done: false,
        },
    ];
    p.materials = vec![
        "身份证件（或社会保障卡、医保电子凭证）".into(),
        "异地就医备案表（线上办理时在页面填写）".into(),
        proof.to_string(),
    ];
    let mut paras = vec![
        "备案类别：国家把跨省异地长期居住人员分为异地安置退休人员、异地长期居住人员和常驻异地工作人员（被单位派到外省工作等）。".into(),
        format!("回{from}看病：长期备案有效期内确实需要回参保地就医的，可以在参保地结算，待遇原则上不低于参保地跨省转诊转院的水平。"),
        format!("以后在{to}找到工作、由单位参保了，就在{to}参保，再停掉{from}的参保并申请转移接续；那时候重新生成一份方案。"),
    ];
    if posted {
        paras.insert(1, "派驻结束回原单位工作的，向参保地申请取消或变更备案；各地对变更、取消的时限规定不同，以参保地为准。".into());
    }
    p.notes.push(Note {
        title: "备案以后".into(),
        paragraphs: paras,
    });
    if let Some(n) = c.unemployment_note() {
        p.notes.insert(0, n);
    }
    p.warnings = vec![
        "“办了异地就医备案就等于转了医保”：备案只是在外地看病能直接结算，医保关系还在原参保地，缴费也在原参保地。".into(),
        "“长期居住备案一年一续”：跨省长期居住类备案长期有效。".into(),
    ];
    p.basis = vec![Citation::Doc22, Citation::Doc43];
    if c.a.status == Some(Status::Left) {
        p.basis.push(Citation::Law48);
    }
    p.guides = vec![Guide::MedicalFiling, Guide::Overview];
    if c.a.scheme == Some(Scheme::Flexible) {
        p.guides.push(Guide::FlexibleWorkers);
    }
    p.faq = vec![
        Faq::FilingLongTerm,
        Faq::HospitalizedWithoutFiling,
        Faq::OrderOfSteps,
    ];
}
