//! The documents a plan cites under 政策依据, as a type: an outcome names `Citation::Doc43`,
//! never a string it could mistype. The texts follow the brief's §1–§7.

/// A document (and article) a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Citation {
    /// brief §1: relationship follows the person, years accumulate.
    Law32,
    /// brief §1: who may join 职工医保; the years needed to retire.
    Law23And27,
    /// brief §1: the unemployment fund pays 职工医保 while benefit is drawn.
    Law48,
    /// brief §1: transfer on moving, time limits and progress.
    Reg13And16,
    /// brief §1: the e-voucher is the proof of cover.
    Reg7,
    /// brief §1: no proof beyond ID without a legal basis.
    Reg31,
    /// brief §1, §4.6: manual reimbursement within 30 working days.
    Reg20,
    /// brief §2: the transfer procedure.
    Doc43,
    /// brief §3: enrolment and waiting periods for 居民医保.
    Doc38,
    /// brief §4: filing for treatment elsewhere.
    Doc22,
    /// brief §7: family sharing across provinces (2026-01).
    DocSharing,
}

impl Citation {
    pub fn text(self) -> &'static str {
        match self {
            Citation::Law32 => {
                "《中华人民共和国社会保险法》第三十二条（基本医疗保险关系随本人转移，缴费年限累计计算）"
            }
            Citation::Law23And27 => "《中华人民共和国社会保险法》第二十三条、第二十七条",
            Citation::Law48 => {
                "《中华人民共和国社会保险法》第四十八条（领取失业保险金期间的职工医保费由失业保险基金支付）"
            }
            Citation::Reg13And16 => "《社会保险经办条例》（国务院令第765号）第十三条、第十六条",
            Citation::Reg7 => {
                "《社会保险经办条例》（国务院令第765号）第七条（医保电子凭证是参保凭证）"
            }
            Citation::Reg31 => {
                "《社会保险经办条例》（国务院令第765号）第三十一条（身份证件以外的证明材料须有法律法规依据）"
            }
            Citation::Reg20 => {
                "《社会保险经办条例》（国务院令第765号）第二十条（手工报销 30 个工作日内办完）"
            }
            Citation::Doc43 => "《基本医疗保险关系转移接续暂行办法》（医保办发〔2021〕43号）",
            Citation::Doc38 => {
                "《关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）"
            }
            Citation::Doc22 => {
                "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）"
            }
            Citation::DocSharing => {
                "《关于做好职工基本医疗保险个人账户跨省共济工作的通知》（国家医保局、财政部，2026年1月）"
            }
        }
    }
}
