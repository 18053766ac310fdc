fn main() {
    let t = std::env::args().nth(1).unwrap();
    let d = whosaid::text::Doc::new(&t);
    let v: Vec<&str> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
    println!("{:?}", v);
}
