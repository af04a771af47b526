//! Strava exports in other languages and vintages (SPEC §10), written in each one's layout:
//! columns by position, local dates, decimal commas, translated types; the legacy export;
//! line numbers with Windows line endings; double uploads; sport-specific load.

use serde_json::Value;

use super::common::Journal;
use super::import_csv::import_json;

/// The display block of the current export (15 columns) then the machine block, in Dutch.
const DUTCH_HEADER: &str = "Activiteits-ID,Datum van activiteit,Naam activiteit,Activiteitstype,Beschrijving van activiteit,Verstreken tijd,Afstand,Max. hartslag,Relatieve inspanning,Woon-werkverkeer,Privénotitie bij activiteit,Uitrusting voor activiteit,Bestandsnaam,Gewicht atleet,Gewicht fiets,Verstreken tijd,Beweegtijd,Afstand,Max. snelheid,Gemiddelde snelheid,Totale stijging,Totale daling,Laagste hoogte,Hoogste hoogte,Max. stijgingspercentage,Gemiddeld stijgingspercentage,Gemiddeld positief stijgingspercentage,Gemiddeld negatief stijgingspercentage,Max. cadans,Gemiddelde cadans,Max. hartslag,Gemiddelde hartslag,Max. wattage,Gemiddeld wattage,Calorieën,Max. temperatuur,Gemiddelde temperatuur,Relatieve inspanning,Totale arbeid,Aantal runs,Tijd bergop,Tijd bergaf,Overige tijd,Ervaren inspanning,Type,Starttijd,Gewogen gemiddeld vermogen";

/// A row of `n` empty cells with `cells` filled at their positions.
fn row(n: usize, cells: &[(usize, &str)]) -> String {
    let mut v = vec![String::new(); n];
    for (i, c) in cells {
        v[*i] = format!("\"{c}\"");
    }
    v.join(",")
}

fn acts(s: &Value) -> Vec<Value> {
    s["imported"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["activities"].as_array().unwrap().clone())
        .collect()
}

#[test]
fn a_dutch_export_reads_by_position_with_decimal_commas() {
    let n = DUTCH_HEADER.split(',').count();
    let run = row(
        n,
        &[
            (0, "1001"),
            (1, "23 jun. 2017 15:52:12"),
            (2, "Avondloop"),
            (3, "Hardloopsessie"),
            (4, "rug stijf"),
            (5, "1900"),
            (6, "7,50"),
            (10, "links"),
            (12, "activities/1001.fit.gz"),
            (15, "1900,0"),
            (16, "1800,0"),
            (17, "7500,5"),
            (20, "80,0"),
            (31, "148,0"),
            (43, "6"),
        ],
    );
    // Without the machine block's metres, the display km (decimal comma) are used.
    let ride = row(
        n,
        &[
            (0, "1002"),
            (1, "24 jun. 2017 07:00:00"),
            (2, "Ochtendrit"),
            (3, "Fietsrit"),
            (5, "3650"),
            (6, "30,25"),
            (11, "Canyon"),
            (33, "201,5"),
        ],
    );
    let j = Journal::new();
    let p = j.dir.path().join("activities.csv");
    std::fs::write(&p, format!("{DUTCH_HEADER}\n{run}\n{ride}\n")).unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let a = acts(&s);
    assert_eq!(a.len(), 2, "{s}");
    assert_eq!(a[0]["kind"], "run");
    assert_eq!(a[0]["start"], "2017-06-23T15:52:12");
    assert_eq!(a[0]["moving_s"], 1800);
    assert_eq!(a[0]["distance_m"], 7500.5);
    assert_eq!(a[0]["ascent_m"], 80.0);
    assert_eq!(a[0]["avg_hr"], 148.0);
    assert_eq!(a[0]["rpe"], 6);
    assert_eq!(a[0]["note"], "Avondloop\nrug stijf\nlinks");
    assert_eq!(a[1]["kind"], "ride");
    assert_eq!(a[1]["distance_m"], 30250.0);
    assert_eq!(a[1]["avg_power_w"], 201.5);
    assert_eq!(a[1]["bike"], "Canyon");
}

#[test]
fn a_spanish_export_of_an_older_vintage_with_a_12_hour_clock() {
    // Before "Activity Private Note": the display block has 14 columns.
    let header = "Id. de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,Descripción de la actividad,Tiempo transcurrido,Distancia,Frecuencia cardiaca máxima,Esfuerzo relativo,Desplazamiento,Equipo de la actividad,Nombre del archivo,Peso del deportista,Peso de la bicicleta,Tiempo transcurrido,Tiempo en movimiento,Distancia";
    let n = header.split(',').count();
    let r = row(
        n,
        &[
            (0, "7"),
            (1, "2 ago 2026, 12:20:32\u{202f}p.\u{a0}m."),
            (2, "Carrera de tarde"),
            (3, "Carrera"),
            (5, "2400"),
            (6, "8,02"),
            (10, "Zapatillas"),
            (11, "activities/7.gpx"),
            (14, "2400,0"),
            (15, "2300,0"),
            (16, "8020,4"),
        ],
    );
    let j = Journal::new();
    let p = j.dir.path().join("activities.csv");
    std::fs::write(&p, format!("{header}\n{r}\n")).unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let a = acts(&s);
    assert_eq!(a.len(), 1, "{s}");
    assert_eq!(a[0]["start"], "2026-08-02T12:20:32");
    assert_eq!(a[0]["kind"], "run");
    assert_eq!(a[0]["moving_s"], 2300);
    assert_eq!(a[0]["distance_m"], 8020.4);
    assert!(a[0]["bike"].is_null(), "gear is a bike only on rides");
}

#[test]
fn the_legacy_export_and_an_unknown_language() {
    let j = Journal::new();
    let p = j.dir.path().join("activities.csv");
    std::fs::write(
        &p,
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n\
         301,2016-05-03 17:22:10,Evening Ride,Ride,\"sore, then fine\",3600,30123.4,false,Bianchi,301.gpx\n",
    )
    .unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let a = acts(&s);
    assert_eq!(a.len(), 1, "{s}");
    assert_eq!(a[0]["start"], "2016-05-03T17:22:10");
    assert_eq!(a[0]["distance_m"], 30123.4, "metres");
    assert_eq!(a[0]["note"], "Evening Ride\nsore, then fine");
    assert_eq!(a[0]["bike"], "Bianchi");

    // A Strava-shaped export whose first cell is in a language not read: failed, named.
    let mut cells = vec![
        "Identyfikator aktywności",
        "Data",
        "Nazwa",
        "Typ",
        "Opis",
        "Czas",
    ];
    cells.extend(["x"; 9]);
    cells.extend(["Czas"; 10]);
    let pl = j.dir.path().join("pl.csv");
    std::fs::write(&pl, format!("{}\n1,a,b,c,d,e\n", cells.join(","))).unwrap();
    let out = j
        .cmd()
        .args(["import", pl.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "every file failed");
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = s["failed"][0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "a Strava export in an unknown language: its first column is 'Identyfikator aktywności'"
        ),
        "{reason}"
    );
}

#[test]
fn crlf_line_numbers_and_double_uploads_keep_the_fullest_row() {
    let h = super::import_csv::STRAVA_HEADER;
    let r = |vals: &[(&str, usize, &str)]| super::import_csv::strava_row(vals);
    let bare = r(&[
        ("Activity ID", 0, "1"),
        ("Activity Date", 0, "Oct 7, 2020, 2:43:11 PM"),
        ("Activity Type", 0, "Ride"),
        ("Elapsed Time", 0, "3600"),
    ]);
    let full = r(&[
        ("Activity ID", 0, "2"),
        ("Activity Date", 0, "Oct 7, 2020, 2:43:11 PM"),
        ("Activity Type", 0, "Ride"),
        ("Elapsed Time", 0, "3600"),
        ("Average Heart Rate", 0, "150"),
        ("Average Watts", 0, "200"),
    ]);
    let bad = r(&[
        ("Activity ID", 0, "3"),
        ("Activity Date", 0, "never"),
        ("Elapsed Time", 0, "60"),
    ]);
    let j = Journal::new();
    let p = j.dir.path().join("activities.csv");
    // A quoted line break inside a description makes one row span two lines.
    let multi = r(&[
        ("Activity ID", 0, "4"),
        ("Activity Date", 0, "Oct 8, 2020, 2:43:11 PM"),
        ("Activity Description", 0, "two\r\nlines"),
        ("Elapsed Time", 0, "60"),
    ]);
    std::fs::write(
        &p,
        format!("{h}\r\n{bare}\r\n{multi}\r\n{full}\r\n{bare}\r\n{bad}\r\n"),
    )
    .unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let a = acts(&s);
    assert_eq!(a.len(), 2, "{s}");
    let oct7 = a
        .iter()
        .find(|x| x["start"] == "2020-10-07T14:43:11")
        .unwrap();
    assert_eq!(oct7["avg_hr"], 150.0, "the row with figures is kept");
    let failed = &s["failed"][0];
    assert_eq!(failed["line"], 7, "the bad row's own line: {s}");
    let skipped = s["skipped"].as_array().unwrap();
    let lines: Vec<(i64, String)> = skipped
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().unwrap(),
                e["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    for (line, reason) in &lines {
        assert!([2, 6].contains(line), "{lines:?}");
        assert!(
            reason.contains("like line 5, which has more figures and is kept"),
            "{reason}"
        );
    }
}

#[test]
fn runs_get_no_cycling_tss_and_a_running_threshold_recomputes() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250", "--from", "2020-01-01"]);
    let h = super::import_csv::STRAVA_HEADER;
    let r = |id: &str, date: &str, t: &str| {
        super::import_csv::strava_row(&[
            ("Activity ID", 0, id),
            ("Activity Date", 0, date),
            ("Activity Type", 0, t),
            ("Elapsed Time", 0, "3600"),
            ("Average Watts", 0, "250"),
            ("Average Heart Rate", 0, "150"),
            ("Perceived Exertion", 0, "5"),
        ])
    };
    let p = j.dir.path().join("activities.csv");
    let csv = format!(
        "{h}\n{}\n{}\n",
        r("1", "Oct 7, 2020, 2:43:11 PM", "Ride"),
        r("2", "Oct 8, 2020, 2:43:11 PM", "Run")
    );
    std::fs::write(&p, csv).unwrap();
    let s = import_json(&j, &[p.to_str().unwrap()]);
    let a = acts(&s);
    assert_eq!(
        (a[0]["tss"].as_f64(), a[0]["load_source"].as_str()),
        (Some(100.0), Some("power"))
    );
    assert_eq!(
        a[1]["load_source"], "rpe",
        "no cycling FTP for a run, no LTHR: RPE"
    );
    let set = j.json(&["set", "run_ftp", "300", "--from", "2020-01-01"]);
    assert_eq!(set["recomputed"], 1, "{set}");
    let list = j.json(&["list", "activities", "--all"]);
    let run = list
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "run")
        .unwrap_or_else(|| panic!("{list}"));
    // 1 h at 250 W over a running FTP of 300: IF 0.833, TSS 69.4.
    assert_eq!(
        (run["tss"].as_f64(), run["load_source"].as_str()),
        (Some(69.4), Some("power"))
    );
    let set = j.json(&["set", "run_lthr", "160", "--from", "2020-01-01"]);
    assert_eq!(set["recomputed"], 0, "power still wins: {set}");
}
