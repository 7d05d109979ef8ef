//! `--level NAME|FILE`: a shipped level by name (`2017`, `2017.toml`) or a
//! level file on disk, loaded and checked before the terminal is touched.

use std::path::Path;

use super::state::LevelEntry;
use crate::level::Level;

/// Finds `name` among the levels on offer (with or without `.toml`).
pub fn shipped_index(levels: &[LevelEntry], name: &str) -> Option<usize> {
    let bare = name.trim_end_matches(".toml");
    levels
        .iter()
        .position(|e| e.file == name || e.file.trim_end_matches(".toml") == bare)
}

/// Loads a level file; the entry is named by the file's name. `Err` holds a
/// one-line message (file:line:column for a bad file).
pub fn load_file(path: &Path) -> Result<LevelEntry, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read level {}: {e}", path.display()))?;
    let file = super::levels::user_table(path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    ));
    let level =
        Level::from_toml_str(&text, &path.display().to_string()).map_err(|e| e.to_string())?;
    Ok(LevelEntry {
        file,
        source: path.display().to_string(),
        user: true,
        level: Ok(level),
    })
}

/// Resolves `--level`: a shipped name first, then a path. `Ok(None)` means a
/// shipped level (already in `levels`), `Ok(Some(entry))` a file to add.
pub fn resolve(levels: &[LevelEntry], name: &str) -> Result<Option<LevelEntry>, String> {
    if shipped_index(levels, name).is_some() {
        return Ok(None);
    }
    let path = Path::new(name);
    if path.exists() {
        return load_file(path).map(Some);
    }
    let names: Vec<&str> = levels
        .iter()
        .map(|e| e.file.trim_end_matches(".toml"))
        .collect();
    Err(format!(
        "no level named \"{name}\" and no such file (shipped: {})",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::shipped_levels;

    #[test]
    fn names_with_or_without_extension() {
        let levels = shipped_levels();
        assert!(shipped_index(&levels, "2017").is_some());
        assert!(shipped_index(&levels, "2017.toml").is_some());
        assert!(matches!(resolve(&levels, "tutorial"), Ok(None)));
        assert!(resolve(&levels, "no-such-level").is_err());
    }

    #[test]
    fn a_file_path_loads_and_a_bad_file_says_where() {
        let levels = shipped_levels();
        let dir = std::env::temp_dir().join(format!("d11-resolve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let good = dir.join("mine.toml");
        std::fs::write(&good, crate::level::shipped()[0].1).expect("write");
        let e = resolve(&levels, good.to_str().expect("utf8"))
            .expect("loads")
            .expect("a file entry");
        assert_eq!(e.file, "mine.toml");
        assert!(e.level.is_ok());
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "name = 3\n").expect("write");
        let err = resolve(&levels, bad.to_str().expect("utf8")).expect_err("bad");
        assert!(err.contains("bad.toml"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
