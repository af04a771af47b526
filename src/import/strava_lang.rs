//! The languages of Strava's bulk export (SPEC §10): each told apart by the first header cell
//! (the translated "Activity ID"), with its month names, day order, 12-hour markers and
//! activity types. Dates are written the way the language writes a medium date and time
//! (`Oct 7, 2020, 2:43:11 PM`, `23 jun. 2017 15:52:12`, `2 ago 2026, 12:20:32 p. m.`,
//! `2020/10/07 14:43:11`, `2020. 10. 7. 오후 2:43:11`), so one tolerant reader serves all.

use crate::domain::vocab::ActivityKind;

/// The order of day, month and year when all three are numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Dmy,
    Mdy,
    Ymd,
}

/// One export language.
pub struct Lang {
    pub name: &'static str,
    /// The first header cell, normalized (`norm`): lower case without spaces or punctuation.
    pub first_cells: &'static [&'static str],
    /// Month stems, January first: a word starting with one of them is that month.
    pub months: [&'static [&'static str]; 12],
    pub order: Order,
    /// Writes decimals with a comma (`42,5`).
    pub decimal_comma: bool,
    /// Words of activity types, in order; the first contained in the (normalized) type wins.
    pub types: &'static [(&'static str, ActivityKind)],
}

use ActivityKind::{IndoorRide as I, Other as O, Ride as R, Run as U, Strength as S, Swim as W};
use ActivityKind::{VirtualRide as V, Walk as K};

pub(super) const EN_MONTHS: [&[&str]; 12] = [
    &["jan"],
    &["feb"],
    &["mar"],
    &["apr"],
    &["may"],
    &["jun"],
    &["jul"],
    &["aug"],
    &["sep"],
    &["oct"],
    &["nov"],
    &["dec"],
];

/// Every language the importer reads. English types go through `rows::kind_of`.
pub static LANGS: &[Lang] = &[
    Lang {
        name: "English",
        first_cells: &["activityid"],
        months: EN_MONTHS,
        order: Order::Mdy,
        decimal_comma: false,
        types: &[],
    },
    Lang {
        name: "German",
        first_cells: &["aktivitätsid", "aktivitätid"],
        months: [
            &["jan"],
            &["feb"],
            &["mär", "mrz", "mar"],
            &["apr"],
            &["mai"],
            &["jun"],
            &["jul"],
            &["aug"],
            &["sep"],
            &["okt"],
            &["nov"],
            &["dez"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("virtuellerlauf", U),
            ("virtuell", V),
            ("indoor", I),
            ("rad", R),
            ("fahrt", R),
            ("bike", R),
            ("lauf", U),
            ("spazier", K),
            ("gehen", K),
            ("wander", K),
            ("schwimm", W),
            ("kraft", S),
            ("gewicht", S),
        ],
    },
    Lang {
        name: "French",
        first_cells: &["iddelactivité", "identifiantdelactivité"],
        months: [
            &["janv", "jan"],
            &["févr", "fev", "fév"],
            &["mars"],
            &["avr"],
            &["mai"],
            &["juin"],
            &["juil"],
            &["août", "aout"],
            &["sept"],
            &["oct"],
            &["nov"],
            &["déc", "dec"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("coursevirtuelle", U),
            ("virtuel", V),
            ("vélo", R),
            ("velo", R),
            ("vtt", R),
            ("cyclisme", R),
            ("course", U),
            ("marche", K),
            ("randonn", K),
            ("natation", W),
            ("muscu", S),
            ("poids", S),
        ],
    },
    Lang {
        name: "Spanish",
        first_cells: &[
            "iddeactividad",
            "iddelaactividad",
            "identificadordeactividad",
        ],
        months: [
            &["ene"],
            &["feb"],
            &["mar"],
            &["abr"],
            &["may"],
            &["jun"],
            &["jul"],
            &["ago"],
            &["sep"],
            &["oct"],
            &["nov"],
            &["dic"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("carreravirtual", U),
            ("virtual", V),
            ("bici", R),
            ("ciclis", R),
            ("carrera", U),
            ("correr", U),
            ("caminata", K),
            ("senderismo", K),
            ("excursi", K),
            ("nataci", W),
            ("pesas", S),
            ("fuerza", S),
        ],
    },
    Lang {
        name: "Italian",
        first_cells: &["idattività", "iddellattività"],
        months: [
            &["gen"],
            &["feb"],
            &["mar"],
            &["apr"],
            &["mag"],
            &["giu"],
            &["lug"],
            &["ago"],
            &["set"],
            &["ott"],
            &["nov"],
            &["dic"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("corsavirtuale", U),
            ("virtuale", V),
            ("bici", R),
            ("cicl", R),
            ("corsa", U),
            ("camminata", K),
            ("escursion", K),
            ("nuoto", W),
            ("pesi", S),
        ],
    },
    Lang {
        name: "Dutch",
        first_cells: &["activiteitsid", "activiteitid"],
        months: [
            &["jan"],
            &["feb"],
            &["mrt", "maa"],
            &["apr"],
            &["mei"],
            &["jun"],
            &["jul"],
            &["aug"],
            &["sep"],
            &["okt"],
            &["nov"],
            &["dec"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("virtueelhardlopen", U),
            ("virtuele", V),
            ("fiets", R),
            ("hardloop", U),
            ("wandel", K),
            ("hiken", K),
            ("zwem", W),
            ("kracht", S),
        ],
    },
    Lang {
        name: "Portuguese",
        first_cells: &["iddaatividade", "iddaactividade", "iddeatividade"],
        months: [
            &["jan"],
            &["fev"],
            &["mar"],
            &["abr"],
            &["mai"],
            &["jun"],
            &["jul"],
            &["ago"],
            &["set"],
            &["out"],
            &["nov"],
            &["dez"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("corridavirtual", U),
            ("virtual", V),
            ("pedal", R),
            ("ciclis", R),
            ("bicicleta", R),
            ("corrida", U),
            ("caminhada", K),
            ("trilha", K),
            ("nata", W),
            ("muscula", S),
            ("peso", S),
        ],
    },
    Lang {
        name: "Russian",
        first_cells: &[
            "idзанятия",
            "idактивности",
            "idтренировки",
            "идентификаторзанятия",
        ],
        months: [
            &["янв"],
            &["фев"],
            &["мар"],
            &["апр"],
            &["мая", "май"],
            &["июн"],
            &["июл"],
            &["авг"],
            &["сен"],
            &["окт"],
            &["ноя"],
            &["дек"],
        ],
        order: Order::Dmy,
        decimal_comma: true,
        types: &[
            ("виртуальныйзабег", U),
            ("виртуал", V),
            ("вело", R),
            ("забег", U),
            ("бег", U),
            ("прогул", K),
            ("ходьб", K),
            ("поход", K),
            ("плаван", W),
            ("силов", S),
        ],
    },
    Lang {
        name: "Japanese",
        first_cells: &["アクティビティid"],
        months: NO_MONTHS,
        order: Order::Ymd,
        decimal_comma: false,
        types: &[
            ("バーチャルラン", U),
            ("バーチャル", V),
            ("ライド", R),
            ("サイクリング", R),
            ("ラン", U),
            ("ウォーク", K),
            ("ハイク", K),
            ("水泳", W),
            ("スイム", W),
            ("ウェイト", S),
        ],
    },
    Lang {
        name: "Chinese",
        first_cells: &["活动id", "活動id", "运动id", "運動id"],
        months: NO_MONTHS,
        order: Order::Ymd,
        decimal_comma: false,
        types: &[
            ("虚拟跑", U),
            ("虛擬跑", U),
            ("虚拟", V),
            ("虛擬", V),
            ("骑", R),
            ("騎", R),
            ("自行车", R),
            ("跑", U),
            ("步行", K),
            ("徒步", K),
            ("健行", K),
            ("游泳", W),
            ("重量", S),
            ("力量", S),
            ("重訓", S),
        ],
    },
    Lang {
        name: "Korean",
        first_cells: &["활동id"],
        months: NO_MONTHS,
        order: Order::Ymd,
        decimal_comma: false,
        types: &[
            ("가상달리기", U),
            ("가상", V),
            ("라이딩", R),
            ("자전거", R),
            ("달리기", U),
            ("러닝", U),
            ("걷기", K),
            ("하이킹", K),
            ("수영", W),
            ("웨이트", S),
        ],
    },
];

const NO_MONTHS: [&[&str]; 12] = [&[]; 12];

/// Lower case without spaces (of any width) and punctuation: how header cells and words
/// are compared.
pub fn norm(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The language whose first header cell this is.
pub fn by_first_cell(cell: &str) -> Option<&'static Lang> {
    let n = norm(cell);
    LANGS.iter().find(|l| l.first_cells.contains(&n.as_str()))
}

impl Lang {
    /// The activity kind of a translated type; English words are understood in every
    /// language (older exports left some untranslated).
    pub fn kind(&self, activity_type: &str) -> ActivityKind {
        let english = super::rows::kind_of(activity_type, false);
        if english != O {
            return english;
        }
        let n = norm(activity_type);
        self.types
            .iter()
            .find(|(w, _)| n.contains(w))
            .map_or(O, |(_, k)| *k)
    }
}

#[cfg(test)]
#[path = "strava_lang_tests.rs"]
mod tests;
