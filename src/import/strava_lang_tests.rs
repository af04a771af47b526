//! Every export language: its first header cell, its date forms (12- and 24-hour clocks,
//! month names, narrow no-break spaces) and its activity types.

use super::*;
use crate::domain::vocab::ActivityKind as K;

fn lang(first_cell: &str) -> &'static Lang {
    by_first_cell(first_cell).unwrap_or_else(|| panic!("no language for {first_cell}"))
}

#[test]
fn every_language_reads_its_own_dates() {
    // (first header cell, date as written, the UTC time it means)
    let table: &[(&str, &str, &str)] = &[
        (
            "Activity ID",
            "Oct 7, 2020, 2:43:11 PM",
            "2020-10-07 14:43:11",
        ),
        (
            "Activity ID",
            "Dec 12, 2021, 12:05:00\u{202f}AM",
            "2021-12-12 00:05:00",
        ),
        (
            "\u{feff}Activity ID",
            "May 1, 2019, 12:00:01 PM",
            "2019-05-01 12:00:01",
        ),
        (
            "Aktivitäts-ID",
            "07.10.2020, 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "Aktivitäts-ID",
            "7. Okt. 2020, 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "Aktivitäts-ID",
            "3. März 2021 08:01:02",
            "2021-03-03 08:01:02",
        ),
        (
            "ID de l'activité",
            "7 oct. 2020, 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "ID de l'activité",
            "12 févr. 2022 à 06:07:08",
            "2022-02-12 06:07:08",
        ),
        (
            "ID de l’activité",
            "1 août 2023 23:59:59",
            "2023-08-01 23:59:59",
        ),
        (
            "Id. de actividad",
            "2 ago 2026, 12:20:32\u{202f}p.\u{a0}m.",
            "2026-08-02 12:20:32",
        ),
        (
            "Id. de actividad",
            "2 ago 2026, 2:20:32 p. m.",
            "2026-08-02 14:20:32",
        ),
        (
            "Id. de actividad",
            "15 ene. 2025, 12:05:00 a. m.",
            "2025-01-15 00:05:00",
        ),
        (
            "Id. de actividad",
            "7 oct 2020, 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "ID de la actividad",
            "2 de ene. de 2025, 7:05:00",
            "2025-01-02 07:05:00",
        ),
        ("ID attività", "7 ott 2020, 14:43:11", "2020-10-07 14:43:11"),
        ("ID attività", "21 giu 2018 06:00:00", "2018-06-21 06:00:00"),
        (
            "Activiteits-ID",
            "23 jun. 2017 15:52:12",
            "2017-06-23 15:52:12",
        ),
        (
            "Activiteits-ID",
            "6 mrt. 2024 14:23:15",
            "2024-03-06 14:23:15",
        ),
        (
            "Activiteits-ID",
            "9 mei 2026, 19:00:00",
            "2026-05-09 19:00:00",
        ),
        (
            "ID da atividade",
            "7 de out. de 2020 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "ID da atividade",
            "07/10/2020, 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "ID da atividade",
            "3 de fev. de 2021, 2:05:00 PM",
            "2021-02-03 14:05:00",
        ),
        (
            "ID занятия",
            "7 окт. 2020 г., 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "ID занятия",
            "1 мая 2019 г., 07:00:00",
            "2019-05-01 07:00:00",
        ),
        (
            "アクティビティID",
            "2020/10/07 14:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "アクティビティID",
            "2020/10/07 午後2:43:11",
            "2020-10-07 14:43:11",
        ),
        ("活动 ID", "2020年10月7日 14:43:11", "2020-10-07 14:43:11"),
        (
            "活動 ID",
            "2020年10月7日 下午2:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "활동 ID",
            "2020. 10. 7. 오후 2:43:11",
            "2020-10-07 14:43:11",
        ),
        (
            "활동 ID",
            "2020. 10. 7. 오전 12:43:11",
            "2020-10-07 00:43:11",
        ),
        // Legacy and machine-written forms are read in any language.
        ("Activity ID", "2016-05-03 17:22:10", "2016-05-03 17:22:10"),
        (
            "Aktivitäts-ID",
            "2016-05-03T17:22:10Z",
            "2016-05-03 17:22:10",
        ),
    ];
    for (cell, text, want) in table {
        let got = lang(cell).parse_date(text).map(|d| d.to_string());
        assert_eq!(got.as_deref(), Some(*want), "{cell}: {text}");
    }
    for (cell, bad) in [
        ("Activity ID", "yesterday"),
        ("Activity ID", "Oct 32, 2020, 2:43:11 PM"),
        ("Aktivitäts-ID", "07.10.20"),
        ("Activiteits-ID", "23 foo 2017 15:52:12"),
    ] {
        assert_eq!(lang(cell).parse_date(bad), None, "{cell}: {bad}");
    }
}

#[test]
fn every_language_has_month_names_for_the_whole_year() {
    let written: &[(&str, [&str; 12])] = &[
        (
            "Activity ID",
            [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
        ),
        (
            "Aktivitäts-ID",
            [
                "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                "Nov.", "Dez.",
            ],
        ),
        (
            "ID de l'activité",
            [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ],
        ),
        (
            "Id. de actividad",
            [
                "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
            ],
        ),
        (
            "ID attività",
            [
                "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
            ],
        ),
        (
            "Activiteits-ID",
            [
                "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
                "nov.", "dec.",
            ],
        ),
        (
            "ID da atividade",
            [
                "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
                "nov.", "dez.",
            ],
        ),
        (
            "ID занятия",
            [
                "янв.",
                "февр.",
                "мар.",
                "апр.",
                "мая",
                "июн.",
                "июл.",
                "авг.",
                "сент.",
                "окт.",
                "нояб.",
                "дек.",
            ],
        ),
    ];
    for (cell, months) in written {
        for (i, m) in months.iter().enumerate() {
            let text = format!("5 {m} 2021 10:00:00");
            let d = lang(cell).parse_date(&text);
            assert_eq!(
                d.map(|d| d.to_string()),
                Some(format!("2021-{:02}-05 10:00:00", i + 1)),
                "{cell}: {text}"
            );
        }
    }
}

#[test]
fn every_language_knows_its_activity_types() {
    let table: &[(&str, &str, K)] = &[
        ("Activity ID", "Ride", K::Ride),
        ("Activity ID", "Virtual Ride", K::VirtualRide),
        ("Aktivitäts-ID", "Radfahrt", K::Ride),
        ("Aktivitäts-ID", "Virtuelle Radfahrt", K::VirtualRide),
        ("Aktivitäts-ID", "Lauf", K::Run),
        ("Aktivitäts-ID", "Wanderung", K::Walk),
        ("Aktivitäts-ID", "Krafttraining", K::Strength),
        ("ID de l'activité", "Vélo", K::Ride),
        ("ID de l'activité", "Course à pied", K::Run),
        ("ID de l'activité", "Vélo virtuel", K::VirtualRide),
        ("ID de l'activité", "Natation", K::Swim),
        ("Id. de actividad", "Carrera", K::Run),
        ("Id. de actividad", "Bicicleta", K::Ride),
        ("Id. de actividad", "Bicicleta virtual", K::VirtualRide),
        ("Id. de actividad", "Entrenamiento con pesas", K::Strength),
        ("ID attività", "Giro in bici", K::Ride),
        ("ID attività", "Corsa", K::Run),
        ("ID attività", "Nuoto", K::Swim),
        ("Activiteits-ID", "Hardloopsessie", K::Run),
        ("Activiteits-ID", "Fietsrit", K::Ride),
        ("Activiteits-ID", "Virtuele fietsrit", K::VirtualRide),
        ("Activiteits-ID", "Wandeling", K::Walk),
        ("Activiteits-ID", "Krachttraining", K::Strength),
        ("ID da atividade", "Pedalada", K::Ride),
        ("ID da atividade", "Corrida", K::Run),
        ("ID da atividade", "Caminhada", K::Walk),
        ("ID занятия", "Велозаезд", K::Ride),
        ("ID занятия", "Забег", K::Run),
        ("ID занятия", "Плавание", K::Swim),
        ("アクティビティID", "ライド", K::Ride),
        ("アクティビティID", "バーチャルライド", K::VirtualRide),
        ("アクティビティID", "ラン", K::Run),
        ("活动 ID", "骑行", K::Ride),
        ("活动 ID", "跑步", K::Run),
        ("활동 ID", "라이딩", K::Ride),
        ("활동 ID", "달리기", K::Run),
        ("활동 ID", "요가", K::Other),
        // Untranslated English types are understood in every language.
        ("Activiteits-ID", "Run", K::Run),
    ];
    for (cell, t, want) in table {
        assert_eq!(lang(cell).kind(t), *want, "{cell}: {t}");
    }
}

#[test]
fn unknown_first_cells_are_no_language() {
    assert!(by_first_cell("Identyfikator aktywności").is_none());
    assert!(by_first_cell("id").is_none());
    assert_eq!(lang("ACTIVITY ID").name, "English");
    assert_eq!(lang("Id. de actividad").name, "Spanish");
}
