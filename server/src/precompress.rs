//! Pre-compressed copies of the built assets. `ServeDir` serves `name.br` or `name.gz` in
//! place of `name` when the client accepts it, so these are compressed once at the highest
//! level instead of on every request. Written next to the originals in the site's `pkg/`
//! folder, only when missing or older than the original; runs in the background so start-up
//! is not delayed (until it finishes, responses are compressed on the fly as before).
//!
//! Crash-safe: each copy is written to `name.br.partial` and renamed into place, so a
//! process killed mid-write leaves at most a `.partial` file, which is never served under
//! the asset's name and is removed by the next start.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Compresses every `.js`, `.wasm` and `.css` file in `dir`; returns how many copies it wrote.
pub fn precompress_assets(dir: &Path) -> std::io::Result<usize> {
    remove_partial_copies(dir)?;
    let mut written = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "js" | "wasm" | "css"));
        if !compressible {
            continue;
        }
        for (suffix, compress) in [
            ("br", brotli_bytes as fn(&[u8]) -> std::io::Result<Vec<u8>>),
            ("gz", gzip_bytes),
        ] {
            let target = with_suffix(&path, suffix);
            if is_fresh(&target, &path) {
                continue;
            }
            let compressed = compress(&fs::read(&path)?)?;
            write_then_rename(&target, &compressed)?;
            written += 1;
        }
    }
    Ok(written)
}

/// Leftovers of a run that was killed while writing.
fn remove_partial_copies(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == PARTIAL) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

const PARTIAL: &str = "partial";

/// Writes `bytes` beside `target` and renames them into place: readers see the old file or
/// the whole new one, never a part.
fn write_then_rename(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = with_suffix(target, PARTIAL);
    let mut file = fs::File::create(&partial)?;
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    file.write_all(first)?;
    pause_mid_write_for_tests();
    file.write_all(rest)?;
    drop(file);
    fs::rename(&partial, target)
}

/// Test builds (feature `test-hooks`) with `EXPLORER_TEST_PRECOMPRESS_PAUSE_MS=N` stop N ms half-way through each
/// copy, so the crash test can kill the process while a file is half-written.
fn pause_mid_write_for_tests() {
    #[cfg(feature = "test-hooks")]
    if let Some(ms) = std::env::var("EXPLORER_TEST_PRECOMPRESS_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn is_fresh(copy: &Path, original: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    matches!((modified(copy), modified(original)), (Some(copy), Some(original)) if copy >= original)
}

pub fn brotli_bytes(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut output = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 64 * 1024, 11, 22);
        writer.write_all(data)?;
    }
    Ok(output)
}

pub fn gzip_bytes(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_brotli_and_gzip_copies_that_decompress_to_the_original() {
        let dir = tempfile::tempdir().expect("tempdir");
        let original = "console.log('hello');\n".repeat(200);
        fs::write(dir.path().join("app.js"), &original).expect("write");
        fs::write(dir.path().join("notes.txt"), "not an asset").expect("write");
        assert_eq!(precompress_assets(dir.path()).expect("compress"), 2);

        let br = fs::read(dir.path().join("app.js.br")).expect("br");
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut decoded).expect("brotli decodes");
        assert_eq!(decoded, original.as_bytes());
        let gz = fs::read(dir.path().join("app.js.gz")).expect("gz");
        let mut decoded = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(gz.as_slice()),
            &mut decoded,
        )
        .expect("gzip decodes");
        assert_eq!(decoded, original);
        assert!(!dir.path().join("notes.txt.br").exists());

        // Fresh copies are left alone.
        assert_eq!(precompress_assets(dir.path()).expect("again"), 0);

        // A copy half-written by a killed run is removed, not kept or served.
        fs::write(dir.path().join("app.js.br.partial"), &br[..br.len() / 2]).expect("write");
        assert_eq!(precompress_assets(dir.path()).expect("after a crash"), 0);
        assert!(!dir.path().join("app.js.br.partial").exists());
    }
}
