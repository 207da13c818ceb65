//! Outcome 3, 不转移，办理异地就医备案: 职工医保 retirees file for treatment elsewhere instead
//! of transferring (brief §2.2, §4, §5; plan.md "Outcomes" 3).

use super::{Case, Note, Place, Step, TransferPlan, scheme_label};
use crate::plan::answers::Stay;
use crate::plan::citations::Citation;
use crate::plan::links::{Faq, Guide};

pub(super) fn build(p: &mut TransferPlan, c: &Case) {
    let f = c.f();
    let stay = c.a.stay.unwrap_or(Stay::Long);
    let (from, to) = (c.origin(), c.dest());
    let local = c.same_province();
    // Same-province moves are 省内异地就医: each province sets its own filing rules.
    let (kind, hospitals) = if local {
        ("省内异地就医", "联网定点医疗机构")
    } else {
        ("跨省异地就医", "跨省联网定点医疗机构")
    };
    p.case_line = format!(
        "{}，已退休：参保地{from}，在{to}{}",
        scheme_label(c.a.scheme),
        if stay == Stay::Long {
            "长期居住"
        } else {
            "临时就医"
        }
    );
    p.scope = Some(if local {
        "省内不同地区：这是省内异地就医，备案办法由各省规定，以参保地医保经办机构的说明为准。下面的跨省规定可以作参考。".into()
    } else {
        "跨省：按国家跨省异地就医直接结算的规定办理备案。".into()
    });
    // brief §2.2: 43号 covers employees "不含退休人员".
    let why = "退休人员的医保关系一般不办理转移：国家的转移接续办法（43号文）适用于在职职工和居民，明确不包括退休人员。退休后医保关系留在原参保地，到外地生活或看病，办理异地就医备案。".to_string();
    match stay {
        Stay::Long => {
            p.title = "不转移医保关系，办理异地长期居住备案".into();
            p.conclusion = format!(
                "医保关系留在{from}；在{to}长期生活，请向参保地申请“异地安置退休人员”或“异地长期居住人员”备案（{kind}），备案后在{to}的{hospitals}看病可以直接结算。"
            );
            p.checks = vec![
                format!("确认自己在{from}是正常参保、正常享受退休人员医保待遇的状态。"),
                "确认备案类别：异地安置退休人员和异地长期居住人员的认定条件各地不同（例如有的地方要求户籍迁入定居地），以参保地为准。".into(),
            ];
            p.steps = vec![
                Step::new(
                    "准备材料",
                    Place::Online,
                    "你本人（或家人协助）",
                    "身份证件、社会保障卡或医保电子凭证；备案表；在外地长期居住的证明（户口簿、居住证等），没有证明的，很多地方可以用个人承诺书代替。",
                ),
                Step::new(
                    "向参保地提交备案",
                    Place::From,
                    "你本人",
                    "通过国家医保服务平台 APP、“国家异地就医备案”微信小程序（多地可用）、参保地医保经办窗口或电话提交。具体渠道以参保地公布的为准。",
                ),
                Step::new(
                    "备案后看病",
                    Place::To,
                    "你本人",
                    format!(
                        "在{to}的{hospitals}就医，出院或结账时直接结算，不用先垫钱再回{from}报销。"
                    ),
                ),
            ];
            p.materials = vec![
                "身份证件（或社会保障卡、医保电子凭证）".into(),
                "异地就医备案表（线上办理时在页面填写）".into(),
                "长期居住证明：户口簿、居住证等；或个人承诺书（以参保地要求为准）".into(),
            ];
            p.notes.push(Note {
                title: "备案以后".into(),
                paragraphs: vec![
                    why,
                    "有效期：跨省长期居住的备案长期有效，不用每年续办。".into(),
                    format!("变更或取消：据报道，国家要求参保地设置的变更、取消时限原则上不超过 {} 个月，原文措辞未能核实，以参保地的规定为准。", f.change_limit_months),
                    format!("回{from}看病：备案有效期内确实需要回参保地就医的，可以在参保地结算，待遇原则上不低于参保地跨省转诊转院的水平。"),
                    format!("报销标准：在备案地就医，原则上按{from}（参保地）本地就医的标准报销。"),
                ],
            });
            p.warnings = vec![
                "“退休后医保可以转回老家”：国家的转移接续办法不包括退休人员，退休后是办理备案，不是转移关系。".into(),
                "“备案以后看病还得回原参保地报销”：备案后在联网定点医院可以直接结算。".into(),
                format!("“长期居住备案的报销比例要降 {} 个百分点”：降低报销比例的规定针对临时外出就医、又没有转诊的人，长期居住备案按参保地本地标准。", f.drop_other_points),
                "“异地备案一年一续”：跨省长期居住备案长期有效。".into(),
            ];
            p.guides = vec![Guide::Retirees, Guide::MedicalFiling];
            p.faq = vec![
                Faq::RetireeBackHometown,
                Faq::RetireeDirectSettlement,
                Faq::RetireeFilingMaterials,
                Faq::FilingLongTerm,
                Faq::RetireeChangeFiling,
            ];
            p.basis = vec![Citation::Doc43, Citation::Doc22];
        }
        Stay::Temporary => {
            p.title = "不转移医保关系，办理临时外出就医备案".into();
            p.conclusion = format!(
                "医保关系留在{from}；到{to}临时看病，请先向参保地办理临时外出就医备案（{kind}），备案后在{to}的{hospitals}可以直接结算。"
            );
            p.checks = vec![format!("确认自己在{from}是正常参保、正常享受待遇的状态。")];
            p.steps = vec![
                Step::new(
                    "出发前办理备案",
                    Place::From,
                    "你本人（或家人协助）",
                    "通过国家医保服务平台 APP、“国家异地就医备案”微信小程序（多地可用）、参保地医保经办窗口或电话办理。转诊的带上参保地定点医院开的转诊转院证明；其他临时外出的，很多地方可以凭个人承诺书办理。",
                ),
                Step::new(
                    "在外地看病",
                    Place::To,
                    "你本人",
                    format!(
                        "跨省临时外出的备案有效期原则上不少于 {} 个月，有效期内可以在{to}的{hospitals}多次看病并直接结算。",
                        f.temp_filing_months
                    ),
                ),
                Step::new(
                    "忘了备案怎么办",
                    Place::Either,
                    "你本人",
                    format!(
                        "还没出院结账的，赶紧补办备案，补办后可以直接结算；已经自己付钱出院的，补办备案后按参保地规定申请手工报销，经办机构应在 {} 个工作日内办完。",
                        f.manual_days
                    ),
                ),
            ];
            p.materials = vec![
                "身份证件（或社会保障卡、医保电子凭证）".into(),
                "异地就医备案表（线上办理时在页面填写）".into(),
                "转诊的：参保地定点医院开具的转诊转院证明".into(),
                "其他临时外出的：个人承诺书（以参保地要求为准）".into(),
            ];
            p.notes.push(Note {
                title: "报销会有什么不同".into(),
                paragraphs: vec![
                    why,
                    format!("跨省临时外出就医的报销比例可以比在参保地低：转诊、急诊抢救的，原则上降低不超过 {} 个百分点（百分点：报销比例相差的点数）；没有转诊、也不是急诊的其他临时外出就医，原则上降低不超过 {} 个百分点。具体比例以参保地规定为准。", f.drop_referral_points, f.drop_other_points),
                    format!("急诊抢救：在外地突发急病，{hospitals}出具急诊或抢救证明的，视同已经备案。"),
                    format!("如果打算在{to}长期生活，请改为办理异地长期居住备案，报销按参保地本地标准。"),
                ],
            });
            p.warnings = vec![
                "“临时备案只能看一次病”：有效期内可以多次就诊、直接结算。".into(),
                "“没备案就不能报销”：出院结算前补办可以直接结算；自费出院后补办备案也可以申请手工报销。".into(),
            ];
            p.guides = vec![Guide::MedicalFiling, Guide::Retirees];
            p.faq = vec![
                Faq::HospitalizedWithoutFiling,
                Faq::EmergencyTravelling,
                Faq::TemporaryFilingMaterials,
                Faq::TemporaryFilingRate,
                Faq::FilingAfterSelfPaid,
            ];
            p.basis = vec![Citation::Doc43, Citation::Doc22, Citation::Reg20];
        }
    }
}
