//! `lede extract` batches lose nothing: every input ends as its own output or an error,
//! inputs are never overwritten, an interrupted run leaves only whole outputs, and output
//! comes in input order.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::warc::{record, response};
use crate::{ARTICLE, json_lines, lede, stderr, write};

/// The article page with a sentence naming `marker`, to tell outputs apart.
fn page(marker: &str) -> String {
    ARTICLE.replace("</article>", &format!("<p>This copy of the report is the one marked {marker}, kept apart from every other copy in the batch.</p></article>"))
}

/// A gzipped copy of `text`.
fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        walkdir(dir).into_iter().map(|p| p.strip_prefix(dir).unwrap().to_owned()).collect();
    files.sort();
    files
}

/// Files under `dir`, recursively.
fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn colliding_out_names_each_get_their_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write(&a.join("x.html"), page("a-html"));
    write(&a.join("x.htm"), page("a-htm"));
    write(&a.join("x.html.gz"), gzip(&page("a-gz")));
    write(&a.join("X.HTML"), page("a-upper"));
    write(&b.join("x.html"), page("b-html"));
    for (folder, marker) in [(&a, "warc-a"), (&b, "warc-b")] {
        let rec = record(
            "response",
            "https://news.test/x",
            "2024-05-01T00:00:00Z",
            &response("text/html", &page(marker)),
        );
        write(&folder.join("crawl.warc"), rec);
    }
    #[cfg(unix)]
    for (name, marker) in [(&b"\xff.html"[..], "bad-ff"), (&b"\xfe.html"[..], "bad-fe")] {
        use std::os::unix::ffi::OsStrExt;
        write(&b.join(std::ffi::OsStr::from_bytes(name)), page(marker));
    }
    let inputs = if cfg!(unix) { 9 } else { 7 };
    let run = |out: &Path| {
        let result = lede()
            .args(["extract", "-f", "text", "--jobs", "3", "--out"])
            .arg(out)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
        assert!(stderr(&result).contains(&format!("{inputs} inputs: {inputs} ok")), "{}", stderr(&result));
        files(out)
    };
    let out = dir.path().join("out");
    let names = run(&out);
    assert_eq!(names.len(), inputs, "one file per input: {names:?}");
    let mut markers: Vec<String> = names
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(out.join(name)).unwrap();
            let marker = text.split("the one marked ").nth(1).unwrap().split(',').next().unwrap();
            marker.to_owned()
        })
        .collect();
    markers.sort();
    markers.dedup();
    assert_eq!(markers.len(), inputs, "every input's own text survives: {markers:?}");
    // Names follow input order (the sorted walk), not which worker finished first.
    for _ in 0..2 {
        let again = dir.path().join("again");
        assert_eq!(run(&again), names);
        for name in &names {
            assert_eq!(
                std::fs::read(out.join(name)).unwrap(),
                std::fs::read(again.join(name)).unwrap(),
                "{name:?}"
            );
        }
        std::fs::remove_dir_all(&again).unwrap();
    }
    assert!(
        names.contains(&PathBuf::from("X.txt")) && names.contains(&PathBuf::from("x-2.txt")),
        "{names:?}"
    );
    assert!(
        names.contains(&PathBuf::from("crawl/0.txt")) && names.contains(&PathBuf::from("crawl/0-2.txt")),
        "{names:?}"
    );
}

#[test]
fn out_inside_an_input_folder_is_refused_and_inputs_stay() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("p1.html"), page("one"));
    write(&corpus.join("p1.json"), "{\"truth\": true}");
    for out in [corpus.clone(), corpus.join("sub/out")] {
        let result = lede().args(["extract", "-f", "json", "--out"]).arg(&out).arg(&corpus).output().unwrap();
        assert_eq!(result.status.code(), Some(2));
        assert!(stderr(&result).contains("inside the input folder"), "{}", stderr(&result));
    }
    assert_eq!(std::fs::read_to_string(corpus.join("p1.json")).unwrap(), "{\"truth\": true}");
    assert!(!corpus.join("sub").exists(), "nothing is created before the refusal");
}

#[test]
fn an_output_never_takes_an_input_files_name() {
    let dir = tempfile::tempdir().unwrap();
    let (html, txt) = (dir.path().join("a.html"), dir.path().join("a.txt"));
    write(&html, page("html"));
    write(&txt, "Pasted notes that must survive.\n");
    let result = lede()
        .args(["extract", "-f", "text", "--out"])
        .arg(dir.path())
        .arg(&html)
        .arg(&txt)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), "Pasted notes that must survive.\n");
    assert!(std::fs::read_to_string(dir.path().join("a-2.txt")).unwrap().contains("marked html"));
    assert!(std::fs::read_to_string(dir.path().join("a-3.txt")).unwrap().contains("Pasted notes"));
}

#[test]
fn jsonl_comes_in_input_order_behind_a_slow_input() {
    let dir = tempfile::tempdir().unwrap();
    // The first page is far larger, so the other workers finish many pages before it.
    let slow = page("slow")
        .replace(
            "</article>",
            &"<p>More words about the weather in the city today, and more after that.</p>".repeat(3000),
        )
        .replace("</body>", "</article></body>");
    write(&dir.path().join("p000.html"), slow);
    for i in 1..40 {
        write(&dir.path().join(format!("p{i:03}.html")), page(&i.to_string()));
    }
    let result = lede().args(["extract", "--jobs", "3"]).arg(dir.path()).output().unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let inputs: Vec<String> =
        json_lines(&result).iter().map(|l| l["input"].as_str().unwrap().to_owned()).collect();
    let expected: Vec<String> =
        (0..40).map(|i| dir.path().join(format!("p{i:03}.html")).display().to_string()).collect();
    assert_eq!(inputs, expected);
    let result = lede().args(["extract", "--jobs", "3", "--unordered"]).arg(dir.path()).output().unwrap();
    let mut inputs: Vec<String> =
        json_lines(&result).iter().map(|l| l["input"].as_str().unwrap().to_owned()).collect();
    inputs.sort();
    assert_eq!(inputs, expected, "finish order loses nothing either");
}

/// Starts a batch over `folder`, waits for its first output (a line of stdout, or a file in
/// `out_dir`), sends `signal`, and returns its stdout, stderr and exit code.
fn interrupt(
    extra: &[&str],
    folder: &Path,
    signal: &str,
    out_dir: Option<&Path>,
) -> (String, String, Option<i32>) {
    let bin = assert_cmd::cargo::cargo_bin!("lede");
    let mut child = std::process::Command::new(bin)
        .args(["extract", "--jobs", "2"])
        .args(extra)
        .arg(folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    match out_dir {
        Some(dir) => {
            while !dir.exists() || files(dir).is_empty() {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        None => {
            stdout.read_line(&mut first).unwrap();
        }
    }
    let status = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    let code = child.wait().unwrap().code();
    (first + &rest, err, code)
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_only_whole_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for i in 0..3000 {
        write(&input.join(format!("p{i:04}.html")), page(&i.to_string()));
    }
    let (out, err, code) = interrupt(&["-q"], &input, "-INT", None);
    assert_eq!(code, Some(130), "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty() && lines.len() < 3000, "{}", lines.len());
    assert!(out.ends_with('\n'), "no half line at the end");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["input"], input.join(format!("p{i:04}.html")).display().to_string());
    }
    assert!(err.contains(&format!("interrupted; {} inputs were written whole", lines.len())), "{err}");

    // The same with files, stopped by SIGTERM: no truncated or temporary file remains.
    let out_dir = dir.path().join("out");
    let (_, err, code) =
        interrupt(&["-f", "jsonl", "--out", out_dir.to_str().unwrap()], &input, "-TERM", Some(&out_dir));
    assert_eq!(code, Some(130), "{err}");
    let written = files(&out_dir);
    assert!(!written.is_empty() && written.len() < 3000, "{}", written.len());
    for name in written {
        assert!(!name.to_string_lossy().contains(".lede-"), "temporary file left: {name:?}");
        let text = std::fs::read_to_string(out_dir.join(&name)).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{name:?}: {e}"));
    }
}
