//! Outcome 1, 先确认参保类型: the person does not know their scheme (plan.md "Outcomes" 1).

use super::{Case, Continue, Note, TransferPlan};
use crate::plan::answers::{Answers, Scheme};
use crate::plan::citations::Citation;
use crate::plan::links::{Faq, Guide};

pub(super) fn build(p: &mut TransferPlan, c: &Case) {
    p.title = "先确认你参加的是哪种医保".into();
    p.conclusion =
        "职工医保和居民医保的转移办法不同，先花几分钟确认自己的参保类型，再回来生成方案。".into();
    p.case_line = "参保类型：不确定".into();
    p.notes.push(Note {
        title: "怎么查".into(),
        paragraphs: vec![
            "打开国家医保服务平台 APP，登录后查看本人的参保信息，能看到参保地和险种（职工基本医疗保险或城乡居民基本医疗保险）。".into(),
            "激活并打开医保电子凭证，也能查看参保地和参保类型。医保电子凭证是参加基本医疗保险的法定凭证。".into(),
            "看工资条：每月工资里扣“医疗保险”的，一般是单位为你缴的职工医保。自己每月按职工医保标准缴费的，是灵活就业人员参加的职工医保；一般按年度缴费的是城乡居民医保（原来的新农合、学生和少儿医保都属于这一类）。".into(),
            format!("也可以拨打{}询问。", c.hotline()),
        ],
    });
    for (label, scheme) in [
        ("我是单位缴费的职工医保", Scheme::Employee),
        ("我是灵活就业、自己缴的职工医保", Scheme::Flexible),
        ("我是城乡居民医保（含原新农合、学生医保）", Scheme::Resident),
    ] {
        p.continues.push(Continue {
            label: label.into(),
            answers: Answers {
                scheme: Some(scheme),
                ..Default::default()
            },
        });
    }
    p.basis = vec![Citation::Reg7];
    p.guides = vec![Guide::Overview, Guide::Glossary];
    p.faq = vec![Faq::EVoucher, Faq::NationalPlatform];
}
