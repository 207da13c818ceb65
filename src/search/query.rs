//! Query understanding before matching: people ask with place names (天门, 深圳), say 社保 for
//! 医保, 农村医保 for 居民医保, 个人缴费 for 灵活就业, 封存 for 暂停, "报销" in another city for
//! 异地就医. This turns what they typed into the site's words, takes place names out of the
//! match (two places in different provinces make it a 跨省 question), and notes what kind of
//! answer they want (how, how long, can I claim, how much, which papers). Plain string work on
//! a query of at most a hundred characters: microseconds.

/// What kind of answer a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// 怎么转, 如何办理
    How,
    /// 要多久
    Duration,
    /// 能报销吗, 能看病吗
    Claim,
    /// 交多少
    Cost,
    /// 要什么材料
    Papers,
    /// 是什么意思
    Meaning,
    /// 一直不处理, 卡住了, 不给办
    Stuck,
}

/// Every intent, in a fixed order (the ranking keeps them as bits).
pub const ALL_INTENTS: [Intent; 7] = [
    Intent::How,
    Intent::Duration,
    Intent::Claim,
    Intent::Cost,
    Intent::Papers,
    Intent::Meaning,
    Intent::Stuck,
];

impl Intent {
    /// Words in a page title that answer this kind of question.
    pub fn title_words(self) -> &'static [&'static str] {
        match self {
            Intent::How => &["怎么", "如何", "步骤", "办理", "流程", "哪里办"],
            Intent::Duration => &["多久", "时限", "工作日", "多长"],
            Intent::Claim => &["报销", "看病", "就医", "结算", "刷卡", "能用"],
            Intent::Cost => &["多少", "标准", "费用", "交多"],
            Intent::Papers => &["材料", "凭证", "证明", "带什么"],
            Intent::Meaning => &["意思", "是什么", "什么叫", "术语", "名词"],
            Intent::Stuck => &["进度", "没办", "超过", "拒", "不给办", "拖", "卡", "不受理"],
        }
    }
}

/// Words that say what kind of answer is wanted.
const INTENTS: &[(Intent, &[&str])] = &[
    (
        Intent::How,
        &[
            "怎么转",
            "如何转",
            "怎么办理",
            "如何办理",
            "怎么办",
            "怎么弄",
            "如何实现",
            "怎么操作",
            "流程",
            "步骤",
            "怎么迁",
            "怎么搞",
            "咋整",
            "咋办",
            "如何处理",
            "怎么处理",
        ],
    ),
    (
        Intent::Duration,
        &[
            "多久",
            "多长时间",
            "几天",
            "多少天",
            "几个月能",
            "时限",
            "几个工作日",
        ],
    ),
    (
        Intent::Claim,
        &["报销", "能看病", "可以看病", "能刷卡", "能用吗", "能不能用"],
    ),
    (Intent::Cost, &["交多少", "多少钱", "缴多少", "费用"]),
    (
        Intent::Papers,
        &[
            "材料",
            "带什么",
            "带啥",
            "哪些手续",
            "什么手续",
            "啥手续",
            "资料",
            "要什么证",
            "啥证",
            "什么东西",
        ],
    ),
    (
        Intent::Meaning,
        &[
            "什么意思",
            "啥意思",
            "是什么",
            "是啥",
            "指什么",
            "什么叫",
            "啥叫",
            "怎么理解",
        ],
    ),
    (
        Intent::Stuck,
        &[
            "一直不",
            "不处理",
            "不给办",
            "不给转",
            "卡住",
            "没动静",
            "没反应",
            "拖着",
            "不受理",
            "没转过来",
            "还没到",
            "没到账",
            "待受理",
            "审核中",
            "办理中",
        ],
    ),
];

/// Typos of the common kind (a sound-alike character), corrected first; the results page
/// says what was searched for instead.
pub const TYPOS: &[(&str, &str)] = &[
    ("医宝", "医保"),
    ("社宝", "社保"),
    ("备按", "备案"),
    ("报消", "报销"),
    ("报效", "报销"),
    ("转义", "转移"),
    ("转意", "转移"),
    ("职功", "职工"),
    ("需要那些", "需要哪些"),
    ("要那些", "要哪些"),
];

/// Rewrites from how people say it to how the site says it, applied in order.
const REWRITES: &[(&str, &str)] = &[
    ("异地就诊", "异地就医"),
    ("医疗保险", "医保"),
    // 社保 here almost always means 医保 (社保卡 stays a card).
    ("社保卡", "\u{1}"),
    ("社保", "医保"),
    ("\u{1}", "社保卡"),
    // 买的医保 is cover paid for, not shopping (买药 is on the family pages).
    ("买的医保", "交的医保"),
    // A 户口 moved is a move of 户籍: the resident scheme follows it.
    ("迁移户口", "户籍 搬家"),
    ("户口迁移", "户籍 搬家"),
    ("迁户口", "户籍 搬家"),
    ("户口迁", "户籍 搬家"),
    ("户口转", "户籍 搬家"),
    // 户籍 said as such: the move of it is kept (从长*把户籍转到…).
    ("户籍转", "户籍 搬家 转"),
    ("户籍迁", "户籍 搬家 迁"),
    // Two places said to be in different provinces, without naming them.
    ("不在一个省", "跨省"),
    ("不在同一个省", "跨省"),
    ("不同省份", "跨省"),
    // The cover an employer pays for is 职工医保.
    ("单位交的医保", "职工医保"),
    ("公司交的医保", "职工医保"),
    ("农村医保", "居民医保"),
    // 新农合 stays as typed too (pages name it); the short 农合 must not eat it.
    ("新农合", "居民医保 \u{2}"),
    ("农合", "居民医保"),
    ("\u{2}", "新农合"),
    ("合作医疗", "居民医保"),
    // "转个人缴费" is no transfer: it is changing from an employer paying to paying oneself,
    // which the site calls joining 职工医保 as a 灵活就业 worker after leaving a job.
    ("转成个人缴费", "没单位 离职 灵活就业 职工医保"),
    ("转为个人缴费", "没单位 离职 灵活就业 职工医保"),
    ("改成个人缴费", "没单位 离职 灵活就业 职工医保"),
    ("改为个人缴费", "没单位 离职 灵活就业 职工医保"),
    ("转个人缴费", "没单位 离职 灵活就业 职工医保"),
    ("转个人交", "没单位 离职 灵活就业 职工医保"),
    ("怎么转自己交", "没单位 离职 灵活就业 职工医保"),
    // "自己交给单位" is handing a paper over, not paying oneself.
    ("自己交给", "交给"),
    // Without an employer one pays as a 灵活就业 worker (or joins 居民医保).
    ("没单位的", "灵活就业 没单位 "),
    ("没有单位的", "灵活就业 没单位 "),
    ("无业人员", "灵活就业 没单位"),
    ("自费交医保", "灵活就业 医保"),
    ("自费缴医保", "灵活就业 医保"),
    // A 自由职业者 pays as a 灵活就业 worker.
    ("自由职业者", "灵活就业"),
    ("自由职业", "灵活就业"),
    ("个人缴费", "灵活就业"),
    ("个人缴纳", "灵活就业"),
    ("自己能不能交", "灵活就业"),
    ("自己能交", "灵活就业"),
    ("自己可以交", "灵活就业"),
    ("个人交", "灵活就业"),
    ("自己交", "灵活就业"),
    ("自己缴", "灵活就业"),
    ("自己买", "灵活就业"),
    ("个人参保", "灵活就业"),
    // Joining the resident scheme in the middle of a year is joining after its 集中参保期.
    ("中途参保", "错过 集中参保期 参保"),
    ("年中参保", "错过 集中参保期 参保"),
    ("中途加入", "错过 集中参保期 参保"),
    ("封存", "暂停 断缴"),
    ("解封", "续交 补缴"),
    ("断交", "断缴"),
    ("没有交", "没交"),
    // A hospital sending a patient on (转院) is a referral (转诊), not a transfer.
    ("转院", "转诊"),
    // 农保卡 here is the 新农合 card.
    ("农保卡", "居民医保 医保卡"),
    // An 事业单位 is an employer like any other.
    ("事业单位", "单位"),
    ("去哪办", "在哪里办"),
    ("转医保", "医保转移"),
    // 五险一金 are the five insurances and the housing fund: here, the medical one.
    ("五险一金", "医保"),
    ("余额还是0", "余额 没到账"),
    ("还是0", "没到账"),
    ("调到", "换工作 转到"),
    ("不打工了", "离职"),
    ("不上班了", "离职"),
    ("异地备案", "异地就医 备案"),
    ("哪个入口", "在哪里办"),
    ("带啥", "材料"),
    ("谁给办", "单位办 自己办"),
    ("谁来办", "单位办 自己办"),
    ("谁帮我办", "单位办 自己办"),
    ("年年", "每年"),
    // 每年都交 is paying every year, not 都交 (paying in both places).
    ("每年都交", "每年 交"),
    ("再去续", "每年 续办"),
    // What an app shows while nobody has acted yet.
    ("待受理", "受理 进度"),
    ("审核中", "审核 进度"),
    ("直接刷", "直接结算 刷卡"),
    ("迁到", "转移到"),
    ("迁走", "转走"),
    ("迁过去", "转过去"),
    ("多久能报销", "多久 等待期 报销"),
    ("多久才能报销", "多久 等待期 报销"),
    ("多久可以报销", "多久 等待期 报销"),
    ("多久能用", "多久 等待期"),
    // When new cover starts paying (a filing's own start is 备案生效).
    ("多久生效", "多久 生效 等待期"),
    // 病退 is retiring early on grounds of health: a retirement like any other.
    ("病退", "退休"),
    // Stopping one's own cover is 停保 (社保 has become 医保 above).
    ("暂停医保", "停保"),
    ("停掉医保", "停保"),
    ("医保停掉", "停保"),
    // Where one pays is where one is insured.
    ("缴费地址", "参保地"),
    ("缴费地", "参保地"),
    ("退休前", "临近退休"),
    ("快退休", "临近退休"),
    ("马上退休", "临近退休"),
    ("辞职", "辞职 离职"),
    ("被裁", "被裁 离职"),
    ("辞退", "辞退 离职"),
    ("裁员", "裁员 离职"),
    // An employer gone under ends the job as leaving does.
    ("倒闭", "离职"),
    ("破产", "离职"),
    ("退现金", "提现"),
    ("取现", "提现"),
    ("失效", "失效 解除"),
    ("转过去没有", "转过去没有 确认 进度"),
    ("办好没", "办好没 确认 进度"),
    ("转回本地", "转回老家 转移"),
    ("回本地", "转回老家 转移"),
    // Cover brought from elsewhere to where one lives now ("从外地转到本地").
    ("转到本地", "转回老家 转移"),
    ("转入本地", "转回老家 转移"),
    ("转回来", "转回老家 转移"),
    ("转回去", "转回老家 转移"),
];

/// The site's words the rewrites put in a question (each must be a word some page holds, or
/// the results would say they are approximate when the person typed nothing wrong).
pub fn rewritten_words() -> impl Iterator<Item = &'static str> {
    REWRITES
        .iter()
        .flat_map(|(_, to)| to.split_whitespace())
        .filter(|w| !w.chars().any(char::is_control))
}

/// Words a question about moving one's cover in general is made of ("外地医保怎么转移",
/// "更换地方医保怎么转"): nothing in it points to one case, so the overview answers it.
const GENERAL: &[&str] = &[
    "医保",
    "社保",
    "医保关系",
    "转",
    "转移",
    "转移接续",
    "转接",
    "关系转移",
    "转走",
    "转出",
    "转到",
    "转过去",
    "转回老家",
    "外地",
    "异地",
    "地方",
    "更换",
    "换",
    "换地方",
    "城市",
    "本地",
    "老家",
    "办理",
    "手续",
    "流程",
    "指南",
    "办事",
    "办",
    "怎么",
    "如何",
];

/// Whether a question, as its search words (`Segmenter::query_terms`), asks about moving in
/// general: every word is one of [`GENERAL`], and one of them is a move (or it is the one
/// word 医保).
pub fn is_general(terms: &[Vec<String>]) -> bool {
    let typed = || terms.iter().filter_map(|g| g.first()).map(String::as_str);
    !terms.is_empty()
        && typed().all(|w| GENERAL.contains(&w))
        && (typed().any(|w| w.starts_with('转'))
            || (terms.len() == 1 && typed().all(|w| w.starts_with("医保"))))
}

/// Words about being treated and paid for.
const TREATMENT: &[&str] = &[
    "报销",
    "看病",
    "能报",
    "咋报",
    "怎么报",
    "住院",
    "手术",
    "生病",
    "门诊",
    "急诊",
    "可以报",
    "受伤",
    "摔伤",
];

/// Words that, with 报销 or 看病, mean treatment in another city (异地就医).
const ELSEWHERE: &[&str] = &[
    "不在同一个城市",
    "不同城市",
    "不在一个城市",
    "别的城市",
    "跨省",
    "省外",
    "其他城市",
    "另一个城市",
    "外地",
    "异地",
    "外省",
    "老家",
    "跨市",
    "市外",
    "外市",
    "县外",
    "外县",
];

/// Words that name a move: of the cover (转, 迁), of the person (搬, 回老家, 外地), of the
/// job (换, 离职).
const MOVES: &[&str] = &[
    "转",
    "迁",
    "换",
    "搬",
    "回老家",
    "异地",
    "外地",
    "跨省",
    "省内",
    "离职",
    "辞职",
    "到了",
];

/// Whether an understood question names a move of any kind.
pub fn names_move(text: &str) -> bool {
    MOVES.iter().any(|w| text.contains(w))
}

/// A kind of person or case some pages are about, and the words by which a question names it.
pub struct Topic {
    /// A FAQ entry with one of these in its tags (or category) is about it…
    pub tags: &'static [&'static str],
    /// …and so is one with one of these in its question.
    pub titles: &'static [&'static str],
    /// The guides about it, by address.
    pub guides: &'static [&'static str],
    /// Lists of words of an understood question that name it.
    pub words: &'static [&'static [&'static str]],
}

/// The topics a page can presuppose (at most 8: the ranking keeps them as bits).
pub const TOPICS: &[Topic] = &[
    Topic {
        tags: &["家庭共济"],
        titles: &[],
        guides: &["/guides/family-sharing"],
        words: &[
            FAMILY,
            SHARE_WITH,
            &["家庭", "亲情", "绑定", "别人", "他人", "家里", "兄弟", "孙"],
        ],
    },
    Topic {
        tags: &[],
        titles: &["失业"],
        guides: &[],
        words: &[&["失业"]],
    },
    Topic {
        tags: &[],
        titles: &["退休"],
        guides: &["/guides/retirees", "/guides/near-retirement"],
        words: &[&[
            "退休",
            "老人",
            "爸妈",
            "父母",
            "老头",
            "老太",
            "老伴",
            "养老",
            "岁",
            "老两口",
            "我爸",
            "我妈",
            "公公",
            "婆婆",
            "年纪",
        ]],
    },
];

/// The topics ([`TOPICS`]) an understood question names, as bits.
pub fn named_topics(text: &str) -> u8 {
    TOPICS
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.words
                .iter()
                .flat_map(|l| l.iter())
                .any(|w| text.contains(w))
        })
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// Words about family members (their cover is 家庭共济 or their own insurance).
const FAMILY: &[&str] = &[
    "爸妈",
    "父母",
    "家人",
    "老人",
    "孩子",
    "共济",
    "亲属",
    "家里人",
];

/// Close relatives one may share one's account with, besides [`FAMILY`] (a child is not
/// here: "去子女家长住" is about the parent's own cover).
const SHARE_WITH: &[&str] = &[
    "妹妹",
    "弟弟",
    "哥哥",
    "姐姐",
    "兄弟姐妹",
    "老婆",
    "老公",
    "配偶",
    "爱人",
    "妻子",
    "丈夫",
    "儿女",
    "子女",
    "儿子",
    "女儿",
    "孙子",
    "外孙",
];

/// What one gives family to use: one's account, card or its money.
const SHARED: &[&str] = &["账户", "医保卡", "社保卡", "卡里", "钱", "余额"];

/// Which regions a question names, when it names two or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Places in different provinces: 跨省.
    CrossProvince,
    /// Places in one province: 省内.
    WithinProvince,
}

impl Scope {
    /// The other scope (a page about 省内 does not answer a 跨省 question).
    pub fn other(self) -> Scope {
        match self {
            Scope::CrossProvince => Scope::WithinProvince,
            Scope::WithinProvince => Scope::CrossProvince,
        }
    }

    /// Words in a page that is about this scope.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Scope::CrossProvince => &["跨省", "外省", "省外"],
            Scope::WithinProvince => &["省内", "同省", "同一个省", "本省"],
        }
    }
}

/// Which way a change between the two schemes goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From 职工医保 to 居民医保 (leaving a job, going home).
    ToResident,
    /// From 居民医保 (新农合) to 职工医保 (a job found).
    ToEmployee,
}

impl Direction {
    /// The other way.
    pub fn other(self) -> Direction {
        match self {
            Direction::ToResident => Direction::ToEmployee,
            Direction::ToEmployee => Direction::ToResident,
        }
    }
}

/// Words naming 职工医保 (the cover an employer pays for).
const EMPLOYEE_SCHEME: &[&str] = &[
    "职工医保",
    "职工",
    "单位医保",
    "单位的医保",
    "公司的医保",
    "单位交",
    "单位给交",
    "厂里交",
    "厂里给交",
    "公司交",
];
/// Words naming 居民医保.
const RESIDENT_SCHEME: &[&str] = &["居民医保", "新农合", "城乡居民"];
/// Words saying the scheme after them is the one they had.
const FORMER: &[&str] = &["以前", "原来", "之前", "原先", "本来"];
/// Words saying two schemes are held at once.
const BOTH: &[&str] = &[
    "同时",
    "都",
    "两个",
    "两份",
    "一起",
    "已经有",
    "能办",
    "可以办",
];
/// Words saying something changed (without one, "职工医保和居民医保哪个好" compares).
const CHANGE: &[&str] = &[
    "转",
    "改",
    "换",
    "现在",
    "进厂",
    "上班",
    "找到工作",
    "入职",
    "辞职",
    "离职",
    "回老家",
];

/// Which way a question moves between the schemes: the one named after 以前/原来 is where
/// they came from; else the one named first.
fn direction(text: &str) -> Option<Direction> {
    let first = |words: &[&str], from: usize| {
        words
            .iter()
            .filter_map(|w| text[from..].find(w).map(|at| at + from))
            .min()
    };
    let (employee, resident) = (first(EMPLOYEE_SCHEME, 0)?, first(RESIDENT_SCHEME, 0)?);
    if !CHANGE.iter().any(|w| text.contains(w)) {
        return None;
    }
    // 以前在外地的职工医保: the scheme right after the marker is the former one.
    if let Some(marker) = FORMER.iter().filter_map(|w| text.find(w)).min() {
        let e = first(EMPLOYEE_SCHEME, marker);
        let r = first(RESIDENT_SCHEME, marker);
        match (e, r) {
            (Some(e), Some(r)) if e < r => return Some(Direction::ToResident),
            (Some(_), Some(_)) => return Some(Direction::ToEmployee),
            (Some(_), None) => return Some(Direction::ToResident),
            (None, Some(_)) => return Some(Direction::ToEmployee),
            (None, None) => {}
        }
    }
    Some(if employee < resident {
        Direction::ToResident
    } else {
        Direction::ToEmployee
    })
}

/// A question, understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Understood {
    /// The text to match: the site's words, place names taken out.
    pub text: String,
    pub intents: Vec<Intent>,
    pub scope: Option<Scope>,
    /// How many place names it held.
    pub places: usize,
    /// Typos corrected: (as typed, as searched).
    pub corrected: Vec<(String, &'static str)>,
    /// It named places and nothing else: the site's topic is searched instead, loosely.
    pub only_places: bool,
    /// It moves from one scheme to the other.
    pub direction: Option<Direction>,
}

/// A topic next to the site's that it does not cover: a question about one still gets its
/// results, and the results page says where such questions are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncovered {
    /// 生育保险: maternity cover, its allowance and its claims.
    Maternity,
    /// 养老保险 alone: the pension and its own transfer rules.
    Pension,
}

/// Words of maternity cover ("产假" is leave paid by it).
const MATERNITY: &[&str] = &["生育", "产假"];
/// Words of the pension (not 养老 alone: 回老家养老 is retiring there).
const PENSION: &[&str] = &["养老保险", "养老金", "养老险", "退休金", "养老关系"];
/// Words that bring a question about the pension back to medical cover.
const MEDICAL: &[&str] = &[
    "医保",
    "医疗",
    "社保",
    "新农合",
    "农合",
    "看病",
    "就医",
    "住院",
    "报销",
    "备案",
];

/// Whether a question (as typed) is about a topic the site does not cover.
pub fn uncovered(query: &str) -> Option<Uncovered> {
    if MATERNITY.iter().any(|w| query.contains(w)) {
        Some(Uncovered::Maternity)
    } else if PENSION.iter().any(|w| query.contains(w))
        && !MEDICAL.iter().any(|w| query.contains(w))
    {
        Some(Uncovered::Pension)
    } else {
        None
    }
}

/// Place names with their province, found in one pass (Aho-Corasick, the longest name at a
/// position wins: 天门市 over 天门).
#[derive(Debug, Default)]
pub struct Places {
    /// Name, province code, whether it names a whole province (or a municipality), and
    /// which unit it is (a full name and its short form are one unit).
    names: Vec<(String, u32, bool, u32)>,
    matcher: Option<aho_corasick::AhoCorasick>,
}

/// Suffixes a person leaves out (湖北省 → 湖北, 天门市 → 天门).
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "林区",
    "省",
    "市",
    "县",
    "盟",
];

/// The peoples named in autonomous units' names, as the names write them (蒙古 and 哈萨克
/// without 族: 博尔塔拉蒙古自治州, 伊犁哈萨克自治州).
const PEOPLES: &[&str] = &[
    "朝鲜族",
    "土家族",
    "苗族",
    "侗族",
    "布依族",
    "藏族",
    "羌族",
    "彝族",
    "哈尼族",
    "壮族",
    "傣族",
    "白族",
    "景颇族",
    "傈僳族",
    "回族",
    "黎族",
    "蒙古",
    "柯尔克孜",
    "哈萨克",
];

/// Short forms that are also the middle of common words (一定安排, 确定安全): only the full
/// name (定安县) names the place.
const NOT_SHORT: &[&str] = &["定安"];

/// The names a person uses for a unit besides its full name: without the suffix (湖北省 →
/// 湖北), and for an autonomous unit without its peoples, alone or with 州 (恩施土家族苗族
/// 自治州 → 恩施, 恩施州). Never a single character, nor one of `NOT_SHORT`.
fn short_forms(name: &str) -> Vec<String> {
    let Some(stem) = SUFFIXES.iter().find_map(|s| name.strip_suffix(s)) else {
        return Vec::new();
    };
    let long_enough = |s: &str| s.chars().count() >= 2;
    let mut forms = Vec::new();
    // Only an autonomous prefecture or county: 内蒙古自治区 stays 内蒙古.
    let autonomous = name.ends_with("自治州") || name.ends_with("自治县");
    let peoples = PEOPLES
        .iter()
        .filter(|_| autonomous)
        .filter_map(|p| stem.find(p))
        .min();
    match peoples {
        Some(at) if long_enough(&stem[..at]) => {
            let base = &stem[..at];
            forms.push(base.to_string());
            if name.ends_with("自治州") {
                forms.push(format!("{base}州"));
            }
        }
        Some(_) => {}
        None if long_enough(stem) => forms.push(stem.to_string()),
        None => {}
    }
    forms.retain(|f| !NOT_SHORT.contains(&f.as_str()));
    forms
}

impl Places {
    /// From (name, province code) pairs: every unit with its short form.
    pub fn new(units: impl IntoIterator<Item = (String, u32)>) -> Places {
        Places::of(units, [])
    }

    /// Units and provinces (each as (name, province code)), with their short forms. A
    /// municipality is both: its name names a whole province-level unit.
    pub fn of(
        units: impl IntoIterator<Item = (String, u32)>,
        provinces: impl IntoIterator<Item = (String, u32)>,
    ) -> Places {
        let mut names: Vec<(String, u32, bool, u32)> = Vec::new();
        let all = provinces
            .into_iter()
            .map(|(n, p)| (n, p, true))
            .chain(units.into_iter().map(|(n, p)| (n, p, false)));
        for (unit, (name, province, whole)) in all.enumerate() {
            let unit = unit as u32;
            for s in short_forms(&name) {
                names.push((s, province, whole, unit));
            }
            names.push((name, province, whole, unit));
        }
        // Longest first; a province's entry (first in `all`) wins over a unit of that name.
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        names.dedup_by(|a, b| a.0 == b.0);
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, ..)| n.as_str()))
            .ok();
        Places { names, matcher }
    }

    /// Whether `text` holds a place name.
    pub fn holds_name(&self, text: &str) -> bool {
        self.matcher
            .as_ref()
            .is_some_and(|m| m.find(text).is_some())
    }

    /// Takes the place names out of `text`; returns the provinces they were in, and whether
    /// each named a whole province.
    fn take(&self, text: &mut String) -> Vec<(u32, bool)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut units = Vec::new();
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for hit in m.find_iter(text.as_str()) {
            out.push_str(&text[last..hit.start()]);
            out.push(' ');
            last = hit.end();
            let (_, province, whole, unit) = &self.names[hit.pattern().as_usize()];
            // 新乡市…新乡: one place named twice is one place.
            if !units.contains(unit) {
                units.push(*unit);
                found.push((*province, *whole));
            }
        }
        out.push_str(&text[last..]);
        *text = out;
        found
    }
}

/// Takes out of `text` the places a question names with a mask: one character and an
/// asterisk (长*, 河*市), or a letter with a number and a unit (A市, L9县, E12市), as people
/// write when they keep the place to themselves (and as public message boards publish them).
/// Returns how many there were: places whose province nobody knows.
fn take_masked(text: &mut String) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let unit = |c: char| matches!(c, '市' | '县' | '区' | '省' | '镇');
    let mut out = String::with_capacity(text.len());
    let mut found = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let star = |j: usize| matches!(chars.get(j), Some('*' | '＊'));
        if !c.is_ascii() && c.is_alphabetic() && star(i + 1) {
            // 长*, 河*市
            let end = if chars.get(i + 2).is_some_and(|&u| unit(u)) {
                i + 3
            } else {
                i + 2
            };
            out.push(' ');
            found += 1;
            i = end;
            continue;
        }
        if c.is_ascii_alphabetic() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut j = i + 1;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            if chars.get(j).is_some_and(|&u| unit(u)) {
                out.push(' ');
                found += 1;
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    *text = out;
    found
}

/// `text` with the 年 after each year it names taken out (2015年退休 → 2015 退休): alone, 年
/// matches any page that counts years. The digits stay (2025年新规 is about one year).
fn without_years(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let after_year = c == '年'
            && i >= 4
            && chars[i - 4..i].iter().all(char::is_ascii_digit)
            && matches!((chars[i - 4], chars[i - 3]), ('1', '9') | ('2', '0'))
            && !(i >= 5 && chars[i - 5].is_ascii_digit());
        out.push(if after_year { ' ' } else { c });
    }
    out
}

/// Understands `query` (already trimmed and cut to length).
pub fn understand(query: &str, places: &Places) -> Understood {
    let mut text = query.to_lowercase();
    let mut corrected = Vec::new();
    for &(from, to) in TYPOS {
        if text.contains(from) {
            text = text.replace(from, to);
            corrected.push((from.to_string(), to));
        }
    }
    // A year ("2015年退休") says when, not what.
    let text = without_years(&text);
    // Intent words count as typed (typos corrected) and as rewritten.
    let typed = text.clone();
    let mut text = text;
    for (from, to) in REWRITES {
        if text.contains(from) {
            text = text.replace(from, to);
        }
    }
    let intents: Vec<Intent> = INTENTS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| text.contains(w) || typed.contains(w)))
        .map(|(i, _)| *i)
        .collect();
    // Using one's own account for family elsewhere is 家庭共济, not 异地就医.
    let family = FAMILY.iter().any(|w| text.contains(w));
    // One's own account, card or cover given to family to use ("儿女医保卡怎么给父母用",
    // "医保账户如何绑定家人") is 家庭共济, whatever it is called.
    // "可以使用我的医疗保险吗": one's own cover, for a relative to use.
    let uses_mine = text.contains("我的医保") && text.contains('用');
    if (family || SHARE_WITH.iter().any(|w| text.contains(w)))
        && !text.contains("共济")
        && (uses_mine
            || ((SHARED.iter().any(|w| text.contains(w))
                || (text.contains("医保") && text.contains('给') && text.contains('用')))
                && ["给", "绑定", "共用", "一起用"]
                    .iter()
                    .any(|w| text.contains(w))))
    {
        text.push_str(" 家庭共济");
    }
    let mut named = places.take(&mut text);
    // 山东济南: a province and a place in it are one place.
    let inside: Vec<u32> = named
        .iter()
        .filter(|(_, whole)| !whole)
        .map(|(p, _)| *p)
        .collect();
    named.retain(|(p, whole)| !whole || !inside.contains(p));
    let provinces: Vec<u32> = named.iter().map(|(p, _)| *p).collect();
    // A place kept to oneself (A市, 长*) is a place too: where, nobody knows.
    let masked = take_masked(&mut text);
    // Treatment somewhere else: 报销/看病 with 外地 (or with a place named). "深圳医保绍兴能
    // 用吗" asks the same, unless the cover is being moved; so does "异地医保如何办理".
    let moving = text.contains('转');
    let treated = TREATMENT.iter().any(|w| text.contains(w)) || (text.contains("能用") && !moving);
    // 异地医疗 left after 医疗保险 became 医保 ("想办理异地医疗") is treatment there too.
    let elsewhere_cover = (text.contains("异地医保") || text.contains("异地医疗"))
        && !moving
        && !text.contains('交')
        && !text.contains('缴');
    if ((treated
        && (ELSEWHERE.iter().any(|w| text.contains(w)) || !provinces.is_empty() || masked > 0))
        || elsewhere_cover)
        && !text.contains("异地就医")
        && !family
    {
        // "不在同一个城市" has said all it says once it reads as 异地就医 in another city:
        // its words (不在, 同一个) would otherwise match any page that compares two places.
        for w in ELSEWHERE.iter().filter(|w| w.ends_with("城市")) {
            text = text.replace(w, " 其他城市 ");
        }
        text.push_str(" 异地就医 备案");
    }
    // "一张身份证能办居民医保和职工医保吗", "居民医保要不要办，已经有社保了": both at once is
    // 重复参保.
    let resident = RESIDENT_SCHEME.iter().any(|w| text.contains(w));
    if resident
        && (EMPLOYEE_SCHEME.iter().any(|w| text.contains(w)) || text.contains("已经有"))
        && !CHANGE.iter().any(|w| text.contains(w))
        && BOTH.iter().any(|w| text.contains(w))
        && !text.contains("重复")
    {
        text.push_str(" 重复参保");
    }
    // "新农合异地怎么加入": joining the resident scheme where one lives, without its 户口.
    if text.contains("居民医保")
        && ["异地", "外地", "外县", "当地"]
            .iter()
            .any(|w| text.contains(w))
        && ["加入", "参保", "缴纳", "参加", "能交", "可以交"]
            .iter()
            .any(|w| text.contains(w))
        && !moving
        && !treated
        && !text.contains("老家")
    {
        text.push_str(" 外地户口 常住地参保");
    }
    let scope = match (provinces.as_slice(), named.as_slice()) {
        ([a, rest @ ..], _) if !rest.is_empty() => Some(if rest.iter().all(|p| p == a) {
            Scope::WithinProvince
        } else {
            Scope::CrossProvince
        }),
        // Treatment in a whole province or a municipality ("去北京看病"): people name a
        // province when they leave theirs; within their own they name the city.
        (_, [(_, true)]) if text.contains("异地就医") || text.contains("备案") => {
            Some(Scope::CrossProvince)
        }
        _ => None,
    };
    // Two places and work named ("上海辞职去杭州上班"): a change of job between them.
    // Not when the question is about treatment there ("在广东打工，回湖南老家做手术").
    if scope.is_some()
        && !text.contains("异地就医")
        && ["上班", "工作", "入职", "打工"]
            .iter()
            .any(|w| text.contains(w))
        && !text.contains("换工作")
    {
        text.push_str(" 换工作");
    }
    // Two places named: whether they are in one province is part of the question.
    match scope {
        Some(Scope::CrossProvince) if !text.contains("跨省") => text.push_str(" 跨省"),
        Some(Scope::WithinProvince) if !text.contains("省内") => text.push_str(" 省内"),
        _ => {}
    }
    let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let direction = direction(&text);
    // Only a place name ("天门"): no page is about one place, and its characters would match
    // at random (天 in 工作日). The question is how insurance moves there: the site's topic.
    let only_places = text.is_empty() && !provinces.is_empty();
    if only_places {
        text = "医保转移".to_string();
    } else if text.is_empty() {
        text = query.to_string();
    }
    Understood {
        text,
        intents,
        scope,
        places: provinces.len(),
        corrected,
        only_places,
        direction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Places {
        Places::new([
            ("湖北省".to_string(), 420000),
            ("天门市".to_string(), 420000),
            ("武汉市".to_string(), 420000),
            ("广东省".to_string(), 440000),
            ("深圳市".to_string(), 440000),
            ("内蒙古自治区".to_string(), 150000),
        ])
    }

    #[test]
    fn masked_places_leave_the_match_and_count_as_places() {
        let mut t = "老公在a市交医保,老婆在l9县,河*新农合在山*市能报销吗".to_string();
        assert_eq!(take_masked(&mut t), 4);
        assert!(
            !t.contains('*') && !t.contains('市') && !t.contains('县'),
            "{t}"
        );
        assert!(t.contains("老公在") && t.contains("新农合在"), "{t}");
        // Not a mask: a word in Latin letters, or a star alone.
        let mut t = "app里医保 *号 abc市".to_string();
        assert_eq!(take_masked(&mut t), 0);
        assert_eq!(t, "app里医保 *号 abc市");
        // A claim in a place kept to oneself is treatment elsewhere.
        let u = understand("河*新农合在山*能否报销", &places());
        assert!(u.text.contains("异地就医"), "{}", u.text);
        assert_eq!((u.places, u.scope), (0, None));
    }

    #[test]
    fn autonomous_units_are_known_by_their_short_names() {
        let forms = |n: &str| short_forms(n);
        assert_eq!(forms("恩施土家族苗族自治州"), ["恩施", "恩施州"]);
        assert_eq!(forms("博尔塔拉蒙古自治州"), ["博尔塔拉", "博尔塔拉州"]);
        assert_eq!(forms("琼中黎族苗族自治县"), ["琼中"]);
        assert_eq!(forms("内蒙古自治区"), ["内蒙古"]);
        assert_eq!(forms("宁夏回族自治区"), ["宁夏"]);
        assert_eq!(forms("天门市"), ["天门"]);
        assert_eq!(forms("神农架林区"), ["神农架"]);
        assert_eq!(forms("澄迈县"), ["澄迈"]);
        assert!(forms("沙市").is_empty(), "never one character");
        assert!(forms("定安县").is_empty(), "一定安排 names no place");
        // 昆明 and 大理 are both in 云南: 省内.
        let p = Places::new([
            ("昆明市".to_string(), 530000),
            ("大理白族自治州".to_string(), 530000),
        ]);
        let u = understand("医保在昆明自己交 人常住大理州 看病要备案吗", &p);
        assert_eq!((u.places, u.scope), (2, Some(Scope::WithinProvince)));
        assert!(!u.text.contains("大理"), "{}", u.text);
    }

    #[test]
    fn place_names_leave_the_match_and_set_the_scope() {
        let u = understand("天门如何实现医保跨省转移", &places());
        assert!(!u.text.contains("天门"), "{}", u.text);
        assert!(u.text.contains("跨省转移"));
        assert_eq!(u.intents, vec![Intent::How]);
        let u = understand("深圳医保转到天门", &places());
        assert_eq!(u.scope, Some(Scope::CrossProvince));
        assert_eq!(u.places, 2);
        // One place named twice (新乡市…新乡) is one place: no 省内.
        let u = understand("天门市医保转移指南 天门医保怎么转", &places());
        assert_eq!((u.places, u.scope), (1, None), "{u:?}");
        let u = understand("武汉市的医保转天门", &places());
        assert_eq!(u.scope, Some(Scope::WithinProvince));
        // One whole province (or a municipality) named for treatment: going there.
        let p = Places::of(
            [("深圳市".to_string(), 440000)],
            [
                ("北京市".to_string(), 110000),
                ("广东省".to_string(), 440000),
            ],
        );
        assert_eq!(
            understand("去北京看病要备案吗", &p).scope,
            Some(Scope::CrossProvince)
        );
        assert_eq!(
            understand("去广东看病要备案吗", &p).scope,
            Some(Scope::CrossProvince)
        );
        assert_eq!(
            understand("去深圳看病要备案吗", &p).scope,
            None,
            "a city: either"
        );
        // Two places and work: a change of job between them.
        let u = understand("深圳辞职去武汉上班医保咋弄", &places());
        assert!(
            u.text.contains("换工作") && u.text.contains("跨省"),
            "{}",
            u.text
        );
        assert!(
            !understand("深圳医保转到天门", &places())
                .text
                .contains("换工作")
        );
        // Work in one place and treatment in the other: no change of job, treatment there.
        let u = understand("在深圳打工 想回天门老家住院", &places());
        assert!(
            u.text.contains("异地就医") && !u.text.contains("换工作"),
            "{}",
            u.text
        );
        let u = understand("内蒙古医保", &places());
        assert_eq!(u.text, "医保");
        // A place alone asks how insurance moves there.
        let u = understand("深圳", &places());
        assert!(u.only_places && u.text == "医保转移", "{u:?}");
        assert!(!understand("医保", &places()).only_places);
    }

    #[test]
    fn the_words_people_use_become_the_sites_words() {
        let p = places();
        assert!(understand("社保怎么转", &p).text.contains("医保"));
        assert!(understand("社保卡还能用吗", &p).text.contains("社保卡"));
        assert!(understand("农村医保能转吗", &p).text.contains("居民医保"));
        let u = understand("老家的新农合能转吗", &p);
        assert!(u.text.contains("居民医保 新农合"), "{}", u.text);
        assert!(understand("农合能转吗", &p).text.contains("居民医保"));
        assert!(
            understand("医保怎么转个人缴费", &p)
                .text
                .contains("灵活就业")
        );
        assert!(understand("医保封存了怎么办", &p).text.contains("断缴"));
        let u = understand("医宝怎么备按", &p);
        assert!(
            u.text.contains("医保") && u.text.contains("备案"),
            "{}",
            u.text
        );
        assert_eq!(
            u.corrected,
            vec![("医宝".to_string(), "医保"), ("备按".to_string(), "备案")]
        );
        assert!(understand("医保怎么备案", &p).corrected.is_empty());
        let u = understand("职工医保不在同一个城市可以报销吗", &p);
        assert!(u.text.contains("异地就医"), "{}", u.text);
        assert!(u.intents.contains(&Intent::Claim));
        assert!(
            understand("以前在外地交的医保怎么转回本地", &p)
                .text
                .contains("转回老家")
        );
    }

    #[test]
    fn the_way_between_the_schemes() {
        let p = places();
        let way = |q: &str| understand(q, &p).direction;
        assert_eq!(way("职工医保转居民医保"), Some(Direction::ToResident));
        assert_eq!(way("新农合转职工医保"), Some(Direction::ToEmployee));
        // The scheme after 以前/原来 is the one they had, wherever it stands.
        assert_eq!(
            way("辞职回老家交了居民医保 以前的职工医保能转过去吗"),
            Some(Direction::ToResident)
        );
        assert_eq!(
            way("原来交的新农合 现在进厂了厂里交职工医保"),
            Some(Direction::ToEmployee)
        );
        // Comparing the two, or naming one: no way.
        assert_eq!(way("职工医保和居民医保哪个划算"), None);
        assert_eq!(way("职工医保转到外地"), None);
    }

    #[test]
    fn intents() {
        let p = places();
        assert_eq!(
            understand("医保转移要多久", &p).intents,
            vec![Intent::Duration]
        );
        assert_eq!(
            understand("转医保要什么材料", &p).intents,
            vec![Intent::Papers]
        );
        assert!(
            understand("灵活就业交多少", &p)
                .intents
                .contains(&Intent::Cost)
        );
        assert_eq!(
            understand("统筹区是什么意思", &p).intents,
            vec![Intent::Meaning]
        );
        assert_eq!(
            understand("转出地一直不处理", &p).intents,
            vec![Intent::Stuck]
        );
        // What the app shows while nobody has acted yet.
        let u = understand("医保转移显示待受理", &p);
        assert_eq!(u.intents, vec![Intent::Stuck]);
        assert!(u.text.contains("进度"), "{}", u.text);
    }

    #[test]
    fn words_of_real_queries_read_as_the_site_says_them() {
        let p = places();
        // 买 is paying for cover here, not buying medicine.
        let u = understand("外地买的社保怎么转回老家", &p);
        assert!(
            u.text.contains("交的医保") && !u.text.contains('买'),
            "{}",
            u.text
        );
        // A 户口 moved is a move of 户籍; 户口没迁 is not.
        assert!(
            understand("迁移户口医保怎么办", &p)
                .text
                .contains("户籍 搬家")
        );
        assert!(!understand("户口没迁能报销吗", &p).text.contains("搬家"));
        assert!(
            understand("没单位的人社保怎么交", &p)
                .text
                .contains("灵活就业")
        );
        let u = understand("医保从外地转到本地需要哪些手续", &p);
        assert!(u.intents.contains(&Intent::Papers));
        // Cover brought here from elsewhere is cover moved back, not a referral (转诊).
        assert!(u.text.contains("转回老家"), "{}", u.text);
    }

    #[test]
    fn the_words_of_old_baidu_questions_are_read_as_the_site_says_them() {
        let p = places();
        let text = |q: &str| understand(q, &p).text;
        assert!(text("自由职业者如何缴纳社保").contains("灵活就业"));
        assert!(text("个人缴纳医疗保险去哪交").contains("灵活就业"));
        assert!(text("外来人员辞退后自己能不能交社保").contains("离职"));
        assert!(text("单位倒闭后职工医保怎么办").contains("离职"));
        assert!(text("新农合转院手续怎么办").contains("转诊"));
        assert!(!text("新农合转院手续怎么办").contains("转院"));
        assert!(text("农保卡跨省可以报销吗").contains("异地就医"));
        // The 年 of a year goes; the year stays (2025年新规 is about one year).
        let t = text("2015年退休去哪办异地就医手续");
        assert!(t.contains("2015") && !t.contains('年'), "{t}");
        assert!(text("连续缴费满4年").contains('年'));
        assert!(
            text("12020年").contains('年'),
            "not a year: a longer number"
        );
        // Cover from one place used in another is treatment there, unless it is moved.
        assert!(text("深圳医保武汉能用吗").contains("异地就医"));
        assert!(!text("深圳医保转到武汉还能用吗").contains("异地就医"));
        assert!(text("异地医疗保险如何办理").contains("异地就医"));
        assert!(!text("异地医保怎么交").contains("异地就医"));
        // 异地医疗 alone is treatment there too, unless the cover is being moved.
        assert!(text("想办理异地医疗 不知道怎么操作").contains("异地就医"));
        assert!(!text("异地医疗如何转移").contains("异地就医"));
        // Claiming across a city line (跨市, 外县) is treatment elsewhere.
        assert!(text("跨市区农村合作医疗怎么报销的").contains("异地就医"));
        assert!(text("在外县住院能报销吗").contains("异地就医"));
        // A 户籍 moved is a move of 户口.
        assert!(text("把户籍转到西郊 医保如何转移").contains("户籍 搬家"));
        // Joining mid-year is joining after the enrolment period.
        assert!(text("回老家还可以中途参保农合吗").contains("集中参保期"));
        // 病退 is a retirement; stopping one's own 社保 is 停保; where one pays is 参保地.
        assert!(text("提前病退后医保怎么交").contains("退休"));
        assert!(text("个人办理暂停社保到哪个部门").contains("停保"));
        assert!(text("医保缴费地址怎么更换").contains("参保地"));
        assert!(text("在外省开电动车摔伤回老家可以报农合吗").contains("异地就医"));
        // One's own cover for a spouse or children to use is 家庭共济.
        assert!(text("爱人及子女看病是否可以使用我的医疗保险").contains("家庭共济"));
        // Joining the resident scheme where one lives, not where one's 户口 is.
        assert!(text("新农合异地怎么加入").contains("常住地参保"));
        assert!(text("异地可缴纳农村医疗保险吗").contains("常住地参保"));
        assert!(!text("在外地打工 老家的新农合还要交吗").contains("常住地参保"));
        assert!(!text("新农合转到外地怎么参保").contains("常住地参保"));
        // Both schemes at once is 重复参保; from one to the other, or comparing them, is not.
        assert!(text("一张身份证能办居民医疗保险和职工医疗保险吗").contains("重复参保"));
        assert!(text("城镇居民医疗保险要不要办，已经有社保了").contains("重复参保"));
        assert!(!text("居民医保能转到职工医保吗").contains("重复参保"));
        assert!(!text("职工医保和居民医保哪个好").contains("重复参保"));
    }

    #[test]
    fn a_move_is_told_from_no_move() {
        let p = places();
        let moves = |q: &str| names_move(&understand(q, &p).text);
        assert!(moves("医保转走以后家人还能用吗"));
        assert!(moves("辞职回老家医保怎么办"));
        assert!(moves("天门医保怎么到武汉"), "two places: a move");
        assert!(!moves("医保账户如何绑定家人"));
        assert!(!moves("医保断缴三个月会怎样"));
    }

    #[test]
    fn a_relative_is_told_from_nobody() {
        let p = places();
        let family = |q: &str| named_topics(&understand(q, &p).text) & 1 != 0;
        assert!(family("医保卡能给老婆用吗"));
        assert!(family("医保账户如何绑定家人"));
        assert!(family("给爸妈交医保能用我的账户吗"));
        assert!(!family("医保卡断交后还能用吗"));
        assert!(!family("医保卡停止交费了里面的钱能用吗"));
        let names = |q: &str| named_topics(&understand(q, &p).text);
        assert_ne!(names("领失业金期间医保怎么办") & 2, 0);
        assert_ne!(names("我爸退休了想去我那住") & 4, 0);
        assert_eq!(names("医保卡断交后还能用吗"), 0);
    }

    #[test]
    fn a_question_about_moving_in_general_is_told_apart() {
        let seg = crate::search::Segmenter::get();
        let general = |q: &str| is_general(&seg.query_terms(&understand(q, &places()).text));
        assert!(general("外地医保怎么转移"));
        assert!(general("更换地方医保怎么转"));
        assert!(general("深圳医保怎么转移"), "a place is out of the words");
        assert!(
            !general("天门医保怎么转到武汉"),
            "two places in one province: 省内"
        );
        assert!(
            !general("退休医保可以转移到其他城市吗"),
            "a retiree is one case"
        );
        assert!(!general("医保断了怎么办"), "no move");
        assert!(!general("医保卡转移后还能用吗"));
        assert!(!is_general(&[]));
        assert!(general("医保") && general("社保"), "the topic itself");
        assert!(!general("外地"), "a place word alone asks nothing");
    }

    #[test]
    fn what_search_engine_pages_pile_around_a_question_is_not_searched() {
        let seg = crate::search::Segmenter::get();
        let words = |q: &str| -> Vec<String> {
            seg.query_terms(&understand(q, &places()).text)
                .into_iter()
                .filter_map(|g| g.into_iter().next())
                .collect()
        };
        let w = words("新生儿医保办理地点指南:哪里申请及流程解析");
        assert!(
            !w.iter()
                .any(|w| ["指南", "及", "解析"].contains(&w.as_str())),
            "{w:?}"
        );
        // 中断 is one word (not 中 + 断了), and is 断缴.
        assert_eq!(words("医保中断了 该如何处理"), vec!["医保", "中断", "处理"]);
        assert!(
            understand("医保中断了该如何处理", &places())
                .intents
                .contains(&Intent::How)
        );
    }

    #[test]
    fn giving_family_ones_card_or_account_is_family_sharing() {
        let p = places();
        for q in [
            "儿女医保卡怎么给父母用",
            "医保账户如何绑定家人",
            "年轻人的医保可以给老人用吗",
        ] {
            assert!(understand(q, &p).text.contains("家庭共济"), "{q}");
        }
        assert!(
            !understand("父母的医保怎么转到我这边", &p)
                .text
                .contains("家庭共济")
        );
        assert!(
            !understand("给老人办异地就医备案", &p)
                .text
                .contains("家庭共济")
        );
    }

    #[test]
    fn a_province_and_a_place_in_it_are_one_place() {
        let p = Places::of(
            [
                ("济南市".to_string(), 370000),
                ("天门市".to_string(), 420000),
                ("武汉市".to_string(), 420000),
                ("长沙市".to_string(), 430000),
            ],
            [
                ("山东省".to_string(), 370000),
                ("湖北省".to_string(), 420000),
                ("湖南省".to_string(), 430000),
                ("广东省".to_string(), 440000),
            ],
        );
        let u = understand("山东济南医保卡余额异地转移要多久", &p);
        assert_eq!((u.places, u.scope), (1, None), "{u:?}");
        let u = understand("湖北天门医保转到湖北武汉", &p);
        assert_eq!(u.scope, Some(Scope::WithinProvince), "{u:?}");
        let u = understand("广东医保转到湖南长沙", &p);
        assert_eq!(u.scope, Some(Scope::CrossProvince), "{u:?}");
        // Said without names.
        assert!(
            understand("A市和B市不在一个省 医保能转吗", &p)
                .text
                .contains("跨省")
        );
    }

    #[test]
    fn sharing_with_a_sibling_or_a_spouse_is_family_sharing() {
        let u = understand("个人账户的余额可以给妹妹使用吗", &places());
        assert!(u.text.contains("家庭共济"), "{}", u.text);
        assert!(
            understand("个人自费交医保如何办理", &places())
                .text
                .contains("灵活就业")
        );
    }

    #[test]
    fn topics_the_site_does_not_cover_are_told_apart() {
        assert_eq!(
            uncovered("生育保险异地怎么报销"),
            Some(Uncovered::Maternity)
        );
        assert_eq!(uncovered("离职了还能休产假吗"), Some(Uncovered::Maternity));
        assert_eq!(uncovered("养老保险怎么转"), Some(Uncovered::Pension));
        assert_eq!(uncovered("退休金在哪领"), Some(Uncovered::Pension));
        // Medical cover named too: the site answers it.
        assert_eq!(uncovered("养老保险、医疗保险可以跨省转移吗"), None);
        assert_eq!(uncovered("养老金和医保不在一个地方"), None);
        // 养老 alone is retiring somewhere.
        assert_eq!(uncovered("退休回老家养老怎么看病"), None);
        assert_eq!(uncovered("医保转移"), None);
    }
}
