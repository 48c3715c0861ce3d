//! SIGINT and SIGTERM during `lede extract`: the first asks the batch to stop between two
//! outputs, so every file and JSON line written is whole; a second ends the process at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use signal_hook::consts::TERM_SIGNALS;
use signal_hook::flag;

/// Exit code of a run stopped by a signal (128 + SIGINT, as shells report Ctrl-C).
pub(crate) const EXIT_INTERRUPTED: u8 = 130;

/// Whether a stop was asked for.
#[derive(Clone)]
pub(crate) struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    /// Installs the handlers: the first signal sets the flag, a second (the flag already
    /// set) exits with [`EXIT_INTERRUPTED`] without waiting.
    pub(crate) fn install() -> Result<Interrupt> {
        let flag = Arc::new(AtomicBool::new(false));
        for &signal in TERM_SIGNALS {
            // Registered before the flag is set, so it sees the flag of an earlier signal.
            flag::register_conditional_shutdown(signal, i32::from(EXIT_INTERRUPTED), Arc::clone(&flag))
                .and_then(|_| flag::register(signal, Arc::clone(&flag)))
                .context("cannot install the signal handlers")?;
        }
        Ok(Interrupt(flag))
    }

    /// Whether a signal has arrived.
    pub(crate) fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
