//! The rule engine: complete, typed answers → a [`TransferPlan`]. Pure: no I/O, no web types.
//! Every rule cites the policy brief's section (`../shared/policy/brief.md`, "§2.7").
//! Numbers come from `content/data/facts.toml` through [`Facts`], the same values the guides use.

use super::answers::{Answers, Channel, Scheme, Status, Stay, Stopped, Target, YearMonth};
use super::calendar::WorkingDayCalendar;
use super::flow::{self, Node, Outcome};
use super::regions::{Region, Regions};
use crate::content::Facts;
use chrono::NaiveDate;

/// Where a step happens.
#[derive(Debug, Clone, PartialEq)]
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
}

#[derive(Debug, Clone)]
pub struct KeyDate {
    pub date: NaiveDate,
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

#[derive(Debug, Clone)]
pub struct TransferPlan {
    pub outcome: Outcome,
    /// 结论 in one sentence.
    pub title: String,
    pub conclusion: String,
    /// The case in words: 职工医保，跨省：广东省深圳市 → 湖南省长沙市.
    pub case_line: String,
    pub scope: Option<String>,
    pub checks: Vec<String>,
    pub steps: Vec<Step>,
    pub materials: Vec<String>,
    pub dates: Vec<KeyDate>,
    pub notes: Vec<Note>,
    /// Side-by-side rows (topic, 职工医保（灵活就业）, 居民医保) for choosing a scheme.
    pub comparison: Vec<[String; 3]>,
    pub continues: Vec<Continue>,
    pub warnings: Vec<String>,
    pub basis: Vec<&'static str>,
    pub guides: Vec<&'static str>,
    pub faq: Vec<&'static str>,
    /// Said on the page when a date rests on estimated holidays.
    pub estimate_note: Option<String>,
    pub start: NaiveDate,
    pub from_name: Option<String>,
    pub to_name: Option<String>,
}

/// What the rules need besides the answers.
pub struct PlanData<'a> {
    pub regions: &'a Regions,
    pub calendar: &'a WorkingDayCalendar,
    pub facts: &'a Facts,
}

const LAW_32: &str =
    "《中华人民共和国社会保险法》第三十二条（基本医疗保险关系随本人转移，缴费年限累计计算）";
const REG_13_16: &str = "《社会保险经办条例》（国务院令第765号）第十三条、第十六条";
const REG_31: &str =
    "《社会保险经办条例》（国务院令第765号）第三十一条（身份证件以外的证明材料须有法律法规依据）";
const DOC_43: &str = "《基本医疗保险关系转移接续暂行办法》（医保办发〔2021〕43号）";
const DOC_38: &str = "《关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）";
const DOC_22: &str =
    "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）";
const DOC_SHARE: &str =
    "《关于做好职工基本医疗保险个人账户跨省共济工作的通知》（国家医保局、财政部，2026年1月）";
const REG_20: &str =
    "《社会保险经办条例》（国务院令第765号）第二十条（手工报销 30 个工作日内办完）";

/// Builds the plan for answers that reach an outcome; `None` while a question is unanswered.
pub fn build(a: &Answers, data: &PlanData, today: NaiveDate) -> Option<TransferPlan> {
    let Node::Done(outcome) = flow::next(a) else {
        return None;
    };
    let start = a.start.unwrap_or(today);
    let from = a.from.and_then(|c| data.regions.get(c));
    let to = a.to.and_then(|c| data.regions.get(c));
    let mut p = TransferPlan {
        outcome,
        title: String::new(),
        conclusion: String::new(),
        case_line: String::new(),
        scope: None,
        checks: Vec::new(),
        steps: Vec::new(),
        materials: Vec::new(),
        dates: Vec::new(),
        notes: Vec::new(),
        comparison: Vec::new(),
        continues: Vec::new(),
        warnings: Vec::new(),
        basis: Vec::new(),
        guides: Vec::new(),
        faq: Vec::new(),
        estimate_note: None,
        start,
        from_name: from.map(Region::full_name),
        to_name: to.map(Region::full_name),
    };
    let ctx = Ctx {
        a,
        data,
        from,
        to,
        start,
    };
    match outcome {
        Outcome::CheckScheme => check_scheme(&mut p, &ctx),
        Outcome::NoTransfer => no_transfer(&mut p, &ctx),
        Outcome::RetireeLongStay => retiree(&mut p, &ctx, Stay::Long),
        Outcome::RetireeTemporary => retiree(&mut p, &ctx, Stay::Temporary),
        Outcome::ChooseScheme => choose_scheme(&mut p, &ctx),
        _ => transfer(&mut p, &ctx),
    }
    Some(p)
}

struct Ctx<'a> {
    a: &'a Answers,
    data: &'a PlanData<'a>,
    from: Option<&'a Region>,
    to: Option<&'a Region>,
    start: NaiveDate,
}

impl Ctx<'_> {
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
        matches!(self.a.scheme, Some(Scheme::Employee | Scheme::Flexible))
    }
    fn hotline(&self) -> String {
        format!("{}（外地拨打请加区号）", self.f().hotline)
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
        _ => "未定",
    }
}

/// Outcome 1: the person does not know their scheme (plan.md "Outcomes" 1).
fn check_scheme(p: &mut TransferPlan, c: &Ctx) {
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
            format!("也可以拨打医保服务热线 {} 询问。", c.hotline()),
        ],
    });
    for (label, scheme) in [
        ("我是单位缴费的职工医保", Scheme::Employee),
        ("我是灵活就业、自己缴的职工医保", Scheme::Flexible),
        ("我是城乡居民医保（含原新农合）", Scheme::Resident),
    ] {
        p.continues.push(Continue {
            label: label.into(),
            answers: Answers {
                scheme: Some(scheme),
                ..Default::default()
            },
        });
    }
    p.basis = vec!["《社会保险经办条例》（国务院令第765号）第七条（医保电子凭证是参保凭证）"];
    p.guides = vec!["overview", "glossary"];
    p.faq = vec![
        "d-medical-insurance-e-voucher",
        "d-national-medical-insurance-platform",
    ];
}

/// Outcome 2: one unit, nothing to transfer (plan.md "Outcomes" 2).
fn no_transfer(p: &mut TransferPlan, c: &Ctx) {
    let place = c.origin();
    p.title = "不需要办理医保关系转移".into();
    p.conclusion = format!("你选择的原参保地和新地方都是{place}，医保关系不需要转移。");
    p.case_line = format!("{}：{place} → {place}", scheme_label(c.a.scheme));
    let mut paras = vec![
        "医保关系转移接续是在不同的统筹地区之间办的（统筹地区：医保基金统一管理的地区范围）。在同一个地区里换单位、换住处，关系还在同一个地方。".to_string(),
    ];
    if c.from.is_some_and(|r| r.municipality) {
        paras.push(format!("{place}是直辖市，按一个地区办理。"));
    }
    if c.a.status == Some(Status::Retired) {
        paras.push("退休后仍在参保地生活、就医，不需要办理转移，也不需要办理异地就医备案。".into());
    } else {
        paras.push(
            "换了新单位：由新单位为你办理参保登记和缴费，请入职时提醒单位及时办理，尽量不要断缴。"
                .into(),
        );
        paras.push("想换参保类型（例如离职后从职工医保改为灵活就业或居民医保）：这是在本地变更参保类型，到当地医保经办机构或通过当地医保服务渠道办理。".into());
    }
    paras.push(format!(
        "个别地区的统筹范围和具体办法有差异，办理前请向当地医保经办机构确认，或拨打 {}。",
        c.hotline()
    ));
    p.notes.push(Note {
        title: "为什么不用转".into(),
        paragraphs: paras,
    });
    p.basis = vec![DOC_43, LAW_32];
    p.guides = vec!["overview", "within-province"];
    p.faq = vec![
        "c-same-province-other-city",
        "c-change-job-other-province-transfer",
    ];
}

/// Outcome 3: retirees file for treatment elsewhere instead of transferring (§2.2, §4, §5).
fn retiree(p: &mut TransferPlan, c: &Ctx, stay: Stay) {
    let f = c.f();
    let (from, to) = (c.origin(), c.dest());
    p.case_line = format!(
        "{}，已退休：参保地{from}，在{to}{}",
        scheme_label(c.a.scheme),
        if stay == Stay::Long {
            "长期居住"
        } else {
            "临时就医"
        }
    );
    if !c.same_province() {
        p.scope = Some("跨省：按国家跨省异地就医直接结算的规定办理备案。".into());
    } else {
        p.scope = Some(
            "省内不同地区：省内异地就医的备案办法由各省规定，以参保地医保经办机构的说明为准。"
                .into(),
        );
    }
    // brief §2.2: 43号 covers employees "不含退休人员".
    let why = "退休人员的医保关系一般不办理转移：国家的转移接续办法（43号文）适用于在职职工和居民，明确不包括退休人员。退休后医保关系留在原参保地，到外地生活或看病，办理异地就医备案。".to_string();
    match stay {
        Stay::Long => {
            p.title = "不转移医保关系，办理异地长期居住备案".into();
            p.conclusion = format!(
                "医保关系留在{from}；在{to}长期生活，请向参保地申请“异地安置退休人员”或“异地长期居住人员”备案，备案后在{to}的联网定点医院看病可以直接结算。"
            );
            p.checks = vec![
                format!("确认自己在{from}是正常参保、正常享受退休人员医保待遇的状态。"),
                "确认备案类别：有的地方（例如中山）把“退休后在异地定居并且户籍迁入当地”的人算作异地安置退休人员；户籍没有迁的，问参保地能否按异地长期居住人员备案。各地口径不同，以参保地为准。".into(),
            ];
            p.steps = vec![
                Step {
                    title: "准备材料".into(),
                    place: Place::Online,
                    who: "你本人（或家人协助）".into(),
                    what: "身份证件、社会保障卡或医保电子凭证；备案表；在外地长期居住的证明（户口簿、居住证等），没有证明的，很多地方可以用个人承诺书代替。".into(),
                    time: None,
                },
                Step {
                    title: "提交备案".into(),
                    place: Place::From,
                    who: "你本人".into(),
                    what: "通过国家医保服务平台 APP、“国家异地就医备案”微信小程序（多地可用）、参保地医保经办窗口或电话提交。具体渠道以参保地公布的为准。".into(),
                    time: None,
                },
                Step {
                    title: "备案后看病".into(),
                    place: Place::To,
                    who: "你本人".into(),
                    what: format!("在{to}的跨省联网定点医疗机构就医，出院或结账时直接结算，不用先垫钱再回{from}报销。"),
                    time: None,
                },
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
                    format!("变更或取消：参保地可以规定备案后多久才能变更或取消，原则上不超过 {} 个月，以参保地的规定为准。", f.change_limit_months),
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
            p.guides = vec!["retirees", "medical-filing"];
            p.faq = vec![
                "c-retiree-transfer-back-hometown",
                "d-retiree-hometown-direct-settlement",
                "d-retiree-filing-materials",
                "d-filing-long-term-or-yearly",
                "d-retiree-change-or-cancel-filing",
            ];
        }
        Stay::Temporary => {
            p.title = "不转移医保关系，办理临时外出就医备案".into();
            p.conclusion = format!(
                "医保关系留在{from}；到{to}临时看病，请先向参保地办理临时外出就医备案，备案后在{to}的联网定点医院可以直接结算。"
            );
            p.checks = vec![format!("确认自己在{from}是正常参保、正常享受待遇的状态。")];
            p.steps = vec![
                Step {
                    title: "出发前办理备案".into(),
                    place: Place::From,
                    who: "你本人（或家人协助）".into(),
                    what: "通过国家医保服务平台 APP、“国家异地就医备案”微信小程序（多地可用）、参保地医保经办窗口或电话办理。转诊的带上参保地定点医院开的转诊转院证明；其他临时外出的，很多地方可以凭个人承诺书办理。".into(),
                    time: None,
                },
                Step {
                    title: "在外地看病".into(),
                    place: Place::To,
                    who: "你本人".into(),
                    what: format!("备案有效期原则上不少于 {} 个月，有效期内可以在{to}的联网定点医院多次看病并直接结算。", f.temp_filing_months),
                    time: None,
                },
                Step {
                    title: "忘了备案怎么办".into(),
                    place: Place::Either,
                    who: "你本人".into(),
                    what: format!("还没出院结账的，赶紧补办备案，补办后可以直接结算；已经自己付钱出院的，补办备案后按参保地规定申请手工报销，经办机构应在 {} 个工作日内办完。", f.manual_days),
                    time: None,
                },
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
                    format!("临时外出就医的报销比例可以比在参保地低：转诊、急诊抢救的，原则上降低不超过 {} 个百分点；没有转诊、也不是急诊的其他临时外出就医，原则上降低不超过 {} 个百分点。具体比例以参保地规定为准。", f.drop_referral_points, f.drop_other_points),
                    "急诊抢救：在外地突发急病，定点医院出具急诊或抢救证明的，视同已经备案。".into(),
                    format!("如果打算在{to}长期生活，请改为办理异地长期居住备案，报销按参保地本地标准。"),
                ],
            });
            p.warnings = vec![
                "“临时备案只能看一次病”：有效期内可以多次就诊、直接结算。".into(),
                "“没备案就不能报销”：出院结算前补办可以直接结算；自费出院后补办备案也可以申请手工报销。".into(),
            ];
            p.guides = vec!["medical-filing", "retirees"];
            p.faq = vec![
                "d-hospitalized-elsewhere-without-filing",
                "d-emergency-while-travelling",
                "d-temporary-filing-materials",
                "d-temporary-filing-lower-rate",
                "d-filing-after-self-paid",
            ];
            p.basis.push(REG_20);
        }
    }
    p.basis.splice(0..0, [DOC_43, DOC_22]);
}

/// Outcome 4: the person has not decided what to join at the new place.
fn choose_scheme(p: &mut TransferPlan, c: &Ctx) {
    let f = c.f();
    let to = c.dest();
    p.title = "先选好在新地方参加哪种医保".into();
    p.conclusion = format!(
        "到{to}后，没有单位为你参保时，可以自己以灵活就业身份参加职工医保，也可以参加城乡居民医保。下面把两者放在一起比较，选好后继续生成方案。"
    );
    p.case_line = format!("{}：{} → {to}", scheme_label(c.a.scheme), c.origin());
    let row = |a: &str, b: String, c: String| [a.to_string(), b, c];
    p.comparison = vec![
        row(
            "谁可以参加",
            "无雇工的个体工商户、非全日制从业人员和其他灵活就业人员可以参加（社会保险法第二十三条）。国家要求放宽在就业地参保的户籍限制，有的省已经取消（例如福建），以当地规定为准。".into(),
            "不属于职工医保覆盖范围的城乡居民。国家要求放开放宽在常住地参保的户籍限制，特大、超大城市要落实持居住证参保。".into(),
        ),
        row(
            "怎么缴费",
            "个人按当地规定的标准和方式缴费。".into(),
            "按年度缴费，通常要在当地的集中参保期内缴下一年度的费用。集中参保期由各省规定，例如福建为每年9月1日至12月31日。".into(),
        ),
        row(
            "个人账户",
            "职工医保有个人账户，灵活就业人员的个人账户怎么划入以当地规定为准。".into(),
            "没有个人账户。".into(),
        ),
        row(
            "看病报销",
            "报销比例、起付线、封顶线由当地规定，以当地医保部门公布的为准。".into(),
            "报销比例、起付线、封顶线由当地规定，以当地医保部门公布的为准。".into(),
        ),
        row(
            "缴费年限和退休",
            "职工医保缴费年限累计计算；达到当地规定的年限后，退休后不再缴费、享受退休人员待遇。".into(),
            "居民医保的缴费年限能否折算成职工医保年限，国家没有统一说法，各地做法不同（例如珠海的旧规定不算）。".into(),
        ),
        row(
            "断缴与等待期",
            format!("中断不超过 {} 个月的，可以按规定补缴，待遇衔接；中断更久的，当地可以设最长 {} 个月的等待期。", f.gap_months, f.max_wait_months),
            format!("2025 年起，没有在集中参保期参保或没有连续参保的，一般有 {} 个月固定等待期，断保每多 1 年再加 1 个月。", f.resident_fixed_wait),
        ),
    ];
    p.notes.push(Note {
        title: "怎么选".into(),
        paragraphs: vec![
            "看重退休时的职工医保缴费年限的，可以考虑以灵活就业身份继续参加职工医保。两种医保的缴费标准和报销水平由当地规定，选之前先向当地医保经办机构问清楚。".into(),
            format!("无论选哪一种，都尽量不要断缴：职工医保中断超过 {} 个月、居民医保没有连续参保，都可能要等一段时间才能报销。", f.gap_months),
            format!("拿不准时，先问{to}的医保经办机构，或拨打 {}。", c.hotline()),
        ],
    });
    for (label, t) in [
        ("我选灵活就业职工医保，继续生成方案", Target::Flexible),
        ("我选城乡居民医保，继续生成方案", Target::Resident),
    ] {
        let mut next = c.a.clone();
        next.target = Some(t);
        p.continues.push(Continue {
            label: label.into(),
            answers: next,
        });
    }
    p.basis = vec![
        DOC_43,
        DOC_38,
        "《中华人民共和国社会保险法》第二十三条、第二十七条",
    ];
    p.guides = vec![
        "flexible-workers",
        "employee-to-resident",
        "gaps-and-waiting-periods",
    ];
    p.faq = vec![
        "d-flexible-worker-join-employee",
        "c-resident-years-to-employee",
        "c-switch-employee-resident-gap",
    ];
}

/// Outcomes 5–8: a transfer with steps, dates and materials (§2.4–§2.14, §3.3, §7).
fn transfer(p: &mut TransferPlan, c: &Ctx) {
    let f = c.f();
    let a = c.a;
    let (from, to) = (c.origin(), c.dest());
    let online = a.channel == Some(Channel::Online);
    let employee_side = c.employee_side();
    let to_resident = a.target == Some(Target::Resident);
    let flexible_now = a.scheme == Some(Scheme::Flexible);
    let target_employer = a.target == Some(Target::Employee);

    // The case in words.
    let scope_word = if c.same_province() {
        "省内跨统筹区"
    } else {
        "跨省"
    };
    p.case_line = format!(
        "{} → {}，{scope_word}：{from} → {to}",
        scheme_label(a.scheme),
        target_label(a.target)
    );
    p.scope = Some(if c.same_province() {
        "省内跨统筹区：同一个省的不同城市可能是不同的统筹地区（统筹地区：医保基金统一管理的地区范围），一般也要办理转移。有的省份统筹范围更大，或者对省内转移即时办结、不用纸质参保凭证（例如福建泉州），办理前先问一下当地医保经办机构。".into()
    } else {
        format!(
            "跨省转移：按国家规定，转出地受理后 {} 个工作日内办完转出，转入地收到信息后 {} 个工作日内办完转入，合计最长约 {} 个工作日。各地可以更快。",
            f.out_days, f.in_days, f.total_days
        )
    });

    // Title and conclusion (§2.4: 应当 for 职工→职工, 可以 for the others).
    let (title, conclusion) = match p.outcome {
        Outcome::EmployeeToEmployee => (
            "办理职工医保关系转移接续".to_string(),
            format!(
                "你在{from}停保、在{to}参加职工医保后，应当申请把职工医保关系转到{to}，缴费年限累计计算，个人账户余额一起转过去。"
            ),
        ),
        Outcome::EmployeeToResident => (
            "职工医保转为居民医保：可以申请转移".to_string(),
            format!(
                "你在{from}停保、在{to}参加城乡居民医保后，可以申请转移接续；个人账户余额怎么处理、职工医保年限怎么记，各地做法不同，办理前要问清楚。"
            ),
        ),
        Outcome::ResidentToEmployee => (
            "居民医保转为职工医保：可以申请转移".to_string(),
            format!(
                "你在{from}的居民医保停保、在{to}参加职工医保后，可以申请转移接续，把参保记录接过去。"
            ),
        ),
        _ => (
            "居民医保随迁：今年不转，明年在新地方参保后再申请".to_string(),
            format!(
                "居民医保按年度参保：今年的保障留在{from}，住在{to}期间看病办理异地就医备案；在{to}参加下一年度居民医保后，再申请转移接续。不要两边同时缴费。"
            ),
        ),
    };
    p.title = title;
    p.conclusion = conclusion;

    // 办理前检查 (§2.5, §2.13, §7).
    let stopped_no = a.stopped == Some(Stopped::No);
    if p.outcome == Outcome::ResidentToResident {
        p.checks.push(format!("今年在{from}的居民医保保持有效，不要中途停掉，也不要在{to}再交今年的居民医保（不能重复参保）。"));
        p.checks.push(format!(
            "打听{to}下一年度居民医保的集中参保时间（各省规定不同），按时参保缴费。"
        ));
    } else {
        p.checks.push(if stopped_no {
            format!(
                "你还没有停保：先在{from}办理停保（中止参保）。转出地办理时主要看你是否已经停保。"
            )
        } else {
            format!(
                "{from}已经为你停保（中止参保）。可以在国家医保服务平台 APP 的参保信息里查看状态。"
            )
        });
        p.checks.push(match a.target {
            Some(Target::Employee) => format!("新单位已经在{to}为你办理职工医保参保并缴费。有的地方（例如南京）要求转入地当月已有足额缴费记录。"),
            Some(Target::Flexible) => format!("你已经在{to}以灵活就业身份参加职工医保并缴费。有的地方（例如南京）要求转入地当月已有足额缴费记录。"),
            _ => format!("你已经在{to}按当地规定参加城乡居民医保。"),
        });
        p.checks.push(
            "没有欠缴的医保费。有的地方把“无欠费”列为受理条件（例如河南周口的窗口指南）。".into(),
        );
        p.checks.push(
            "不在住院期间：有的地方住院期间不能办理转移（例如厦门），最好出院后再办。".into(),
        );
    }
    p.checks.push(if employee_side {
        "家庭共济：如果你用职工医保个人账户和家人建立了共济关系，医保关系跨统筹地区转移时共济关系会自动解除，转移完成后要在新参保地重新建立（2026年1月起可以跨省共济）。".into()
    } else {
        "家庭共济：如果家人用职工医保个人账户为你缴费或付医药费，你的医保关系跨统筹地区转移时这个共济关系会自动解除，转移完成后请家人重新建立。".into()
    });

    // 步骤 (§2.4 who applies, §2.5 channels, §2.6 documents, §2.7 time limits).
    let who_applies = if target_employer {
        "你本人，也可以请新单位代为申请"
    } else {
        "你本人"
    };
    if p.outcome == Outcome::ResidentToResident {
        p.steps.push(Step {
            title: "今年：留在原地参保，外地看病先备案".into(),
            place: Place::From,
            who: "你本人".into(),
            what: format!("今年的居民医保继续在{from}享受。住在{to}期间看病，向{from}申请异地就医备案（长期居住可办异地长期居住备案），备案后可以直接结算。"),
            time: None,
        });
        p.steps.push(Step {
            title: "在新地方参加下一年度居民医保".into(),
            place: Place::To,
            who: "你本人".into(),
            what: format!("在{to}的集中参保期内参保缴费。没有在集中参保期参保的，2025 年起一般要等 {} 个月才能报销。", f.resident_fixed_wait),
            time: Some("按当地集中参保期".into()),
        });
    } else if stopped_no {
        p.steps.push(Step {
            title: "在原参保地停保".into(),
            place: Place::From,
            who: if a.scheme == Some(Scheme::Employee) {
                "原单位（办理减员停保）".into()
            } else {
                "你本人（灵活就业人员和居民自己申请停保）".into()
            },
            what: format!(
                "在{from}办理停保，也叫中止参保。灵活就业人员自己申请，例如南京要求到最后一次正常参保的区经办机构办理。"
            ),
            time: None,
        });
    }
    if p.outcome != Outcome::ResidentToResident {
        p.steps.push(Step {
            title: "在新地方参保".into(),
            place: Place::To,
            who: match a.target {
                Some(Target::Employee) => "新单位".into(),
                _ => "你本人".into(),
            },
            what: match a.target {
                Some(Target::Employee) => format!("新单位在{to}为你办理职工医保参保登记并缴费。"),
                Some(Target::Flexible) => format!(
                    "到{to}的医保经办机构或当地医保服务渠道，以灵活就业身份参加职工医保并缴费。"
                ),
                _ => format!("在{to}参加城乡居民医保并缴费（注意当地的集中参保期）。"),
            },
            time: None,
        });
    }
    if online {
        p.steps.push(Step {
            title: "在网上提交转移申请".into(),
            place: Place::Online,
            who: who_applies.into(),
            what: format!("在国家医保服务平台 APP 或网上服务大厅找到“转移接续”相关服务，填写转出地（{from}）和转入地（{to}），提交申请。菜单名称以 APP 当前版本为准；也可以用当地的医保或政务服务 APP（例如福建的闽政通）。线上申请一般不需要纸质参保凭证。"),
            time: None,
        });
    } else {
        p.steps.push(Step {
            title: "开具《参保凭证》".into(),
            place: Place::From,
            who: "你本人".into(),
            what: format!("向{from}的医保经办机构申请开具《基本医疗保险参保凭证》（参保凭证：证明你在原地参保缴费情况的单据）。各地办理渠道不同，例如泉州可以在网上、窗口、电话等渠道办理，即时办结。"),
            time: None,
        });
        p.steps.push(Step {
            title: "到窗口提交转移申请".into(),
            place: Place::Either,
            who: who_applies.into(),
            what: format!(
                "带上身份证件和参保凭证，到{to}或{from}任意一地的医保经办窗口，填写转移接续申请表。"
            ),
            time: None,
        });
        p.steps.push(Step {
            title: "转入地出具《联系函》".into(),
            place: Place::To,
            who: "转入地医保经办机构".into(),
            what: "《基本医疗保险关系转移接续联系函》是转入地请转出地办理转出的公函。是否需要你本人转交，按窗口的说明办。".into(),
            time: None,
        });
    }
    p.steps.push(Step {
        title: "转出地办理转出".into(),
        place: Place::From,
        who: "转出地医保经办机构".into(),
        what: if employee_side {
            "核对后办理转出，生成《参保人员基本医疗保险信息表》（信息表：记录参保缴费情况的单据）传给转入地，同时把个人账户余额划转过去。".into()
        } else {
            "核对后办理转出，生成《参保人员基本医疗保险信息表》（信息表：记录参保缴费情况的单据）传给转入地。".into()
        },
        time: Some(format!("受理后 {} 个工作日内", f.out_days)),
    });
    p.steps.push(Step {
        title: "转入地办理转入".into(),
        place: Place::To,
        who: "转入地医保经办机构".into(),
        what: "收到信息表后核对，把你的参保记录接续到本地。".into(),
        time: Some(format!("收到信息表后 {} 个工作日内", f.in_days)),
    });
    p.steps.push(Step {
        title: "查进度、核对结果".into(),
        place: Place::Online,
        who: "你本人".into(),
        what: format!(
            "办理过程中可以在国家医保服务平台查询进度。办完后核对缴费年限{}。超过时限没有办好的，先查卡在哪一方，再拨打那一方的 {}。",
            if employee_side && !to_resident { "和个人账户余额是否到账" } else { "是否接上" },
            c.hotline()
        ),
        time: None,
    });

    // 材料 (§2.6, §2.14; 经办条例第31条).
    if online {
        p.materials = vec![
            "手机上的国家医保服务平台 APP（已实名注册），或能登录网上服务大厅".into(),
            "医保电子凭证（在 APP 里激活）".into(),
            "身份证（用于核对身份）".into(),
        ];
    } else {
        p.materials = vec![
            "有效身份证件原件和复印件（或社会保障卡、医保电子凭证）".into(),
            format!("{from}出具的《基本医疗保险参保凭证》"),
            "《基本医疗保险关系转移接续申请表》（窗口领取或当地网站下载，各地要求不同）".into(),
        ];
    }

    // 关键日期 (§2.7 10 + 5 working days; §2.10 gap ≤ 3 months).
    let cal = c.data.calendar;
    let out = cal.add_working_days(c.start, f.out_days);
    let done = cal.add_working_days(out.date, f.in_days);
    p.dates.push(KeyDate {
        date: c.start,
        label: "提交申请".into(),
        what: if online {
            "在网上提交转移申请。".into()
        } else {
            "到窗口提交转移申请。".into()
        },
        estimated: false,
    });
    p.dates.push(KeyDate {
        date: out.date,
        label: "转出地最晚办完转出".into(),
        what: format!("按 {} 个工作日计算（从受理次日算起）。", f.out_days),
        estimated: out.estimated,
    });
    p.dates.push(KeyDate {
        date: done.date,
        label: "转入地最晚办完转入".into(),
        what: format!(
            "再加 {} 个工作日，合计 {} 个工作日。",
            f.in_days, f.total_days
        ),
        estimated: done.estimated,
    });
    if out.estimated || done.estimated {
        p.estimate_note = Some(format!(
            "{}年放假安排尚未公布，标“估算”的日期只扣除了周末和按固定日期放假的节日（元旦、劳动节、国庆节），春节等节日和调休没有计入，实际日期可能更晚。",
            cal.last_year() + 1
        ));
    }

    // 断缴与等待期 (§2.10, §3.3).
    let mut gap = Vec::new();
    match (a.stopped, to_resident) {
        (Some(Stopped::Month(m)), false) => {
            let last_gap_month = m.plus(f.gap_months as i32);
            let deadline = last_gap_month.last_day();
            let first_gap = m.plus(1);
            if c.start <= deadline {
                p.dates.push(KeyDate {
                    date: deadline,
                    label: format!("断缴不超过 {} 个月的最后一天", f.gap_months),
                    what: format!("在这天以前在{to}接上职工医保缴费，并按规定补缴中断的月份。"),
                    estimated: false,
                });
                gap.push(format!(
                    "你在{from}最后缴费的月份是{}，从{}开始中断。中断不超过 {} 个月的（到{}为止），可以按{to}的规定补缴，从补缴当月起享受待遇，中断期间的待遇可以追溯。",
                    m.cn(),
                    first_gap.cn(),
                    f.gap_months,
                    last_gap_month.cn()
                ));
                gap.push("各地计算中断月数的口径可能不同，越早接上越稳妥。".into());
            } else {
                gap.push(format!(
                    "你在{from}最后缴费的月份是{}，到{}已中断超过 {} 个月。转入地可以设置最长 {} 个月的待遇等待期（等待期：缴费后要等一段时间才能报销）。",
                    m.cn(),
                    YearMonth::of(c.start).cn(),
                    f.gap_months,
                    f.max_wait_months
                ));
                gap.push("各地规定不同：例如江苏原则上不超过 3 个月；福建补缴中断期间费用的等待 3 个月、不补缴的等待 6 个月，等待期内按 50% 享受待遇。请向转入地确认。".into());
            }
            if p.outcome == Outcome::ResidentToEmployee {
                gap.push(format!(
                    "从居民医保换到职工医保的，国家规定已连续参保满 {} 年、中断不超过 {} 个月的，可以补缴后从缴费当月享受待遇；不满足条件的，各地规定不同。",
                    f.switch_years, f.gap_months
                ));
            }
        }
        (Some(Stopped::Month(m)), true) => {
            gap.push(format!(
                "你在{from}最后缴费的月份是{}。2025 年起，没有在集中参保期内参保或没有连续参保的，参加居民医保后一般有 {} 个月的固定等待期；连续断保超过 1 年的，每多断 1 年再加 1 个月，可以通过补缴来缩短。新生儿等特殊群体除外。",
                m.cn(),
                f.resident_fixed_wait
            ));
            if p.outcome == Outcome::EmployeeToResident {
                gap.push(format!(
                    "从职工医保换到居民医保的，国家规定已连续参保满 {} 年、中断不超过 {} 个月的，可以按转入地规定补缴，从缴费当月享受待遇，中断期间可以追溯。",
                    f.switch_years, f.gap_months
                ));
            }
        }
        (Some(Stopped::No), _) if p.outcome != Outcome::ResidentToResident => {
            gap.push(format!(
                "你还没有停保。停保后请尽快在{to}接上参保缴费：职工医保中断不超过 {} 个月的可以补缴衔接，中断更久的可能要等一段时间才能报销。",
                f.gap_months
            ));
        }
        _ => {}
    }
    if !gap.is_empty() {
        p.notes.push(Note {
            title: "断缴与等待期".into(),
            paragraphs: gap,
        });
    }

    // 个人账户 (§2.8) and 缴费年限 (§1, §2.9, §5).
    match p.outcome {
        Outcome::EmployeeToEmployee => {
            p.notes.push(Note {
                title: "个人账户".into(),
                paragraphs: vec![
                    "个人账户里的钱跟着医保关系走：转出地办理转出时把余额一起划转，转入地核对到账后计入你的个人账户。".into(),
                    "有的地方（例如福建）转出时会把原参保地的账户清零，所以转移期间原地账户显示为零不必担心。到账后多久计入国家没有统一规定，各地不同（例如青海为到账后 5 个工作日内、泉州为 2 个工作日内）。".into(),
                ],
            });
            p.notes.push(Note {
                title: "缴费年限".into(),
                paragraphs: vec![
                    "职工医保的缴费年限跨地区累计计算，不会因为转移清零。有的地方把转入的外地年限记为“视同缴费年限”（例如天津）。".into(),
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
    // 注意：适用的常见误区 (§9).
    p.warnings.push(format!(
        "“医保转移要 {} 个工作日”：这是 2016 年旧规程的说法，已经被取代。现在是转出 {} 个工作日、转入 {} 个工作日，合计最长约 {} 个工作日。",
        f.old_total_days, f.out_days, f.in_days, f.total_days
    ));
    if employee_side {
        p.warnings.push(
            "“男 50 岁、女 40 岁以上跨省就只能建临时账户”：这是养老保险的规定，不是医保的规定。"
                .into(),
        );
    }
    if online {
        p.warnings
            .push("“必须先回原参保地开纸质参保凭证”：线上跨省转移一般不需要纸质参保凭证。".into());
    }
    p.warnings.push("“停保后 3 个月内必须办完转移，否则作废”：国家规定里没有这样的申请期限；“3 个月”说的是中断缴费补缴衔接的时间。".into());
    if employee_side && !to_resident {
        p.warnings
            .push("“个人账户的钱不能跟着转”：转移时个人账户余额随关系划转。".into());
    }
    p.warnings
        .push("“断缴超过 3 个月缴费年限清零”：缴费年限累计计算，断缴主要影响等待期。".into());

    p.basis = vec![LAW_32, REG_13_16, DOC_43];
    if to_resident || !employee_side {
        p.basis.push(DOC_38);
    }
    p.basis.push(DOC_SHARE);
    if !online {
        p.basis.push(REG_31);
    }
    p.guides = match p.outcome {
        Outcome::EmployeeToEmployee => vec![
            if online {
                "employee-cross-province-online"
            } else {
                "offline-documents"
            },
            "personal-account",
            "gaps-and-waiting-periods",
        ],
        Outcome::EmployeeToResident => vec![
            "employee-to-resident",
            "gaps-and-waiting-periods",
            "personal-account",
        ],
        Outcome::ResidentToEmployee => vec![
            "resident-to-employee",
            "gaps-and-waiting-periods",
            "contribution-years",
        ],
        _ => vec![
            "resident-moving",
            "medical-filing",
            "gaps-and-waiting-periods",
        ],
    };
    if c.same_province() {
        p.guides.insert(0, "within-province");
    }
    if flexible_now || a.target == Some(Target::Flexible) {
        p.guides.push("flexible-workers");
    }
    p.faq = match p.outcome {
        Outcome::EmployeeToEmployee => vec![
            "c-how-long-transfer-takes",
            "c-account-money-where-went",
            "c-check-progress",
            "c-quit-job-insurance-stopped",
        ],
        Outcome::EmployeeToResident => vec![
            "c-employee-to-resident-transfer",
            "c-employee-to-resident-account-balance",
            "c-switch-employee-resident-gap",
        ],
        Outcome::ResidentToEmployee => vec![
            "c-resident-years-to-employee",
            "c-switch-employee-resident-gap",
            "c-how-long-transfer-takes",
        ],
        _ => vec![
            "c-resident-moved-city",
            "d-resident-moved-this-year-coverage",
            "d-resident-enrolment-when",
            "c-missed-resident-enrollment-period",
        ],
    };
    p.faq.push(if online {
        "c-online-transfer-how"
    } else {
        "c-what-materials-needed"
    });
}
