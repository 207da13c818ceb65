//! The places a person can pick (行政区划, `content/data/regions.csv`): 31 provinces, 333
//! prefecture-level units and 32 county-level units administered by a province. The four
//! municipalities are picked as the province itself. Whether two units are one 医保统筹区
//! (pooling region) is a policy question the site answers with "以当地为准".

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub code: u32,
    pub name: String,
    pub province_code: u32,
    pub province_name: String,
    /// A municipality (北京, 天津, 上海, 重庆): the province row is the unit.
    pub municipality: bool,
}

impl Region {
    /// `湖南省长沙市`, or `北京市` for a municipality.
    pub fn full_name(&self) -> String {
        if self.municipality {
            self.name.clone()
        } else {
            format!("{}{}", self.province_name, self.name)
        }
    }
}

/// A six-digit region code that names a unit a person can pick. Only [`Regions::parse_code`]
/// makes one from outside, so an answer never holds a code the regions file lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegionCode(u32);

impl RegionCode {
    pub fn get(self) -> u32 {
        self.0
    }
    /// A code in unit tests, where the regions file is known.
    #[cfg(test)]
    pub(crate) const fn test(code: u32) -> RegionCode {
        RegionCode(code)
    }
}

impl std::fmt::Display for RegionCode {
    /// The six digits, as in the URL (`440300`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

#[derive(Debug)]
pub struct Regions {
    /// Pickable units, in file order (provinces in code order, cities within them).
    units: Vec<Region>,
    by_code: HashMap<u32, usize>,
    /// Provinces that are not units themselves (you must pick a city in them).
    provinces: HashMap<u32, String>,
}

/// A province with its pickable units, for the grouped select.
pub struct ProvinceGroup<'a> {
    pub name: &'a str,
    pub units: Vec<&'a Region>,
}

impl Regions {
    pub fn parse(text: &str) -> Result<Regions, String> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Level {
            Province,
            Prefecture,
            County,
        }
        #[derive(serde::Deserialize)]
        struct Row {
            code: u32,
            name: String,
            province_code: u32,
            province_name: String,
            level: Level,
        }
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("regions.csv 的表头不对：{e}"))?;
        if headers != vec!["code", "name", "province_code", "province_name", "level"] {
            return Err("regions.csv 的表头不对".into());
        }
        let mut rows = Vec::new();
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let r = row.map_err(|e| format!("regions.csv 第 {} 行不对：{e}", i + 2))?;
            let level = match r.level {
                Level::Province => "province",
                Level::Prefecture => "prefecture",
                Level::County => "county",
            };
            rows.push((
                r.code,
                r.name,
                r.province_code,
                r.province_name,
                level.to_string(),
            ));
        }
        let mut units = Vec::new();
        let mut provinces = HashMap::new();
        for (code, name, pcode, pname, level) in &rows {
            match level.as_str() {
                "province" => {
                    let has_children = rows.iter().any(|r| r.2 == *code && r.4 != "province");
                    if has_children {
                        provinces.insert(*code, name.clone());
                    } else {
                        units.push(Region {
                            code: *code,
                            name: name.clone(),
                            province_code: *pcode,
                            province_name: pname.clone(),
                            municipality: true,
                        });
                    }
                }
                "prefecture" | "county" => units.push(Region {
                    code: *code,
                    name: name.clone(),
                    province_code: *pcode,
                    province_name: pname.clone(),
                    municipality: false,
                }),
                other => return Err(format!("regions.csv 里有未知的级别 {other}")),
            }
        }
        units.sort_by_key(|r| (r.province_code, r.code));
        let by_code = units.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
        Ok(Regions {
            units,
            by_code,
            provinces,
        })
    }

    pub fn get(&self, code: RegionCode) -> Option<&Region> {
        self.by_code.get(&code.0).map(|&i| &self.units[i])
    }

    /// Parses a user's value: a known unit's code, or an error message in Chinese.
    pub fn parse_code(&self, value: &str) -> Result<RegionCode, String> {
        let v = value.trim();
        let code: u32 = match v.parse() {
            Ok(c) if v.len() == 6 => c,
            _ => return Err("请从列表里选择一个地区。".into()),
        };
        if self.by_code.contains_key(&code) {
            Ok(RegionCode(code))
        } else if let Some(p) = self.provinces.get(&code) {
            Err(format!("请选择到{p}下面的市（地区、州、盟）。"))
        } else {
            Err("没有这个地区代码，请从列表里重新选择。".into())
        }
    }

    /// Whether `code` is a pickable unit.
    pub fn is_unit(&self, code: u32) -> bool {
        self.by_code.contains_key(&code)
    }

    /// The name of a province that is not a pickable unit itself (`广东省`).
    pub fn province_name(&self, code: u32) -> Option<&str> {
        self.provinces.get(&code).map(String::as_str)
    }

    pub fn units(&self) -> &[Region] {
        &self.units
    }

    /// Units grouped by province, provinces in code order.
    pub fn groups(&self) -> Vec<ProvinceGroup<'_>> {
        let mut out: Vec<ProvinceGroup> = Vec::new();
        for r in &self.units {
            match out.last_mut() {
                Some(g) if g.units[0].province_code == r.province_code => g.units.push(r),
                _ => out.push(ProvinceGroup {
                    name: &r.province_name,
                    units: vec![r],
                }),
            }
        }
        out
    }

    pub fn same_province(&self, a: RegionCode, b: RegionCode) -> bool {
        match (self.get(a), self.get(b)) {
            (Some(x), Some(y)) => x.province_code == y.province_code,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Regions {
        Regions::parse(include_str!("../../content/data/regions.csv")).unwrap()
    }

    #[test]
    fn counts_match_the_data_readme() {
        let r = regions();
        // 333 prefecture-level + 32 county-level + 4 municipalities
        assert_eq!(r.units().len(), 333 + 32 + 4);
        assert_eq!(r.groups().len(), 31);
        assert_eq!(r.units().iter().filter(|u| u.municipality).count(), 4);
    }

    #[test]
    fn names_and_provinces() {
        let r = regions();
        let cs = r.get(RegionCode(430100)).unwrap();
        assert_eq!(cs.full_name(), "湖南省长沙市");
        assert_eq!(r.get(RegionCode(110000)).unwrap().full_name(), "北京市");
        assert!(r.same_province(RegionCode(440300), RegionCode(440100)));
        assert!(!r.same_province(RegionCode(440300), RegionCode(430100)));
    }

    #[test]
    fn parsing_user_values() {
        let r = regions();
        assert_eq!(r.parse_code("430100"), Ok(RegionCode(430100)));
        assert!(r.parse_code("430000").unwrap_err().contains("湖南省"));
        assert!(r.parse_code("999999").is_err());
        assert!(r.parse_code("43010").is_err());
        assert!(r.parse_code("<script>").is_err());
        assert!(r.parse_code("+430100").is_err());
    }
}
