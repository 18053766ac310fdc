// Runs the built `whosaid` binary with `args`, feeding `stdin`; shared by the
// CLI test files through `include!`.

fn whosaid(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut stdin_pipe = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // Write from a thread so a large input cannot deadlock against stdout.
    let writer = std::thread::spawn(move || stdin_pipe.write_all(&data));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer thread").expect("write stdin");
    out
}
