//! Where `--out` writes: one unique, deterministic file name per input, never an input's
//! own file, each written under a temporary name and renamed into place.
//!
//! Names are given in input order (the order the inputs are listed and folders walked), so
//! the same inputs always get the same names, whichever worker finishes first. An input's
//! natural name is `DIR/<sub-folders>/<stem>.<ext>`; when this run already gave that name
//! (compared without regard to case, as macOS and Windows file systems do) or it is one of
//! the input files, the input gets `<stem>-2.<ext>`, then `-3`, and so on.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::inputs::Arg;

/// Gives each input its own output path under the `--out` folder.
pub(crate) struct Names {
    /// The `--out` folder, made absolute.
    dir: PathBuf,
    /// The extension of every output.
    extension: &'static str,
    /// Hashes of the names given so far, lowercased. A hash collision only costs a needless
    /// suffix, never an overwrite, so 8 bytes a name keep memory small on huge batches.
    taken: HashSet<u64>,
}

impl Names {
    /// Names under `dir` with `extension`, none of them an input file of `args`.
    pub(crate) fn new(dir: &Path, extension: &'static str, args: &[Arg]) -> Names {
        let mut names = Names { dir: dir.to_owned(), extension, taken: HashSet::new() };
        for arg in args {
            if let Arg::File(path) | Arg::Warc(path) = arg
                && let Ok(path) = path.canonicalize()
                && let Ok(relative) = path.strip_prefix(&names.dir)
            {
                names.taken.insert(key(relative.as_os_str()));
            }
        }
        names
    }

    /// The output path for an input whose natural name (relative, without extension) is
    /// `relative`: that name, or the first free one with a numeric suffix.
    pub(crate) fn assign(&mut self, relative: &Path) -> PathBuf {
        let stem = relative.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let stem = if stem.is_empty() { "page".to_owned() } else { stem };
        let mut n = 1usize;
        loop {
            let name = match n {
                1 => format!("{stem}.{}", self.extension),
                n => format!("{stem}-{n}.{}", self.extension),
            };
            let candidate = relative.with_file_name(name);
            if self.taken.insert(key(candidate.as_os_str())) {
                return self.dir.join(candidate);
            }
            n += 1;
        }
    }
}

/// The hash under which a name is reserved: its lowercased text.
fn key(name: &std::ffi::OsStr) -> u64 {
    let mut hasher = DefaultHasher::new();
    name.to_string_lossy().to_lowercase().hash(&mut hasher);
    hasher.finish()
}

/// The input folders an output must never land in.
pub(crate) struct Guard {
    /// The folder inputs, made absolute.
    folders: Vec<PathBuf>,
}

impl Guard {
    /// Checks that `out` is not an input folder or inside one (outputs there could overwrite
    /// pages, or a corpus's `<id>.json` truth, and a later walk would read them as inputs).
    pub(crate) fn new(out: &Path, args: &[Arg]) -> Result<Guard> {
        let out = absolute(out)?;
        let mut folders = Vec::new();
        for arg in args {
            if let Arg::Folder(folder) = arg {
                let folder =
                    folder.canonicalize().with_context(|| format!("cannot read {}", folder.display()))?;
                if out.starts_with(&folder) {
                    bail!(
                        "--out {} is inside the input folder {}: outputs would mix with the inputs and could overwrite them; choose a folder outside it",
                        out.display(),
                        folder.display()
                    );
                }
                folders.push(folder);
            }
        }
        Ok(Guard { folders })
    }

    /// Fails when `path` lies in an input folder (an input folder inside `--out` whose
    /// sub-folder happens to mirror a name).
    fn check(&self, path: &Path) -> Result<()> {
        if let Some(folder) = self.folders.iter().find(|f| path.starts_with(f)) {
            bail!("refusing to write {}: it is inside the input folder {}", path.display(), folder.display());
        }
        Ok(())
    }

    /// Writes `text` to `path` atomically: into a temporary file beside it, renamed into
    /// place once complete, so an interrupted run never leaves a truncated output under its
    /// final name.
    pub(crate) fn write(&self, path: &Path, text: &str) -> Result<()> {
        let parent = path.parent().context("internal: an output path has a parent folder")?;
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        let real = parent.canonicalize().with_context(|| format!("cannot read {}", parent.display()))?;
        self.check(&real.join(path.file_name().unwrap_or_default()))?;
        let mut file = tempfile::Builder::new()
            .prefix(".lede-")
            .suffix(".tmp")
            .tempfile_in(parent)
            .with_context(|| format!("cannot create a temporary file in {}", parent.display()))?;
        file.write_all(text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
        file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

/// `path` made absolute with symbolic links resolved, for a path that may not exist yet:
/// its longest existing ancestor is resolved and the rest appended.
pub(crate) fn absolute(path: &Path) -> Result<PathBuf> {
    let path = std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Ok(rest.iter().rev().fold(real, |acc: PathBuf, part| acc.join(part)));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return Ok(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_in_order_and_ignore_case() {
        let mut names = Names::new(Path::new("/o"), "md", &[]);
        assert_eq!(names.assign(Path::new("a/x")), Path::new("/o/a/x.md"));
        assert_eq!(names.assign(Path::new("b/x")), Path::new("/o/b/x.md"));
        assert_eq!(names.assign(Path::new("a/x")), Path::new("/o/a/x-2.md"));
        assert_eq!(names.assign(Path::new("A/X")), Path::new("/o/A/X-3.md"));
        assert_eq!(names.assign(Path::new("a/x-2")), Path::new("/o/a/x-2-2.md"));
        assert_eq!(names.assign(Path::new("")), Path::new("/o/page.md"));
    }
}
