//! Every page type passes the Nu HTML Checker (no errors) and axe-core (no WCAG 2.1 A/AA
//! violations). Later pages are added to `helpers::page_types()` and are held to the same bar.

use crate::helpers::*;
use std::process::Command;

#[tokio::test]
#[ignore = "needs Java, the Nu HTML Checker, axe-core and Chromium: run scripts/test"]
async fn every_page_type_passes_the_nu_html_checker() {
    let jar = repo("tools/node_modules/vnu-jar/build/dist/vnu.jar");
    require("vnu-jar (npm)", &jar);
    let dir = artifacts("vnu");
    let mut files = Vec::new();
    for (i, path) in page_types().iter().enumerate() {
        let (status, body) = get_text(path).await;
        assert!(
            [200, 400, 404].contains(&status) && !body.is_empty(),
            "{path} answered {status}: every page type must be a page, not a redirect"
        );
        let f = dir.join(format!("page-{i}.html"));
        std::fs::write(&f, body).unwrap();
        files.push((path.clone(), f));
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(files.iter().map(|(_, f)| f))
        .output()
        .expect("run java -jar vnu.jar");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("vnu output: {}", String::from_utf8_lossy(&out.stderr)));
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| {
            let file = m["url"].as_str().unwrap_or("");
            let page = files
                .iter()
                .find(|(_, f)| file.ends_with(f.file_name().unwrap().to_str().unwrap()))
                .map(|(p, _)| p.as_str())
                .unwrap_or(file);
            format!("{page}:{}: {}", m["lastLine"], m["message"])
        })
        .collect();
    assert!(
        errors.is_empty(),
        "Nu HTML Checker errors:\n{}",
        errors.join("\n")
    );
}

#[tokio::test]
#[ignore = "needs Java, the Nu HTML Checker, axe-core and Chromium: run scripts/test"]
async fn every_page_type_passes_axe() {
    let Some(driver) = browser::open(1280, true).await else {
        return;
    };
    let mut all = Vec::new();
    for large in [false, true] {
        if large {
            driver
                .goto(url("/settings/text?size=large&back=/"))
                .await
                .unwrap();
        }
        for path in page_types() {
            driver.goto(url(&path)).await.unwrap();
            let Some(v) = browser::axe_violations(&driver).await else {
                driver.quit().await.unwrap();
                return;
            };
            all.extend(
                v.into_iter()
                    .map(|v| format!("{path} (large={large}): {v}")),
            );
        }
    }
    driver.quit().await.unwrap();
    assert!(all.is_empty(), "axe violations:\n{}", all.join("\n"));
}
