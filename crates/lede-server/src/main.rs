//! `lede-server`: reads the configuration, sets up logging, serves until SIGINT or SIGTERM.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use lede_server::{AppState, Config, LogFormat, app, serve};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let config = Config::parse();
    init_logging(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&anyhow::Error::new(e).context("could not start the async runtime")),
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(error: &anyhow::Error) -> ExitCode {
    eprintln!("error: {error}");
    for cause in error.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    ExitCode::from(2)
}

fn init_logging(format: LogFormat) {
    let directives =
        std::env::var("LEDE_LOG").or_else(|_| std::env::var("RUST_LOG")).unwrap_or_else(|_| "info".into());
    let filter = EnvFilter::try_new(log_directives(&directives)).unwrap_or_else(|e| {
        eprintln!("warning: LEDE_LOG {directives:?} is not a valid filter ({e}); logging at info");
        EnvFilter::new(log_directives("info"))
    });
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
}

/// The filter directives for `requested`: html5ever logs a warning per node for some markup
/// (foster parenting in tables), which `tracing`'s `log` bridge would pass on, so one page
/// could write millions of lines. Its records are kept to errors unless the filter names
/// html5ever itself.
fn log_directives(requested: &str) -> String {
    if requested.contains("html5ever") {
        requested.to_owned()
    } else if requested.trim().is_empty() {
        "info,html5ever=error".to_owned()
    } else {
        format!("{requested},html5ever=error")
    }
}

async fn run(config: Config) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("could not listen on {}", config.listen))?;
    let addr = listener.local_addr().context("could not read the listening address")?;
    let limits = config.connection_limits();
    tracing::info!(
        workers = config.worker_count(),
        queue = config.queue,
        max_connections = config.max_connections,
        allow_private_targets = config.allow_private_targets,
        "listening on http://{addr}"
    );
    let state = AppState::new(config).context("could not set up the server")?;
    serve(listener, app(state), shutdown_signal(), limits).await.context("the server failed")?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on ctrl-c (SIGINT) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html5ever_warnings_are_filtered_unless_asked_for() {
        assert_eq!(log_directives("warn"), "warn,html5ever=error");
        assert_eq!(log_directives(""), "info,html5ever=error");
        assert_eq!(log_directives("debug,html5ever=warn"), "debug,html5ever=warn");
    }
}
