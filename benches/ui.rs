//! UI costs: building and diffing a rain frame at 120×40 (target < 200 µs),
//! and a key event through to a new frame buffer (target < 1 ms).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use double11::app::settings::Settings;
use double11::app::state::{App, Options};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// The tutorial's rain, a few seconds in, at 120×40.
fn rain_app() -> (App, Instant) {
    let t0 = Instant::now();
    let mut app = App::new(
        Settings::default(),
        &Options {
            level: Some("tutorial".into()),
            seed: Some(11),
            ..Options::default()
        },
        (120, 40),
    );
    app.advance(t0);
    app.handle(&key(KeyCode::Enter), t0);
    let t = t0 + Duration::from_secs(5);
    app.advance(t);
    (app, t)
}

fn bench(c: &mut Criterion) {
    let area = Rect::new(0, 0, 120, 40);
    let (app, _) = rain_app();
    let mut prev = Buffer::empty(area);
    double11::ui::render(&app, area, &mut prev);
    c.bench_function("rain frame 120x40: build + diff", |b| {
        b.iter(|| {
            let mut cur = Buffer::empty(area);
            double11::ui::render(black_box(&app), area, &mut cur);
            black_box(prev.diff(&cur).len())
        })
    });

    let (mut app, t) = rain_app();
    let mut lane = 0u8;
    c.bench_function("key event -> new frame buffer", |b| {
        b.iter(|| {
            lane = (lane + 1) % 4;
            let code = KeyCode::Char(['d', 'f', 'j', 'k'][usize::from(lane)]);
            app.handle(&key(code), t);
            let mut cur = Buffer::empty(area);
            double11::ui::render(&app, area, &mut cur);
            black_box(cur)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
