//! The floor for the start-up benchmark: the least a ratatui program can do. One bordered
//! paragraph; every key redraws it with a count (so key-to-frame can be measured); `q` quits.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let mut keys = 0u32;
    let result = loop {
        if let Err(err) = terminal.draw(|frame| {
            let text = format!("floor: {keys} keys");
            frame.render_widget(Paragraph::new(text).block(Block::bordered()), frame.area());
        }) {
            break Err(err);
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                if key.code == KeyCode::Char('q') {
                    break Ok(());
                }
                keys += 1;
            }
            Ok(_) => {}
            Err(err) => break Err(err),
        }
    };
    ratatui::restore();
    result
}
