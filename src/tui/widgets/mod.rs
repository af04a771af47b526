//! Small drawing helpers shared by the screens: pain bars with their numbers, the 14-day bar
//! sparkline and the calendar heat-map.

pub mod calendar;
pub mod pain;
pub mod strip;
pub mod wrapped;

pub use wrapped::{pack, wrapped};
