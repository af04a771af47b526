//! `show SCREEN`: draws one screen of the app to stdout with the app's own render code and no
//! terminal, for scripts, quick looks over ssh and as the first-frame benchmark hook.

use anyhow::Result;

use super::args::{Global, ShowArgs};
use super::ctx::{Ctx, emit};
use crate::tui::{Screen, render_once};
use crate::views::insights::Range;

pub fn show(g: &Global, a: ShowArgs) -> Result<()> {
    // clap restricts the names; this only guards against the two lists drifting apart.
    let screen = Screen::parse(&a.screen).ok_or_else(|| {
        crate::domain::InputError::new(
            "screen",
            format!(
                "unknown screen '{}'; allowed: today, pain, training, meds, trends, timeline, week",
                a.screen
            ),
        )
    })?;
    let range = match (&a.range, screen) {
        (None, _) => Range::default(),
        (Some(r), Screen::Trends) => Range::parse(r).ok_or_else(|| {
            crate::domain::InputError::new(
                "range",
                format!("unknown range '{r}'; allowed: 4w, 12w, 1y, all"),
            )
        })?,
        (Some(_), s) => {
            return Err(crate::domain::InputError::new(
                "range",
                format!(
                    "--range applies to the trends screen, not {}; allowed: show trends --range 4w|12w|1y|all",
                    s.name()
                ),
            )
            .into());
        }
    };
    let (min_w, min_h) = Screen::MIN_SIZE;
    if a.width < min_w || a.height < min_h {
        // The app's "too small" notice tells a person at a keyboard to resize or quit; a script
        // asking for a size the screens cannot draw gets a refusal instead.
        return Err(crate::domain::InputError::new(
            "size",
            format!(
                "{}×{} is too small to draw a screen; allowed: --width at least {min_w}, --height at least {min_h}",
                a.width, a.height
            ),
        )
        .into());
    }
    let ctx = Ctx::open_existing(g)?;
    let text = render_once(ctx.repo, ctx.today, screen, range, a.width, a.height);
    emit(text.trim_end_matches('\n'));
    Ok(())
}
