use clap::Parser;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;
use yibao::web::{self, AppState, Settings};

/// 医保转移接续指南：网站服务器。
///
/// Serves the guides, the FAQ and search, and the personal transfer plan.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// 监听地址 / address to listen on
    #[arg(long, env = "YIBAO_ADDR", default_value = "127.0.0.1:8080")]
    addr: String,
    /// 内容目录（指南、常见问题、数据）/ content directory
    #[arg(long, env = "YIBAO_CONTENT", default_value = "content")]
    content: PathBuf,
    /// 数据目录（SQLite 搜索索引；不可写时索引放在内存里）/ data directory
    #[arg(long, env = "YIBAO_DATA", default_value = "data")]
    data: PathBuf,
    /// 对外网址，用于 sitemap 和订阅 / public URL for the sitemap and feed
    #[arg(long, env = "YIBAO_SITE_URL", default_value = "http://127.0.0.1:8080")]
    site_url: String,
    /// 工作线程数（默认等于 CPU 核数）/ worker threads (default: one per core)
    #[arg(long, env = "YIBAO_WORKERS")]
    workers: Option<usize>,
    /// 固定“今天”的日期（测试和演示用，YYYY-MM-DD）/ a fixed today, for tests and demos
    #[arg(long, env = "YIBAO_TODAY", hide = true)]
    today: Option<chrono::NaiveDate>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// 检查内容（编辑用）：按启动时的规则校验全部内容，并提示相似问题、写死的数字、
    /// 超过一年没有核对的页面和一句话答案里的术语。有错误时退出码非 0。
    ///
    /// Checks all content the way start-up does, plus editor warnings.
    Check {
        /// 内容目录 / content directory
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// 试搜索（编辑用）：显示一个问题被理解成什么、拆成哪些词，以及前几条结果和得分，
    /// 用来检查新写的 `asked` 问法能不能找到本页。
    ///
    /// Shows how search reads a question and what it finds, with scores.
    Search {
        /// 要试的问题 / the question
        query: String,
        /// 显示几条 / how many results
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// 内容目录 / content directory
        #[arg(long)]
        content: Option<PathBuf>,
    },
}

/// `yibao search`: the question as understood, its terms, and the ranked results.
fn try_search(content: &std::path::Path, query: &str, limit: usize) -> ExitCode {
    let lib = match yibao::web::validate_content(content) {
        Ok(lib) => lib,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::FAILURE;
        }
    };
    let regions = match yibao::plan::PlanFiles::load(&content.join("data")) {
        Ok(files) => files.regions,
        Err(e) => {
            eprintln!("错误：{}：{}", e.file.display(), e.message);
            return ExitCode::FAILURE;
        }
    };
    let index = match yibao::search::FaqIndex::in_memory(&yibao::search::docs_of(&lib), "cli") {
        Ok(i) => i.with_places(web::places_of(&regions)),
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::FAILURE;
        }
    };
    let (understood, terms) = index.explain(query);
    println!("理解为：{}", understood.text);
    for (typed, meant) in &understood.corrected {
        println!("改正：{typed} → {meant}");
    }
    println!(
        "问的是：{:?}；地点 {} 个，范围 {:?}；险种方向 {:?}",
        understood.intents, understood.places, understood.scope, understood.direction
    );
    let terms: Vec<String> = terms.iter().map(|g| g.join("|")).collect();
    println!("检索词：{}", terms.join(" · "));
    if let Ok(like) = index.reads_like(query, 3) {
        let like: Vec<String> = like.iter().map(|(u, p)| format!("{u} {p:.2}")).collect();
        println!("读起来像：{}", like.join(" · "));
    }
    match index.find(query, limit) {
        Ok(found) => {
            if found.approximate {
                println!("（近似结果）");
            }
            for (i, h) in found.hits.iter().enumerate() {
                let title: String = h.title.iter().map(|s| s.text.as_str()).collect();
                println!("{}. {:7.2}  {}  {}", i + 1, h.score, h.url, title);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

/// `yibao check`: errors fail (exit 1), warnings are printed and do not.
fn check(content: &std::path::Path) -> ExitCode {
    let lib = match yibao::web::validate_content(content) {
        Ok(lib) => lib,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::FAILURE;
        }
    };
    let today = yibao::web::china_today();
    let warnings = yibao::content::check::warnings(&lib, today);
    for w in &warnings {
        println!("提示：{w}");
    }
    println!(
        "内容检查通过：{} 篇指南、{} 个常见问题、{} 个旧网址转向；{} 条提示。",
        lib.guides.len(),
        lib.faqs.len(),
        lib.redirects().count(),
        warnings.len()
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Check { content }) = &cli.command {
        return check(content.as_ref().unwrap_or(&cli.content));
    }
    if let Some(Command::Search {
        query,
        limit,
        content,
    }) = &cli.command
    {
        return try_search(content.as_ref().unwrap_or(&cli.content), query, *limit);
    }
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    // RUST_LOG filters as usual (`RUST_LOG=warn`, `RUST_LOG=yibao=debug`); the default is info.
    // Lines go to stdout from a background thread, so a slow log sink never stalls a request;
    // `_flush` writes what is left when main returns.
    let (writer, _flush) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(writer)
        .with_target(false)
        .with_ansi(ansi)
        .init();
    let settings = Settings {
        content_dir: cli.content,
        data_dir: cli.data,
        site_url: cli.site_url,
        today: cli.today,
    };
    let state = match AppState::load(&settings) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match TcpListener::bind(&cli.addr) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("无法监听 {}：{e}", cli.addr);
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("serving on http://{}", cli.addr);
    let state = actix_web::web::Data::new(state);
    // The first search loads the segmenter's dictionary and the documents (about 0.1 s):
    // done beside the server as it starts, not in the first visitor's request.
    let warm = state.clone();
    std::thread::spawn(move || warm.index.warm());
    let result = actix_web::rt::System::new()
        .block_on(async move { web::server(state, listener, cli.workers)?.await });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
