//! The command line, declared with clap's derive API, and its mapping onto [`Options`].

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use lede_core::{Focus, Format, Options};

/// Exit codes, shown at the end of `--help`.
const EXIT_CODES: &str = "\
Exit codes:
  0  every input was extracted
  1  it ran, but some inputs held no article
  2  error: bad arguments, an unreadable input, a failed fetch
  130  interrupted (SIGINT or SIGTERM): the outputs written are whole, the rest were not
       written; a second signal stops at once";

/// How `lede eval` scores, shown at the end of `lede eval --help`.
const EVAL_NOTES: &str = "\
How pages are scored (as corpus/README.md defines it):
  body        ScrapingHub: multisets of 4-token shingles of the Unicode \\w+ tokens; precision and
              recall averaged over pages, F1 of the averages; accuracy = identical token sequence.
              WCXB word F1: F1 of bags of lowercased tokens, averaged over pages. Pages whose truth
              has no body are left out of both; an extraction error counts as empty text.
  snippets    `with` found (TP) or missing (FN), `without` found (FP), summed over all pages,
              whitespace collapsed before the (case-sensitive) substring test.
  metadata    over the pages whose truth has the field, after case folding, whitespace collapsing
              and trimming punctuation at the ends. Dates compare by calendar day (YYYY-MM-DD).
              Authors match as sets of names without a leading \"By\", or, because readability/
              gives the byline verbatim (\"By A and B\"), when both read as the same words once
              \"by\" and \"and\" are dropped.
  is_article  over the pages whose truth gives a page_type (or, in readability/, `readerable`):
              `article` (readerable) pages should be called articles, pages of every other type
              (unreadable pages) should not; accuracy = share called right.
  speed       each extract call is timed on its own thread; pages/s and MB/s are over the summed
              call times (one core's rate), and the wall time of the whole run is shown beside.";

/// Lede: turn news and web pages into clean, structured articles.
#[derive(Debug, Parser)]
#[command(name = "lede", version, about, after_help = EXIT_CODES)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract articles from files, folders, URLs, WARC archives or stdin.
    #[command(after_help = EXIT_CODES)]
    Extract(ExtractArgs),
    /// Score the extractor on a folder of pages with known-good output (`<id>.html` + `<id>.json`).
    #[command(after_long_help = EVAL_NOTES)]
    Eval(EvalArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

/// The User-Agent sent unless `--user-agent` says otherwise.
pub(crate) const DEFAULT_USER_AGENT: &str =
    concat!("Mozilla/5.0 (compatible; lede/", env!("CARGO_PKG_VERSION"), "; article extractor)");

/// Output formats: the core's, plus JSON Lines, which frames the core's JSON for a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutputFormat {
    /// A format the core renders.
    Core(Format),
    /// One compact JSON object per line, with the input it came from.
    Jsonl,
}

impl OutputFormat {
    /// The extension of files written with `--out`.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            OutputFormat::Core(format) => format.extension(),
            OutputFormat::Jsonl => "jsonl",
        }
    }
}

/// Every output format in `--help` order: the core's, with JSON Lines after JSON.
static OUTPUT_FORMATS: LazyLock<Vec<OutputFormat>> = LazyLock::new(|| {
    Format::ALL
        .iter()
        .flat_map(|&f| {
            let jsonl = (f == Format::Json).then_some(OutputFormat::Jsonl);
            std::iter::once(OutputFormat::Core(f)).chain(jsonl)
        })
        .collect()
});

impl ValueEnum for OutputFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &OUTPUT_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            OutputFormat::Core(format) => PossibleValue::new(format.name()).help(format.description()),
            OutputFormat::Jsonl => PossibleValue::new("jsonl")
                .help("One compact JSON object per line, with the input it came from"),
        })
    }
}

/// The precision/recall balance, mirroring [`Focus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FocusArg {
    /// The default balance, tuned for the best F1.
    Balanced,
    /// Drop anything doubtful: fewer stray lines, some lost content.
    Precision,
    /// Keep anything plausible: nothing lost, some boilerplate.
    Recall,
}

/// Flags that map onto [`lede_core::Options`].
#[derive(Debug, Clone, Args)]
pub(crate) struct OptionArgs {
    /// Trade precision (no boilerplate) against recall (no lost content).
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    pub(crate) focus: FocusArg,
    /// Drop images (figure blocks and the `images` list).
    #[arg(long)]
    pub(crate) no_images: bool,
    /// Drop hyperlinks (their text stays).
    #[arg(long)]
    pub(crate) no_links: bool,
    /// Drop tables.
    #[arg(long)]
    pub(crate) no_tables: bool,
    /// Keep the comment section after the body.
    #[arg(long)]
    pub(crate) comments: bool,
}

impl OptionArgs {
    /// The core options these flags select.
    pub(crate) fn options(&self) -> Options {
        let mut options = Options::default();
        options.focus = match self.focus {
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Precision => Focus::Precision,
            FocusArg::Recall => Focus::Recall,
        };
        options.images = !self.no_images;
        options.links = !self.no_links;
        options.tables = !self.no_tables;
        options.comments = self.comments;
        options
    }
}

/// `lede extract`.
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// Files, folders (searched recursively), http(s):// URLs, WARC files (.warc, .warc.gz), or `-` for stdin (the default).
    pub(crate) inputs: Vec<String>,
    /// Output format [default: json for one input, jsonl for many].
    #[arg(short, long, value_enum)]
    pub(crate) format: Option<OutputFormat>,
    /// Base URL of a single input (its address, for relative links and dates).
    #[arg(long, value_parser = parse_http_url)]
    pub(crate) url: Option<String>,
    /// Read URLs to fetch from FILE, one per line (`-` for stdin); blank lines and `#` comments are skipped.
    #[arg(long, value_name = "FILE")]
    pub(crate) urls: Option<PathBuf>,
    /// Write one file per input into DIR: `DIR/<input stem>.<ext>`, a folder's sub-folders
    /// mirrored, a URL as its address with `_` for unsafe characters, a WARC record as
    /// `<warc stem>/<record index>`. A name this run already gave (ignoring case) or an input
    /// file's own name gets `-2`, `-3`, … in input order. DIR must not be inside an input folder.
    #[arg(short, long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Worker threads [default: number of cores].
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// Write outputs as inputs finish rather than in input order (no waiting behind a slow
    /// input, such as a URL on a slow host).
    #[arg(long)]
    pub(crate) unordered: bool,
    /// Print nothing on stderr but errors (no progress bar, no summary line).
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Hide the progress bar.
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Extraction options.
    #[command(flatten)]
    pub(crate) options: OptionArgs,
    /// Fetching options.
    #[command(flatten)]
    pub(crate) fetch: FetchArgs,
}

/// How URLs are fetched.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Fetching")]
pub(crate) struct FetchArgs {
    /// Give up on a URL after this many seconds (connect, send and read together).
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub(crate) timeout: f64,
    /// Largest response body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub(crate) max_bytes: u64,
    /// Most redirects followed.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) max_redirects: usize,
    /// Most requests in flight to one host.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) per_host: usize,
    /// Least time between two requests to one host, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 0.5)]
    pub(crate) host_delay: f64,
    /// User-Agent header sent.
    #[arg(long, value_name = "UA", default_value = DEFAULT_USER_AGENT)]
    pub(crate) user_agent: String,
}

/// A half of a numbered text folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Split {
    /// Ids whose number is even (`00`, `p02`, `p04`, …): the half rules are tuned on.
    Even,
    /// Ids whose number is odd (`p01`, `p03`, …): the half kept for an honest score.
    Odd,
}

/// `lede eval`.
#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// A folder in the corpus layout: `<id>.html` pages with `<id>.json` truth.
    pub(crate) folder: PathBuf,
    /// Print the full report (summary, page types, every page) as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// How many of the worst pages by body F1 to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) worst: usize,
    /// Show one page: its scores, metadata side by side, and a diff of truth against prediction.
    #[arg(long, value_name = "ID")]
    pub(crate) show: Option<String>,
    /// Score only pages of this WCXB page type (article, forum, product, ...).
    #[arg(long, value_name = "TYPE")]
    pub(crate) page_type: Option<String>,
    /// Score only half of a text folder, split by the number in each id (`00` is even): tune
    /// on one half, report the other untouched.
    #[arg(long, value_enum, value_name = "HALF")]
    pub(crate) split: Option<Split>,
    /// Worker threads [default: number of cores]; each extraction is timed on its own.
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// Extraction options.
    #[command(flatten)]
    pub(crate) options: OptionArgs,
}

/// `--url`: an absolute `http://` or `https://` address.
fn parse_http_url(text: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(text).map_err(|e| format!("not an absolute URL ({e})"))?;
    match url.scheme() {
        "http" | "https" => Ok(text.to_owned()),
        other => Err(format!("unsupported scheme `{other}`: only http:// and https:// addresses are pages")),
    }
}
