//! `double11 quote`: price one checkout from a scenario file and print it.

use std::io::Write;

use super::{EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, QuoteArgs, json, text};
use crate::rules;
use crate::scenario;

/// Runs `double11 quote`; returns the exit code.
pub(super) fn run(args: &QuoteArgs) -> i32 {
    let order = match scenario::load(&args.scenario) {
        Ok(order) => order,
        Err(errors) => {
            let mut err = std::io::stderr().lock();
            for error in &errors {
                let _ = writeln!(err, "{error}");
            }
            return EXIT_BAD_INPUT;
        }
    };
    let receipt = if args.best {
        rules::best_plan(&order).receipt
    } else {
        rules::quote(&order)
    };
    let hints = args.hints.then(|| rules::hints(&order));
    let output = if args.json {
        json::render(&order, &receipt, hints.as_deref())
    } else {
        text::render(&order, &receipt, args.best, hints.as_deref())
    };
    // A closed pipe is not the checkout's fault; the exit code still tells.
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    if receipt.is_refused() {
        EXIT_REFUSED
    } else {
        EXIT_OK
    }
}
