//! Chinese word segmentation (jieba, its dictionary loaded once) with our domain words, query
//! analysis (stop words, synonyms people really type), and highlighting.

use jieba_rs::Jieba;
use std::sync::LazyLock;

/// Domain words jieba does not know as one word (design/site.md).
const DOMAIN_WORDS: &[&str] = &[
    "医保",
    "参保凭证",
    "参保证明",
    "联系函",
    "信息表",
    "统筹区",
    "统筹地区",
    "异地就医备案",
    "异地就医",
    "家庭共济",
    "灵活就业",
    "个人账户",
    "转移接续",
    "关系转移",
    "转出地",
    "转入地",
    "中止参保",
    "停保",
    "断缴",
    "中断",
    "断保",
    "补缴",
    "等待期",
    "待遇等待期",
    "医保电子凭证",
    "国家医保服务平台",
    "新农合",
    "城乡居民医保",
    "居民医保",
    "职工医保",
    "户籍地",
    "参保地",
    "就医地",
    "缴费年限",
    "视同缴费年限",
    "异地安置",
    "长期居住",
    "临时外出",
    "集中参保期",
    "医保钱包",
    "医保卡",
    "社保卡",
    "跨省通办",
    "钱",
    "跨省",
    "省内",
    "转回老家",
    "行政复议",
    "承诺书",
    "备案表",
    "报销比例",
    "直接结算",
    "手工报销",
    "急诊",
    "转诊",
    "退休人员",
    "共济",
    "零报销",
    "大病保险",
    "新生儿",
    "入职",
    "推来推去",
    "不给办",
    // "1个月内能…" is 月内 and 能, not 内能 (internal energy).
    "月内",
];

/// Words a spoken or pinyin-typed question often gets wrong by sound (备安, 报效), besides
/// the domain words.
const SPOKEN_WORDS: &[&str] = &[
    "报销",
    "备案",
    "转移",
    "社保",
    "医疗保险",
    "异地",
    "户口",
    "退休",
    "参保",
    "缴费",
    "职工",
    "居民",
    "离职",
    "辞职",
    "生效",
    "待遇",
    "年限",
    "结算",
    "住院",
];

/// Groups of words people use for the same thing; any one stands for all (design/site.md).
const SYNONYMS: &[&[&str]] = &[
    &["医保", "医疗保险", "基本医疗保险"],
    &[
        "转移",
        "转接",
        "转移接续",
        "转回老家",
        "转关系",
        "关系转移",
        "转走",
        "转出",
        "转过去",
        "转过来",
        "改成",
        "转成",
        "换成",
        "转保",
    ],
    &["参保凭证", "参保证明"],
    &["居民医保", "新农合", "城乡居民医保", "农村医保"],
    &["职工医保", "城镇职工", "职工基本医疗保险"],
    &["灵活就业", "个体", "个体户", "自由职业", "打零工"],
    &["社保卡", "医保卡"],
    &["老家", "回老家", "户籍地", "家乡"],
    &["备案", "报备"],
    &[
        "断缴",
        "断保",
        "中断缴费",
        "中断",
        "停缴",
        "没交",
        "空了",
        "断了",
    ],
    &["停保", "中止参保", "暂停参保", "减员"],
    &["家庭共济", "共济", "亲情账户"],
    &["个人账户", "账户余额", "个账", "余额", "卡里", "医保卡"],
    &["钱", "余额", "资金"],
    &["热线", "电话", "12393", "12333"],
    &["外地", "异地", "外省", "跨省"],
    &["看病", "就医"],
    &["多久", "时限", "多长时间", "几天", "多少天", "多长"],
    &["换工作", "跳槽"],
    &["医院", "住院"],
    &["同省", "省内", "同一个省", "省内跨统筹区", "跨市"],
    &["欠费", "欠缴", "交清", "欠着"],
    &["东西", "材料", "证明", "资料"],
    &["长住", "长期居住", "常住"],
    &["不给办", "推来推去", "不处理", "拒绝", "不受理", "不办"],
    &["入职", "新单位", "刚上班"],
    &["纸质", "打印"],
    &["app", "手机", "网上", "线上"],
    &["驳回", "退回", "不通过", "被拒"],
    &["公司", "单位", "人事", "用人单位"],
    &["催", "催办", "拖", "没办好", "还没转过来"],
    &["期限", "截止", "作废"],
    &[
        "爸妈",
        "父母",
        "家人",
        "家里人",
        "老人",
        "近亲属",
        "岳父",
        "岳母",
        "丈母娘",
        "老丈人",
        "公公",
        "婆婆",
        "兄弟姐妹",
        "哥哥",
        "弟弟",
        "姐姐",
        "妹妹",
        "老婆",
        "老公",
        "配偶",
        "媳妇",
        "丈夫",
        "妻子",
        "老头子",
        "老伴",
        "我爸",
        "我妈",
    ],
    &["年头", "年限", "缴费年限", "年数"],
    &["几月", "几月份", "什么时候", "集中参保期"],
    &[
        "认",
        "认不认",
        "算",
        "还算",
        "累计",
        "算数",
        "算不算",
        "合并",
        "合并计算",
        "加起来",
        "累加",
    ],
    &["工作", "上班"],
    &["都交", "重复", "两边", "两个地方", "两地"],
    &["上医保", "参保", "买医保"],
    &["文件", "依据", "规定"],
    &["马上", "等待期", "缴费当月"],
    &["搬家", "搬走", "搬过去", "搬到", "搬去", "搬回", "随迁"],
    &["确认", "核对", "核实"],
    // 没 is a stop word, but not having filed is the question.
    &["没备案", "没有备案", "未备案", "没办备案", "没有办备案"],
    &["网约车", "滴滴", "跑滴滴", "开网约车"],
    &["退役军人", "退役", "军人", "部队", "当兵", "退伍"],
    &[
        "骑手",
        "外卖",
        "快递员",
        "送外卖",
        "跑外卖",
        "送快递",
        "快递",
        "跑单",
    ],
];

/// Words that carry no meaning for search.
const STOP_WORDS: &[&str] = &[
    "的",
    "了",
    "吗",
    "呢",
    "吧",
    "啊",
    "呀",
    "我",
    "我的",
    "你",
    "他",
    "她",
    "们",
    "是",
    "在",
    "有",
    "和",
    "与",
    "或",
    "要",
    "能",
    "会",
    "可以",
    "怎么",
    "怎么办",
    "怎样",
    "如何",
    "什么",
    "哪里",
    "哪儿",
    "哪个",
    "为什么",
    "还",
    "就",
    "都",
    "也",
    "把",
    "被",
    "给",
    "对",
    "从",
    "到",
    "这",
    "那",
    "个",
    "一",
    "不",
    "没",
    "没有",
    "吗？",
    "请问",
    "一下",
    "需要",
    "应该",
    "不能",
    "现在",
    "人",
    "还在",
    "着",
    "咋",
    "咋办",
    "行不行",
    "吗？",
    "哪边",
    "开始",
    "是不是",
    "能不能",
    "可不可以",
    "多少",
    "去",
    "用",
    "让",
    "得",
    "地",
    "着",
    "过",
    "又",
    "才",
    "后",
    "意思",
    "啥",
    "是啥",
    "啥意思",
    "什么意思",
    "咋弄",
    "咋整",
    "弄",
    "一直",
    "实现",
    // Words of a spoken question that say nothing of its topic.
    "还是",
    "里",
    "想",
    "真的",
    "来",
    "说",
    "问",
    "起来",
    "听说",
    "发现",
    "那个",
    "这个",
    "但",
    "他们",
    "不管",
    "已经",
    "知道",
    "有人",
    "后来",
    "这时候",
    "就要",
    "跟",
    "实际",
    "哪些",
    "还要",
    "不要",
    "再",
    "当",
    "你好",
    "您好",
    "想问一下",
    "问一下",
    // What search-engine pages pile around a question ("…办理地点指南:哪里申请及流程解析",
    // "在线求解答").
    "该",
    "及",
    "解析",
    "指南",
    "办事",
    "在线",
    "求解答",
    "解答",
    "详解",
    "一览",
];

pub struct Segmenter {
    jieba: Jieba,
}

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::build);

impl Segmenter {
    /// The shared segmenter (jieba's dictionary is large: load it once per process).
    pub fn get() -> &'static Segmenter {
        &SEGMENTER
    }

    fn build() -> Segmenter {
        let mut jieba = Jieba::new();
        for w in Segmenter::added_words() {
            jieba.add_word(w, Some(50_000), None);
        }
        Segmenter { jieba }
    }

    /// The words added to jieba's dictionary: how the pages are cut into words depends on
    /// them, so a stored index is rebuilt when they change (see `fingerprint`).
    pub fn added_words() -> impl Iterator<Item = &'static str> {
        DOMAIN_WORDS
            .iter()
            .chain(SYNONYMS.iter().flat_map(|g| g.iter()))
            .copied()
    }

    /// The words a slip of voice or pinyin input is matched against (see `homophone`).
    pub fn sounds_like_words() -> impl Iterator<Item = &'static str> {
        DOMAIN_WORDS.iter().chain(SPOKEN_WORDS).copied()
    }

    /// `text` cut into words as typed (punctuation kept), for where words begin and end.
    pub fn pieces<'a>(&self, text: &'a str) -> Vec<&'a str> {
        // Without the HMM: characters the dictionary does not join stay apart (转一能 is
        // 转, 一, 能), so a slip's edges are found.
        self.jieba
            .cut(text, false)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// Whether jieba's dictionary (with our words) holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Words for the index: fine-grained (long words also yield the words inside them),
    /// lower-cased, punctuation dropped.
    pub fn words(&self, text: &str) -> Vec<String> {
        self.jieba
            .cut_for_search(text, true)
            .into_iter()
            .map(|t| t.word.trim().to_lowercase())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect()
    }

    /// Text as space-separated words, ready for FTS5's unicode61 tokenizer.
    pub fn index_text(&self, text: &str) -> String {
        self.words(text).join(" ")
    }

    /// The meaningful terms of a query, each with its synonyms, in the order typed. The query
    /// is cut into whole words (the index also holds the words inside long words).
    pub fn query_terms(&self, query: &str) -> Vec<Vec<String>> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        let words = self
            .jieba
            .cut(query, true)
            .into_iter()
            .map(|t| t.word.trim().to_lowercase())
            .filter(|w| w.chars().any(char::is_alphanumeric));
        for w in words {
            // A word already standing as another's synonym (个账余额: 余额 is 个账) asks
            // nothing new.
            if STOP_WORDS.contains(&w.as_str())
                || !seen.insert(w.clone())
                || out.iter().any(|g: &Vec<String>| g.contains(&w))
            {
                continue;
            }
            let mut group = vec![w.clone()];
            for g in SYNONYMS {
                if g.contains(&w.as_str()) {
                    group.extend(g.iter().filter(|s| **s != w).map(|s| s.to_string()));
                }
            }
            out.push(group);
        }
        out
    }

    /// The single characters of a word that carry meaning (not stop words), for a word the
    /// index does not know (jieba sometimes joins a noun to a verb: 钱能). A number no page
    /// holds (25, 2019) is dropped: its digits would match every date.
    pub fn split_unknown(&self, word: &str) -> Vec<Vec<String>> {
        if word.chars().all(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        word.chars()
            .map(|c| c.to_string())
            .filter(|c| !STOP_WORDS.contains(&c.as_str()) && c.chars().any(char::is_alphanumeric))
            .map(|c| vec![c])
            .collect()
    }

    /// One alternative as an FTS5 phrase of its words, quoted, inner quotes doubled; `None`
    /// when it holds no word.
    pub fn phrase(&self, alt: &str) -> Option<String> {
        let words = self.words(alt);
        if words.is_empty() {
            return None;
        }
        Some(format!("\"{}\"", words.join(" ").replace('"', "\"\"")))
    }

    /// An FTS5 MATCH expression: every alternative as a quoted phrase of its words, all
    /// joined with OR (bm25 ranks documents matching more of them higher). Never FTS5
    /// syntax from the user: each phrase is quoted and inner quotes doubled.
    pub fn fts_query(&self, terms: &[Vec<String>]) -> Option<String> {
        let mut phrases = Vec::new();
        for phrase in terms.iter().flatten().filter_map(|alt| self.phrase(alt)) {
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
        if phrases.is_empty() {
            None
        } else {
            Some(phrases.join(" OR "))
        }
    }
}

/// A run of text, matched (shown in `<mark>`) or not. Plain text: the template escapes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub marked: bool,
}

/// `spans` as text with the marked runs in brackets (`[医保]转移`), for tests and logs.
pub fn bracketed(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            if s.marked {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

/// Lower-cases `text` keeping every character's length in bytes, so that an offset in the
/// result is the same offset in `text` (a character whose lower case is longer stays as it is).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{2e80}'..'\u{ff00}').contains(&c) {
            // CJK characters and punctuation have no case.
            out.push(c);
        } else {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
                _ => out.push(c),
            }
        }
    }
    out
}

/// `text` cut into runs, every occurrence of `needles` a marked run. When `window` is set,
/// only about that many characters around the first match are kept, with `…` at a cut.
pub fn highlight(text: &str, needles: &[String], window: Option<usize>) -> Vec<Span> {
    let needles: Vec<String> = needles.iter().map(|n| fold(n)).collect();
    let finders: Vec<memchr::memmem::Finder> = needles
        .iter()
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        .collect();
    highlight_folded(text, &fold(text), &finders, window)
}

/// [`highlight`] for a text whose [`fold`] is at hand, with finders for the folded needles.
pub fn highlight_folded(
    text: &str,
    folded: &str,
    finders: &[memchr::memmem::Finder],
    window: Option<usize>,
) -> Vec<Span> {
    if folded.len() != text.len() {
        return highlight_folded(text, text, finders, window);
    }
    let finders: Vec<&memchr::memmem::Finder> =
        finders.iter().filter(|f| !f.needle().is_empty()).collect();
    let hay = folded.as_bytes();
    // The part shown, in bytes, and whether it was cut at either end.
    let (from, to, cut_start, cut_end) = match window {
        Some(w) => {
            let n = text.chars().count();
            if n > w {
                let first = finders
                    .iter()
                    .filter_map(|f| f.find(hay))
                    .min()
                    .map_or(0, |b| text[..b].chars().count());
                let start = first.saturating_sub(w / 4);
                let end = (start + w).min(n);
                let start = end.saturating_sub(w);
                let at = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
                (at(start), at(end), start > 0, end < n)
            } else {
                (0, text.len(), false, false)
            }
        }
        None => (0, text.len(), false, false),
    };
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for f in &finders {
        let len = f.needle().len();
        marks.extend(
            f.find_iter(&hay[from..to])
                .map(|m| (from + m, from + m + len)),
        );
    }
    marks.sort_unstable();
    let plain = |text: &str| Span {
        text: text.to_string(),
        marked: false,
    };
    let mut out = Vec::new();
    if cut_start {
        out.push(plain("…"));
    }
    let mut at = from;
    let mut i = 0;
    while i < marks.len() {
        let (start, mut end) = marks[i];
        // Overlapping or touching matches make one marked run.
        while i + 1 < marks.len() && marks[i + 1].0 <= end {
            i += 1;
            end = end.max(marks[i].1);
        }
        i += 1;
        if start > at {
            out.push(plain(&text[at..start]));
        }
        // A match that begins inside an earlier one adds only what is past it.
        let start = start.max(at);
        if end > start {
            out.push(Span {
                text: text[start..end].to_string(),
                marked: true,
            });
            at = end;
        }
    }
    if at < to {
        out.push(plain(&text[at..to]));
    }
    if cut_end {
        out.push(plain("…"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_words_stay_whole() {
        let s = Segmenter::get();
        let w = s.words("参保凭证在哪里开");
        assert!(w.contains(&"参保凭证".to_string()), "{w:?}");
        let w = s.words("退休回老家怎么办理异地就医备案");
        assert!(
            w.contains(&"异地就医备案".to_string()) && w.contains(&"备案".to_string()),
            "{w:?}"
        );
    }

    #[test]
    fn queries_drop_stop_words_and_expand_synonyms() {
        let s = Segmenter::get();
        let t = s.query_terms("退休回老家怎么把医保转回去");
        let flat: Vec<&str> = t.iter().flatten().map(String::as_str).collect();
        assert!(!flat.contains(&"怎么"));
        assert!(flat.contains(&"医疗保险"), "{flat:?}");
        assert!(flat.contains(&"户籍地"), "{flat:?}");
        let t = s.query_terms("听说已经转好的医保还要交");
        let flat: Vec<&str> = t.iter().flatten().map(String::as_str).collect();
        assert!(
            !flat.contains(&"听说") && !flat.contains(&"已经"),
            "{flat:?}"
        );
        assert!(flat.contains(&"医保"), "{flat:?}");
        // 余额 is already one of 个账's synonyms: one term, not the same thing twice.
        let t = s.query_terms("个账余额");
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains(&"余额".to_string()));
        // 转保 is moving one's cover; "1个月内能" holds no 内能 (internal energy).
        let t = s.query_terms("办理转保后1个月内能在外省参保吗");
        assert!(t.iter().any(|g| g.contains(&"转移".to_string())), "{t:?}");
        assert!(!t.iter().flatten().any(|w| w == "内能"), "{t:?}");
        // Years put together (合并) are years counted together (累计计算).
        let t = s.query_terms("医保年限可以合并吗");
        assert!(t.iter().any(|g| g.contains(&"累计".to_string())), "{t:?}");
    }

    #[test]
    fn unknown_words_become_their_meaningful_characters_and_unknown_numbers_go() {
        let s = Segmenter::get();
        assert_eq!(s.split_unknown("钱能"), vec![vec!["钱".to_string()]]);
        assert!(s.split_unknown("2019").is_empty());
    }

    #[test]
    fn fts_queries_are_always_quoted_phrases() {
        let s = Segmenter::get();
        for q in ["\"医保\" AND NEAR(x*", "a\"b", "*", "()", "医保 OR 转移"] {
            if let Some(f) = s.fts_query(&s.query_terms(q)) {
                for part in f.split(" OR ") {
                    assert!(part.starts_with('"') && part.ends_with('"'), "{f}");
                }
            }
        }
    }

    #[test]
    fn highlight_marks_and_escapes() {
        // Markup in the text stays text: escaping is the template's job.
        let h = bracketed(&highlight("医保<b>转移</b>医保", &["医保".into()], None));
        assert_eq!(h, "[医保]<b>转移</b>[医保]");
        let long = format!("{}医保{}", "甲".repeat(100), "乙".repeat(100));
        let h = bracketed(&highlight(&long, &["医保".into()], Some(40)));
        assert!(h.starts_with('…') && h.ends_with('…') && h.contains("[医保]"));
        assert!(h.chars().count() < 40 + 20);
    }
}
