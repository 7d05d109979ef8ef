fn main() {
    std::process::exit(double11::cli::main());
}
