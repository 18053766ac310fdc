// Finds a file of the shared development corpora at run time:
// `$WHOSAID_SHARED/corpus`, else `../shared/corpus` beside the checkout,
// else `/work/shared/corpus`; shared by the test files through `include!`.
// Prints a note and returns None when it is absent, so a checkout without
// the corpora still passes the rest.

fn shared_corpus(name: &str) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [std::env::var("WHOSAID_SHARED").ok().map(PathBuf::from), Some(root.join("../shared")), Some(PathBuf::from("/work/shared"))];
    let found = candidates.into_iter().flatten().map(|d| d.join("corpus").join(name)).find(|p| p.exists());
    if found.is_none() {
        eprintln!("note: shared corpus/{name} not found; set WHOSAID_SHARED to run this check");
    }
    found
}
