//! Drawing the forms: the check-in's own layout (`checkin`) and every other form's labelled
//! fields (`fields`). Pure render functions, as the screens.

pub mod checkin;
pub mod fields;
