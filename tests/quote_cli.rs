//! `double11 quote` end to end: the built binary on the fixture scenarios.
//!
//! - `tests/fixtures/quote/*.toml` are checkouts, most of them the worked
//!   examples of the mechanics sources (§2.7 A–J). Each `*.expect.json` names
//!   a scenario, the extra arguments, the exit code and the JSON fields the
//!   output must have (objects are matched key by key, everything else
//!   exactly), written by hand from the sources' numbers.
//! - `tests/fixtures/bad_scenarios/*.toml` are broken files; each
//!   `*.expected` lists, one per line, `LINE:COL: text` for every error the
//!   file must produce, in order.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// The files in `dir` whose names end with `suffix`, sorted.
fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

fn double11<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_double11"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `double11 quote SCENARIO --json ARGS…`: the parsed JSON and the exit code.
fn quote_json(scenario: &Path, args: &[&str]) -> (Value, i32) {
    let mut all: Vec<&OsStr> = vec![OsStr::new("quote"), scenario.as_os_str(), "--json".as_ref()];
    all.extend(args.iter().map(OsStr::new));
    let out = double11(&all);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(
        stdout.lines().count(),
        1,
        "{}: one JSON line, got {stdout:?} (stderr {})",
        scenario.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {stdout}", scenario.display()));
    (json, out.status.code().expect("an exit code"))
}

/// Checks that `actual` has every field of `expected`: objects key by key
/// (more keys in `actual` are fine), everything else exactly.
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want {
                let at = format!("{path}.{key}");
                let got = have
                    .get(key)
                    .unwrap_or_else(|| panic!("{at} is missing in {actual}"));
                assert_subset(value, got, &at);
            }
        }
        (Value::Array(want), Value::Array(have)) => {
            assert_eq!(want.len(), have.len(), "{path}: {actual} vs {expected}");
            for (n, (w, h)) in want.iter().zip(have).enumerate() {
                assert_subset(w, h, &format!("{path}[{n}]"));
            }
        }
        _ => assert_eq!(expected, actual, "at {path}"),
    }
}

fn fen(json: &Value, key: &str) -> i64 {
    json[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} is not an integer in {json}"))
}

/// goods = Σ discounts + presale bonus + deposits paid + pay, and the lines
/// add up to the pay.
fn assert_identity(json: &Value, what: &str) {
    let discounts: i64 = json["discounts"]
        .as_object()
        .expect("discounts is an object")
        .values()
        .map(|v| v.as_i64().expect("a discount in fen"))
        .sum();
    assert_eq!(
        fen(json, "goods"),
        discounts + fen(json, "presale_bonus") + fen(json, "deposits_paid") + fen(json, "pay"),
        "{what}: goods ≠ discounts + presale_bonus + deposits_paid + pay in {json}"
    );
    let lines: i64 = json["lines"]
        .as_array()
        .expect("lines is an array")
        .iter()
        .map(|l| fen(l, "pay"))
        .sum();
    assert_eq!(lines, fen(json, "pay"), "{what}: lines do not add up");
}

#[test]
fn worked_examples_price_as_the_sources_say() {
    let dir = fixtures("quote");
    let expectations = files_ending(&dir, ".expect.json");
    assert!(
        expectations.len() >= 20,
        "fixtures missing in {}",
        dir.display()
    );
    for file in expectations {
        let text = fs::read_to_string(&file).expect("readable expectation");
        let spec: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let scenario = dir.join(spec["scenario"].as_str().expect("a scenario name"));
        let args: Vec<&str> = spec["args"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let (json, code) = quote_json(&scenario, &args);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        assert_eq!(
            i64::from(code),
            spec["exit"].as_i64().unwrap_or(0),
            "{name}: exit code; output {json}"
        );
        assert_subset(&spec["json"], &json, &name);
    }
}

#[test]
fn every_fixture_adds_up_with_and_without_best() {
    for scenario in files_ending(&fixtures("quote"), ".toml") {
        for args in [&[][..], &["--best"][..]] {
            let (json, _) = quote_json(&scenario, args);
            assert_identity(&json, &format!("{} {args:?}", scenario.display()));
        }
    }
}

#[test]
fn a_prime_best_drops_the_store_envelope_and_pays_180() {
    let scenario = fixtures("quote").join("a_prime_with_envelope.toml");
    let (default, _) = quote_json(&scenario, &[]);
    let (best, code) = quote_json(&scenario, &["--best"]);
    assert_eq!(code, 0);
    assert_eq!(fen(&default, "pay"), 19500);
    assert_eq!(fen(&best, "pay"), 18000);
    assert_eq!(best["used"]["coupons"], serde_json::json!([]));
    assert_eq!(best["discounts"]["cross_store"], 2000);
}

#[test]
fn presale_reports_deposits_and_bonus_apart() {
    let (json, code) = quote_json(&fixtures("quote").join("j_presale_inflation.toml"), &[]);
    assert_eq!(code, 0);
    assert_eq!(fen(&json, "pay"), 85000);
    assert_eq!(fen(&json, "deposits_paid"), 10000);
    assert_eq!(fen(&json, "presale_bonus"), 5000);
}

#[test]
fn allowance_is_capped_by_the_balance() {
    for (cart, off) in [(300, 30), (600, 60), (900, 90), (1500, 120)] {
        let scenario = fixtures("quote").join(format!("h_allowance_{cart}.toml"));
        let (json, _) = quote_json(&scenario, &[]);
        assert_eq!(json["discounts"]["allowance"], off * 100, "cart {cart}");
        assert_eq!(json["discounts"]["cross_store"], 0, "cart {cart}");
        assert_eq!(fen(&json, "pay"), (cart - off) * 100, "cart {cart}");
    }
}

#[test]
fn refused_checkouts_exit_1_and_still_print_the_priced_receipt() {
    for (name, reason) in [
        ("refused_over_credit", "over_credit"),
        ("refused_out_of_stock", "out_of_stock"),
        ("refused_over_limit", "over_limit"),
    ] {
        let scenario = fixtures("quote").join(format!("{name}.toml"));
        let (json, code) = quote_json(&scenario, &[]);
        assert_eq!(code, 1, "{name}");
        assert!(fen(&json, "pay") > 0, "{name}: priced anyway");
        assert_eq!(json["refused"][0]["reason"], reason, "{name}");
        // The readable receipt exits 1 too, and says so.
        let out = double11([OsStr::new("quote"), scenario.as_os_str()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("REFUSED"), "{name}: {text}");
    }
}

#[test]
fn unusable_tools_are_listed_but_do_not_refuse() {
    let (json, code) = quote_json(&fixtures("quote").join("envelope_refusals.toml"), &[]);
    assert_eq!(code, 0);
    let reasons: Vec<&str> = json["refused"]
        .as_array()
        .expect("refused is an array")
        .iter()
        .filter_map(|r| r["reason"].as_str())
        .collect();
    assert_eq!(reasons, ["expired", "envelope_limit", "below_minimum"]);
}

#[test]
fn the_readable_receipt_shows_steps_totals_tools_and_hints() {
    let scenario = fixtures("quote").join("a_prime_with_envelope.toml");
    let out = double11([
        OsStr::new("quote"),
        scenario.as_os_str(),
        "--hints".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for needle in [
        "coat × 1 at ¥200.00 (store a)",
        "store card",
        "-¥5.00",
        "pay now",
        "¥195.00",
        "counted ¥195.00, earned ¥0.00",
        "store envelope red5",
        "Hints",
        "add ¥5.00 more in a",
        "OK: the checkout goes through",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    let (json, _) = quote_json(&scenario, &["--hints"]);
    assert!(json["hints"][0]["add"].as_i64().is_some(), "{json}");
}

#[test]
fn bad_files_exit_2_with_every_error_at_file_line_column() {
    let dir = fixtures("bad_scenarios");
    let files = files_ending(&dir, ".toml");
    assert!(files.len() >= 20, "fixtures missing in {}", dir.display());
    for file in files {
        let expected_file = file.with_extension("expected");
        let expected = fs::read_to_string(&expected_file)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_file.display()));
        let out = double11([OsStr::new("quote"), file.as_os_str(), "--json".as_ref()]);
        let name = file.display().to_string();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 errors");
        let got: Vec<&str> = stderr.lines().collect();
        let want: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(got.len(), want.len(), "{name}:\n{stderr}");
        for (g, w) in got.iter().zip(&want) {
            let (place, text) = w.split_once(": ").expect("LINE:COL: text");
            let prefix = format!("{name}:{place}: ");
            assert!(
                g.starts_with(&prefix) && g[prefix.len()..].contains(text),
                "{name}: wanted {prefix}…{text}…\n got {g}"
            );
        }
    }
}

#[test]
fn an_unreadable_file_exits_2_with_a_clear_message() {
    let missing = fixtures("quote").join("no_such_scenario.toml");
    let out = double11([OsStr::new("quote"), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{}: cannot read the scenario file",
            missing.display()
        )),
        "{stderr}"
    );
    let dir = fixtures("quote");
    let out = double11([OsStr::new("quote"), dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_command_line_exits_2() {
    let out = double11(["quote"]);
    assert_eq!(out.status.code(), Some(2));
    let out = double11(["quote", "x.toml", "--fast"]);
    assert_eq!(out.status.code(), Some(2));
}
