//! Render time of every screen (issue 7's performance pass):
//!
//!     cargo run --release --example bench_render [-- RENDERS]
//!
//! With 10 years of daily check-ins in a generated database, each tab (and the crisis and help
//! overlays, which draw over any screen) is shown once, then drawn RENDERS times (default 300)
//! into a ratatui `TestBackend` at 80x24 and at 200x60. "render" is `App::render` alone (what a
//! screen costs to lay out and paint into the buffer); "draw" is `Terminal::draw`, which adds
//! the diff against the previous frame. Prints a Markdown table for BENCHMARKS.md.

#[path = "checkin_data/generate.rs"]
mod generate;

use std::time::Instant;

use mestring::action::Action;
use mestring::app::{App, Options, Tab};
use mestring::clock::SystemClock;
use mestring::content::{Content, RegionId};
use mestring::i18n::Lang;
use mestring::store::Store;
use mestring::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn main() {
    let renders: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(300);
    let dir = std::env::temp_dir().join(format!("mestring-bench-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    generate::generate(&dir, 3653);
    println!("{renders} frames per screen and size, 10 years of daily check-ins; median / p99 in µs\n");
    println!("| screen | render 80x24 | draw 80x24 | render 200x60 | draw 200x60 |");
    println!("|---|---|---|---|---|");
    let mut screens: Vec<(String, Option<Tab>, Option<Action>)> =
        Tab::ALL.iter().map(|t| (t.title(Lang::En.strings()).to_owned(), Some(*t), None)).collect();
    screens.push(("crisis overlay".into(), None, Some(Action::Crisis)));
    screens.push(("help overlay".into(), None, Some(Action::Help)));
    let content = Content::leak(None);
    for (name, tab, overlay) in screens {
        let mut cells = Vec::new();
        for (w, h) in SIZES {
            let options = Options {
                lang: Lang::En,
                region: RegionId::Norway,
                theme: Theme::COLOR,
                mouse: false,
                bell: false,
            };
            let store = Store::open(&dir.join("mestring.sqlite3"));
            let mut app = App::new(options, content, Box::new(SystemClock), store);
            app.update(Action::Resize { width: w, height: h });
            if let Some(tab) = tab {
                app.show(tab);
            }
            if let Some(action) = overlay {
                app.update(action);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut render = Vec::with_capacity(renders);
            for _ in 0..renders {
                let mut frame = terminal.get_frame();
                let started = Instant::now();
                app.render(&mut frame);
                render.push(started.elapsed().as_secs_f64() * 1e6);
            }
            let mut draw = Vec::with_capacity(renders);
            for _ in 0..renders {
                let started = Instant::now();
                terminal.draw(|frame| app.render(frame)).unwrap();
                draw.push(started.elapsed().as_secs_f64() * 1e6);
            }
            cells.push(summary(render));
            cells.push(summary(draw));
        }
        println!("| {name} | {} |", cells.join(" | "));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn summary(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    let p99 = v[(v.len() * 99 / 100).min(v.len() - 1)];
    format!("{:.0} / {:.0}", v[v.len() / 2], p99)
}
