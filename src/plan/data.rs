//! Reading the plan's data files from `content/data/`: regions (行政区划), the holiday and
//! 调休 calendar, and the local rules. Each error names the file.

use super::calendar::WorkingDayCalendar;
use super::local::LocalRules;
use super::regions::Regions;
use std::path::{Path, PathBuf};

/// The data the plan reads besides the content library.
#[derive(Debug)]
pub struct PlanFiles {
    pub regions: Regions,
    pub calendar: WorkingDayCalendar,
    pub local: LocalRules,
}

/// A data file that could not be read or parsed.
#[derive(Debug)]
pub struct DataError {
    pub file: PathBuf,
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

impl std::error::Error for DataError {}

impl PlanFiles {
    /// Reads `dir/regions.csv`, `dir/holidays.csv` and `dir/local_rules.toml`.
    pub fn load(dir: &Path) -> Result<PlanFiles, DataError> {
        let read = |name: &str| -> Result<(PathBuf, String), DataError> {
            let file = dir.join(name);
            match std::fs::read_to_string(&file) {
                Ok(text) => Ok((file, text)),
                Err(e) => Err(DataError {
                    file,
                    message: e.to_string(),
                }),
            }
        };
        let fail = |file: PathBuf| move |message: String| DataError { file, message };
        let (file, text) = read("regions.csv")?;
        let regions = Regions::parse(&text).map_err(fail(file))?;
        let (file, text) = read("holidays.csv")?;
        let calendar = WorkingDayCalendar::parse(&text).map_err(fail(file))?;
        let (file, text) = read("local_rules.toml")?;
        let local = LocalRules::parse(&text, |code| {
            regions.is_unit(code) || regions.province_name(code).is_some()
        })
        .map_err(fail(file))?;
        Ok(PlanFiles {
            regions,
            calendar,
            local,
        })
    }
}
