//! `score add|list|every` (SPEC §14): input is checked before the journal is opened, so a
//! refused score writes nothing.

use serde_json::json;

use super::args::Global;
use super::args_scores::ScoreCmd;
use super::ctx::{Ctx, with_ref};
use crate::analysis::scores::{score_sentence, score_summaries};
use crate::domain::clock;
use crate::ops;
use crate::ops::scores::ScoreDraft;
use crate::repo::Kind;

pub fn run(g: &Global, cmd: ScoreCmd) -> anyhow::Result<()> {
    let today = clock::today();
    match cmd {
        ScoreCmd::Add {
            instrument,
            value,
            date,
            psych,
            note,
        } => {
            let d = ScoreDraft {
                instrument,
                value,
                date,
                psych,
                note,
            };
            ops::scores::validate(&d, today)?;
            let mut ctx = Ctx::open(g)?;
            let done = ops::scores::add(&mut ctx.repo, &d, today)?;
            ctx.out(&with_ref(Kind::Score, done.record.id, &done.record), || {
                done.summary.clone()
            })
        }
        ScoreCmd::Every { instrument, every } => {
            ops::scores::parse_every(&instrument, &every)?;
            let mut ctx = Ctx::open(g)?;
            let done = ops::scores::every(&mut ctx.repo, &instrument, &every)?;
            ctx.out(&done.record, || done.summary.clone())
        }
        ScoreCmd::List => {
            let ctx = Ctx::open_existing(g)?;
            let all = ctx.repo.scores()?;
            let sums = score_summaries(&all, &ctx.repo.schedules()?, today, None);
            let rows: Vec<_> = all.iter().map(|s| with_ref(Kind::Score, s.id, s)).collect();
            let v = json!({"scores": rows, "summaries": sums});
            ctx.out(&v, || {
                if all.is_empty() && sums.is_empty() {
                    return "No outcome scores yet. Enter a total: backtrack score add odi 32"
                        .into();
                }
                let mut out: Vec<String> = all
                    .iter()
                    .map(|s| {
                        let psych = s.psych.map_or(String::new(), |p| format!(" psych {p}"));
                        // One row a score: a note's line break cannot forge another.
                        let note = s.note.as_deref().map_or(String::new(), |n| {
                            format!("  {}", crate::domain::safe_text::one_line(n))
                        });
                        format!(
                            "s{:<4} {}  {:<10} {:>5}{psych}{note}",
                            s.id,
                            s.date,
                            s.instrument.as_str(),
                            s.value
                        )
                    })
                    .collect();
                if !out.is_empty() {
                    out.push(String::new());
                }
                out.extend(sums.iter().map(score_sentence));
                out.join("\n")
            })
        }
    }
}
