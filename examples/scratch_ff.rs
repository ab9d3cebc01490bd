#[path = "bench_support/mod.rs"]
mod bench_support;
use bench_support::{InPty, ms, spawn_in_pty, stats, wait_screen};
use portable_pty::CommandBuilder;
use std::io::Write;
fn one(exe: &str, ready: &str, title: &str, data: &str) -> f64 {
    let mut cmd = CommandBuilder::new(exe);
    cmd.env("LANG", "nb_NO.UTF-8");
    cmd.env("MESTRING_DATA_DIR", data);
    cmd.env("MESTRING_CONFIG", format!("{data}/config.ron"));
    let InPty { mut child, pid: _, mut writer, rx, spawned, master: _m } = spawn_in_pty(cmd, 120, 40);
    let mut parser = vt100::Parser::new(40, 120, 0);
    let at = wait_screen(&rx, &mut parser, |s| s.contains(ready) && s.contains(title));
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().unwrap();
    ms(at - spawned)
}
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let (mut f, mut m, mut y) = (vec![], vec![], vec![]);
    for _ in 0..n {
        f.push(one("/work/main/target/release/examples/floor", "floor: 0 keys", "floor", "/tmp/s4/empty"));
        m.push(one(&std::env::var("A").unwrap(), "q avslutt", "I dag ·", "/tmp/s4/empty"));
        y.push(one(&std::env::var("B").unwrap(), "q avslutt", "I dag ·", "/tmp/s4/empty"));
    }
    let r = |a: &[f64]| stats(a.iter().zip(&f).map(|(x, y)| x / y).collect());
    println!(
        "floor {:?}\nempty {:?} ratio {:?}\nyears {:?} ratio {:?}",
        stats(f.clone()),
        stats(m.clone()),
        r(&m),
        stats(y.clone()),
        r(&y)
    );
}
