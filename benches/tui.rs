//! TUI speed on a 10-year journal (SPEC §9): first frame (open the journal, load the screen,
//! render it) ≤ 30 ms, and key press to redrawn frame ≤ 5 ms.

use std::hint::black_box;

use backtrack::demo::{DemoSpec, generate};
use backtrack::repo::Repo;
use backtrack::tui::{Action, App, Screen, Theme, render_buffer};
use backtrack::views::insights::{Range, load_trends};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn journal(dir: &std::path::Path, today: NaiveDate, years: u32) -> std::path::PathBuf {
    let path = dir.join(format!("{years}-years.db"));
    let mut repo = Repo::open(&path).expect("open");
    let batch = generate(DemoSpec {
        years,
        seed: 1,
        end: today,
    });
    repo.insert_batch(&batch).expect("insert the demo journal");
    path
}

fn benches(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = journal(dir.path(), today, 10);
    let one_year = journal(dir.path(), today, 1);

    // The 1-year first frames are the baseline of SPEC §9's growth rule (10y ≤ 1.3× 1y).
    for screen in [Screen::Today, Screen::Trends] {
        c.bench_function(&format!("first_frame_{}_1y", screen.name()), |b| {
            b.iter(|| {
                let repo = Repo::open(&one_year).unwrap();
                let app = App::new(repo, today, Theme::from_env(), screen);
                black_box(render_buffer(&app, 120, 40));
            })
        });
    }
    for screen in Screen::ALL {
        c.bench_function(&format!("first_frame_{}_10y", screen.name()), |b| {
            b.iter(|| {
                let repo = Repo::open(&path).unwrap();
                let app = App::new(repo, today, Theme::from_env(), screen);
                black_box(render_buffer(&app, 120, 40));
            })
        });
    }

    // `j` on each list screen (Today has no list: its figure is a bare redraw).
    for screen in [
        Screen::Today,
        Screen::Training,
        Screen::Meds,
        Screen::Timeline,
    ] {
        let mut app = App::new(Repo::open(&path).unwrap(), today, Theme::from_env(), screen);
        c.bench_function(&format!("key_to_frame_{}_j_10y", screen.name()), |b| {
            b.iter(|| {
                app.update(Action::Move(1));
                black_box(render_buffer(&app, 80, 24));
            })
        });
    }
    // A digit typed in the activity form: the live TSS is recomputed on every frame.
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Training,
    );
    app.update(Action::OpenActivity);
    c.bench_function("key_to_frame_activity_form_10y", |b| {
        b.iter(|| {
            app.update(Action::Text(backtrack::tui::action::Edit::Insert('1')));
            app.update(Action::Text(backtrack::tui::action::Edit::Backspace));
            black_box(render_buffer(&app, 80, 24));
        })
    });

    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Pain,
    );
    c.bench_function("key_to_frame_pain_j_10y", |b| {
        b.iter(|| {
            app.update(Action::Move(1));
            black_box(render_buffer(&app, 120, 40));
        })
    });
    // The calendar heat-map over the whole 10 years: `v` from the list (loads the history),
    // then `j` a month back (no load), wrapping to today after the first month.
    c.bench_function("first_frame_calendar_10y", |b| {
        b.iter(|| {
            let mut app = App::new(
                Repo::open(&path).unwrap(),
                today,
                Theme::from_env(),
                Screen::Pain,
            );
            app.update(Action::ToggleCalendar);
            black_box(render_buffer(&app, 120, 40));
        })
    });
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Pain,
    );
    app.update(Action::ToggleCalendar);
    c.bench_function("key_to_frame_calendar_j_10y", |b| {
        b.iter(|| {
            if app.pain_selected() <= app.pain.map.as_ref().and_then(|m| m.first).unwrap() {
                app.update(Action::Top);
            }
            app.update(Action::Move(1));
            black_box(render_buffer(&app, 120, 40));
        })
    });
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Today,
    );
    c.bench_function("key_to_frame_tab_reload_10y", |b| {
        b.iter(|| {
            // Dropping the loaded windows makes every switch query again: the worst case.
            app.dashboard = None;
            app.pain.log = None;
            app.training.rows = None;
            app.training.rehab = None;
            app.meds.data = None;
            app.trends.data = None;
            app.timeline.data = None;
            app.update(Action::NextScreen);
            black_box(render_buffer(&app, 120, 40));
        })
    });
    // Loading and drawing each Trends range afresh (what the first press of `]` costs).
    let mut repo = Repo::open(&path).unwrap();
    for range in Range::ALL {
        c.bench_function(
            &format!("trends_load_{}_10y", range.label().replace(" ", "")),
            |b| b.iter(|| black_box(load_trends(&mut repo, today, range).unwrap())),
        );
    }
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Trends,
    );
    let mut step = 1;
    c.bench_function("key_to_frame_trends_range_10y", |b| {
        b.iter(|| {
            // Back and forth over 4w ↔ all: after the first pass every range is loaded.
            if app.trends.range == Range::All {
                step = -1;
            } else if app.trends.range == Range::Weeks4 {
                step = 1;
            }
            app.update(Action::Range(step));
            black_box(render_buffer(&app, 120, 40));
        })
    });
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Today,
    );
    app.update(Action::OpenCheckin);
    c.bench_function("key_to_frame_form_digit_10y", |b| {
        b.iter(|| {
            app.update(Action::SetValue(4));
            black_box(render_buffer(&app, 80, 24));
        })
    });

    // `/` on the pain log searches the notes and tags of the whole history: Enter on words
    // no day has is the worst case (every day read, twice: before the selection, then from
    // today).
    let mut app = App::new(
        Repo::open(&path).unwrap(),
        today,
        Theme::from_env(),
        Screen::Pain,
    );
    c.bench_function("key_to_frame_pain_search_no_match_10y", |b| {
        b.iter(|| {
            app.update(Action::Search);
            for ch in "zzzq".chars() {
                app.update(Action::Text(backtrack::tui::action::Edit::Insert(ch)));
            }
            app.update(Action::Save);
            black_box(render_buffer(&app, 120, 40));
        })
    });
}

criterion_group! {
    name = tui;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(tui);
