//! Questions typed in traditional characters (醫保轉移怎麼辦) are searched in simplified ones,
//! the way the pages are written: one character for one, from OpenCC's table
//! (`t2s.txt`). No character of the table occurs in the pages, so a simplified question is
//! never changed (tested).

use std::collections::HashMap;
use std::sync::OnceLock;

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("t2s.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.chars();
                Some((c.next()?, c.next()?))
            })
            .collect()
    })
}

/// One character in simplified form (itself when it has none).
pub fn simplified(c: char) -> char {
    table().get(&c).copied().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_questions_read_as_simplified() {
        let q: String = "跨地區變動工作，職工醫保轉移接續怎麼辦理？"
            .chars()
            .map(simplified)
            .collect();
        assert_eq!(q, "跨地区变动工作，职工医保转移接续怎么办理？");
        assert!(table().len() > 4000);
    }

    #[test]
    fn no_character_of_the_pages_is_changed() {
        let lib = crate::content::Library::load(std::path::Path::new("content"))
            .expect("the site's content loads");
        for d in crate::search::docs_of(&lib) {
            for text in [&d.title, &d.body, &d.tags, &d.asked] {
                let changed: String = text.chars().filter(|&c| simplified(c) != c).collect();
                assert!(changed.is_empty(), "{}: {changed}", d.url);
            }
        }
    }
}
